import { describe, expect, it } from 'vitest';
import { readReference, referenceCsv } from '../../../helpers/reference.ts';
import { constantNames, lookupConstant } from '../../../../src/sim/syscalls/constants/lookupConstant.ts';
import type { ConstantFamily } from '../../../../src/sim/syscalls/constants/constantFamily.ts';
import { CONSTANT_FAMILIES } from '../../../../src/sim/syscalls/constants/constantFamilies.ts';
import { bitOr } from '../../../../src/sim/syscalls/constants/bits.ts';

describe('lookupConstant: x86_64 Linux values', () => {
  it.each([
    // include/uapi/asm-generic/fcntl.h
    { name: 'O_RDONLY', value: 0 },
    { name: 'O_RDWR', value: 2 },
    { name: 'O_CREAT', value: 0o100 },
    { name: 'O_CLOEXEC', value: 0x80000 },
    { name: 'O_DIRECTORY', value: 0x10000 },
    { name: 'O_PATH', value: 0x200000 },
    { name: 'O_TMPFILE', value: 0x410000 },
    { name: 'O_SYNC', value: 0x101000 },
    // include/uapi/linux/fcntl.h
    { name: 'AT_FDCWD', value: -100 },
    { name: 'AT_SYMLINK_NOFOLLOW', value: 0x100 },
    { name: 'AT_REMOVEDIR', value: 0x200 },
    { name: 'AT_EMPTY_PATH', value: 0x1000 },
    { name: 'F_DUPFD_CLOEXEC', value: 1030 },
    // include/uapi/linux/sched.h
    { name: 'CLONE_VM', value: 0x100 },
    { name: 'CLONE_THREAD', value: 0x10000 },
    { name: 'CLONE_NEWNS', value: 0x20000 },
    { name: 'CLONE_CHILD_SETTID', value: 0x1000000 },
    { name: 'CLONE_NEWCGROUP', value: 0x2000000 },
    { name: 'CLONE_NEWUTS', value: 0x4000000 },
    { name: 'CLONE_NEWIPC', value: 0x8000000 },
    { name: 'CLONE_NEWUSER', value: 0x10000000 },
    { name: 'CLONE_NEWPID', value: 0x20000000 },
    { name: 'CLONE_NEWNET', value: 0x40000000 },
    { name: 'CLONE_IO', value: 0x80000000 },
    { name: 'CLONE_NEWTIME', value: 0x80 },
    { name: 'CLONE_INTO_CGROUP', value: 0x200000000 },
    // include/linux/socket.h, include/linux/net.h, include/uapi/linux/in.h
    { name: 'AF_INET6', value: 10 },
    { name: 'PF_NETLINK', value: 16 },
    { name: 'SOCK_NONBLOCK', value: 0o4000 },
    { name: 'SOCK_CLOEXEC', value: 0o2000000 },
    { name: 'IPPROTO_TCP', value: 6 },
    // include/uapi/linux/mount.h, include/linux/fs.h
    { name: 'MS_BIND', value: 4096 },
    { name: 'MS_REC', value: 16384 },
    { name: 'MS_PRIVATE', value: 1 << 18 },
    { name: 'MNT_DETACH', value: 2 },
    // include/uapi/asm-generic/mman-common.h, arch/x86/include/uapi/asm/mman.h
    { name: 'PROT_EXEC', value: 4 },
    { name: 'MAP_ANONYMOUS', value: 0x20 },
    { name: 'MAP_32BIT', value: 0x40 },
    // arch/x86/include/uapi/asm/signal.h
    { name: 'SIGKILL', value: 9 },
    { name: 'SIGCHLD', value: 17 },
    { name: 'SIGSYS', value: 31 },
    // include/uapi/linux/stat.h, unistd.h
    { name: 'S_IFDIR', value: 0o40000 },
    { name: 'R_OK', value: 4 },
    { name: 'SEEK_END', value: 2 },
    // include/uapi/linux/personality.h
    { name: 'ADDR_NO_RANDOMIZE', value: 0x40000 },
    { name: 'UNAME26', value: 0x20000 },
    { name: 'PER_LINUX32', value: 8 },
    // include/uapi/linux/reboot.h, prctl.h, keyctl.h, futex.h
    { name: 'LINUX_REBOOT_CMD_RESTART', value: 0x01234567 },
    { name: 'PR_SET_NO_NEW_PRIVS', value: 38 },
    { name: 'PR_CAPBSET_DROP', value: 24 },
    { name: 'KEYCTL_JOIN_SESSION_KEYRING', value: 1 },
    { name: 'FUTEX_WAKE_PRIVATE', value: 129 },
    // include/uapi/linux/eventpoll.h, time.h, asm-generic/resource.h, wait.h, random.h, memfd.h, eventfd.h
    { name: 'EPOLLET', value: 0x80000000 },
    { name: 'CLOCK_MONOTONIC', value: 1 },
    { name: 'CLOCK_BOOTTIME', value: 7 },
    { name: 'RLIMIT_NOFILE', value: 7 },
    { name: 'WNOHANG', value: 1 },
    { name: '__WALL', value: 0x40000000 },
    { name: 'P_PIDFD', value: 3 },
    { name: 'GRND_NONBLOCK', value: 1 },
    { name: 'MFD_CLOEXEC', value: 1 },
    { name: 'EFD_NONBLOCK', value: 0o4000 },
    // arch/x86/include/uapi/asm/prctl.h
    { name: 'ARCH_SET_FS', value: 0x1002 },
  ])('$name = $value', ({ name, value }) => {
    expect(lookupConstant(name)).toBe(value);
  });

  it.each(['O_BOGUS', 'o_rdonly', '', 'NULL', 'SIGRT_1'])('knows no constant %j', (name) => {
    expect(lookupConstant(name)).toBeUndefined();
  });

  it('gives every name one value across all families (C macros are global)', () => {
    const seen = new Map<string, number>();
    const clashes: string[] = [];
    for (const [id, f] of Object.entries(CONSTANT_FAMILIES)) {
      const family: ConstantFamily = f;
      const all = [...(family.field?.entries ?? []), ...family.entries, ...(family.exact ?? []), ...(family.aliases ?? [])];
      for (const [name, value] of all) {
        if (seen.has(name) && seen.get(name) !== value) clashes.push(`${id}: ${name}`);
        seen.set(name, value);
      }
    }
    expect(clashes).toEqual([]);
    expect(constantNames().length).toBe(seen.size);
  });
});

