import { describe, expect, it } from 'vitest';
import { readReference } from '../../../helpers/reference.ts';
import { formatFlags, parseFlags, parseIntegerLiteral } from '../../../../src/sim/syscalls/constants/formatFlags.ts';
import type { ConstantFamily } from '../../../../src/sim/syscalls/constants/constantFamily.ts';
import { CONSTANT_FAMILIES, type ConstantFamilyId } from '../../../../src/sim/syscalls/constants/constantFamilies.ts';
import { bitOr } from '../../../../src/sim/syscalls/constants/bits.ts';

describe('formatFlags prints what strace prints', () => {
  it.each([
    { value: 0x80000, family: 'open', text: 'O_RDONLY|O_CLOEXEC' },
    { value: 0, family: 'open', text: 'O_RDONLY' },
    { value: 0o1101, family: 'open', text: 'O_WRONLY|O_CREAT|O_TRUNC' },
    { value: 0x410002, family: 'open', text: 'O_RDWR|O_TMPFILE' },
    { value: 0x101001, family: 'open', text: 'O_WRONLY|O_SYNC' },
    { value: 0x290000, family: 'open', text: 'O_RDONLY|O_CLOEXEC|O_PATH|O_DIRECTORY' },
    { value: 0x1100, family: 'at', text: 'AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH' },
    { value: 0, family: 'at', text: '0' },
    { value: -100, family: 'dirfd', text: 'AT_FDCWD' },
    { value: 3, family: 'dirfd', text: '3' },
    { value: 0x1200011, family: 'clone', text: 'CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD' },
    { value: 0x3d0f00, family: 'clone', text: 'CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID' },
    { value: 0x10000000 | 17, family: 'clone', text: 'CLONE_NEWUSER|SIGCHLD' },
    { value: 0x80, family: 'unshare', text: 'CLONE_NEWTIME' },
    { value: 0x20000 | 0x40000000, family: 'unshare', text: 'CLONE_NEWNS|CLONE_NEWNET' },
    { value: 0o100644, family: 'mode', text: 'S_IFREG|0644' },
    { value: 0o41777, family: 'mode', text: 'S_IFDIR|S_ISVTX|0777' },
    { value: 0o20666, family: 'mode', text: 'S_IFCHR|0666' },
    { value: 0o755, family: 'mode', text: '0755' },
    { value: 0, family: 'mode', text: '000' },
    { value: 3, family: 'prot', text: 'PROT_READ|PROT_WRITE' },
    { value: 0, family: 'prot', text: 'PROT_NONE' },
    { value: 0x22, family: 'map', text: 'MAP_PRIVATE|MAP_ANONYMOUS' },
    { value: 0x812, family: 'map', text: 'MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE' },
    { value: 0x5000, family: 'mount', text: 'MS_BIND|MS_REC' },
    { value: 0x44000, family: 'mount', text: 'MS_REC|MS_PRIVATE' },
    { value: 0xc0ed0001, family: 'mount', text: 'MS_MGC_VAL|MS_RDONLY' },
    { value: 0x80000000, family: 'mount', text: 'MS_NOUSER' },
    { value: 2, family: 'umount', text: 'MNT_DETACH' },
    { value: 1, family: 'af', text: 'AF_UNIX' },
    { value: 0x80001, family: 'sock', text: 'SOCK_STREAM|SOCK_CLOEXEC' },
    { value: 0x80802, family: 'sock', text: 'SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK' },
    { value: 6, family: 'ipproto', text: 'IPPROTO_TCP' },
    { value: 9, family: 'signal', text: 'SIGKILL' },
    { value: 99, family: 'signal', text: '99' },
    { value: 4, family: 'access', text: 'R_OK' },
    { value: 0, family: 'access', text: 'F_OK' },
    { value: 1030, family: 'fcntl', text: 'F_DUPFD_CLOEXEC' },
    { value: 0, family: 'personality', text: 'PER_LINUX' },
    { value: 0x40000, family: 'personality', text: 'PER_LINUX|ADDR_NO_RANDOMIZE' },
    { value: 0x04100001, family: 'personality', text: 'PER_SVR4' },
    { value: 0x01234567, family: 'reboot-cmd', text: 'LINUX_REBOOT_CMD_RESTART' },
    { value: 38, family: 'prctl', text: 'PR_SET_NO_NEW_PRIVS' },
    { value: 129, family: 'futex', text: 'FUTEX_WAKE_PRIVATE' },
    { value: 0x189, family: 'futex', text: 'FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME' },
    { value: 0x80000 | 0x800, family: 'eventfd', text: 'EFD_NONBLOCK|EFD_CLOEXEC' },
    { value: 0x80000001, family: 'epoll-events', text: 'EPOLLIN|EPOLLET' },
    { value: 0x1 | 0x2000, family: 'poll', text: 'POLLIN|POLLRDHUP' },
    { value: 1, family: 'clock', text: 'CLOCK_MONOTONIC' },
    { value: 1 | 0x40000000, family: 'wait', text: 'WNOHANG|__WALL' },
    { value: 1, family: 'idtype', text: 'P_PID' },
    { value: 7, family: 'rlimit', text: 'RLIMIT_NOFILE' },
    { value: 3, family: 'memfd', text: 'MFD_CLOEXEC|MFD_ALLOW_SEALING' },
    { value: 1, family: 'getrandom', text: 'GRND_NONBLOCK' },
    { value: 0x14000000, family: 'sigaction', text: 'SA_RESTORER|SA_RESTART' },
    { value: 0x1000 | 0x10000000, family: 'at', text: 'AT_EMPTY_PATH|0x10000000' },
  ] as { value: number; family: ConstantFamilyId; text: string }[])('$family $value → $text', ({ value, family, text }) => {
    expect(formatFlags(value, family)).toBe(text);
  });

  it('prints the personalities Docker\'s profile allows by name (0xffffffff stays a query)', () => {
    const docker = JSON.parse(readReference('docker_default_seccomp.json')) as { syscalls: { names: string[]; args?: { value: number }[] | null }[] };
    const values = docker.syscalls.filter((r) => r.names.includes('personality')).flatMap((r) => (r.args ?? []).map((a) => a.value));
    // personality.h: PER_LINUX32 is 0x0008 and UNAME26 is 0x0020000.
    expect(values.map((v) => formatFlags(v, 'personality'))).toEqual(['PER_LINUX', 'PER_LINUX32', 'PER_LINUX|UNAME26', 'PER_LINUX32|UNAME26', '0xffffffff']);
  });
});

/** Every name a family prints, as [family, name, value] rows. */
const printed = Object.entries(CONSTANT_FAMILIES).flatMap(([id, f]) => {
  const family: ConstantFamily = f;
  return [...(family.field?.entries ?? []), ...family.entries, ...(family.exact ?? [])].map(([name, value]) => ({ id: id as ConstantFamilyId, name, value }));
});

describe('formatFlags and parseFlags round-trip', () => {
  it.each(printed)('$id: $name', ({ id, value }) => {
    expect(parseFlags(formatFlags(value, id))).toBe(value);
  });

  it.each(Object.keys(CONSTANT_FAMILIES).filter((id) => CONSTANT_FAMILIES[id as ConstantFamilyId].kind === 'flags') as ConstantFamilyId[])(
    '%s: every flag at once, plus an unknown bit',
    (id) => {
      const family = CONSTANT_FAMILIES[id];
      const all = bitOr(...family.entries.map(([, v]) => v));
      expect(parseFlags(formatFlags(all, id))).toBe(all);
      const stray = bitOr(all, 2 ** 40);
      expect(parseFlags(formatFlags(stray, id))).toBe(stray);
    },
  );
});

describe('parseFlags and parseIntegerLiteral', () => {
  it.each([
    { text: 'O_RDONLY|O_CLOEXEC', value: 0x80000 },
    { text: 'S_IFREG|0644', value: 0o100644 },
    { text: '1<<SIGCHLD', value: 1 << 17 },
    { text: 'CLONE_IO|CLONE_VM', value: 0x80000100 },
    { text: 'AT_FDCWD', value: -100 },
    { text: ' MS_BIND | MS_REC ', value: 0x5000 },
    { text: 'O_RDONLY|O_BOGUS', value: undefined },
    { text: '', value: undefined },
  ])('parseFlags($text) = $value', ({ text, value }) => {
    expect(parseFlags(text)).toBe(value);
  });

  it.each([
    { text: '42', value: 42 },
    { text: '-1', value: -1 },
    { text: '0x7E020000', value: 0x7e020000 },
    { text: '0644', value: 0o644 },
    { text: '0', value: 0 },
    { text: '08', value: undefined },
    { text: 'ten', value: undefined },
  ])('parseIntegerLiteral($text) = $value', ({ text, value }) => {
    expect(parseIntegerLiteral(text)).toBe(value);
  });
});