describe('constants against the reference seccomp profiles', () => {
  const docker = JSON.parse(readReference('docker_default_seccomp.json')) as {
    syscalls: { names: string[]; args?: { index: number; value: number; op: string }[] | null }[];
  };
  const argValues = (name: string): number[] =>
    docker.syscalls.filter((r) => r.names.includes(name)).flatMap((r) => (r.args ?? []).map((a) => a.value));

  it('Docker\'s clone mask is exactly the seven CLONE_NEW* flags clone(2) can carry (not CLONE_NEWTIME)', () => {
    const names = ['CLONE_NEWNS', 'CLONE_NEWCGROUP', 'CLONE_NEWUTS', 'CLONE_NEWIPC', 'CLONE_NEWUSER', 'CLONE_NEWPID', 'CLONE_NEWNET'];
    const mask = bitOr(...names.map((n) => lookupConstant(n) ?? NaN));
    expect(new Set(argValues('clone'))).toEqual(new Set([mask]));
    expect(mask).toBe(0x7e020000);
  });

  it('Docker\'s socket rule singles out AF_ALG and AF_VSOCK', () => {
    expect(argValues('socket').sort((a, b) => a - b)).toEqual([lookupConstant('AF_ALG'), lookupConstant('AF_NFC'), lookupConstant('AF_VSOCK')]);
  });

  it('every constant Solo5\'s spt tender names in an argument rule is known', () => {
    const idents = referenceCsv('solo5_spt_seccomp.csv')
      .flatMap((r) => [...(r.arg_constraint ?? '').matchAll(/\b[A-Z][A-Z0-9_]+\b/g)].map((m) => m[0]))
      .filter((n) => !n.startsWith('SCMP_'));
    expect(idents.length).toBeGreaterThan(0);
    expect(idents.filter((n) => lookupConstant(n) === undefined)).toEqual([]);
  });
});
