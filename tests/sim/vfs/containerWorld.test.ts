import { describe, expect, it } from 'vitest';
import { readdir } from '../../../src/sim/vfs/dirOps.ts';
import { readFile } from '../../../src/sim/vfs/fileData.ts';
import { DISTROLESS_STATIC } from '../../../src/sim/vfs/images/distrolessStatic.ts';
import { ALPINE } from '../../../src/sim/vfs/images/alpine.ts';
import { mkdir } from '../../../src/sim/vfs/dirOps.ts';
import { openFile } from '../../../src/sim/vfs/open.ts';
import { renderMountinfo, renderMounts } from '../../../src/sim/vfs/procMounts.ts';
import { resolve } from '../../../src/sim/vfs/resolve.ts';
import { readlink } from '../../../src/sim/vfs/attrOps.ts';
import { HOST_KERNEL_RELEASE } from '../../../src/sim/vfs/images/hostRoot.ts';
import { containerFs, CONTAINER_ID, CONTAINER_ROOT, ctxOf, hostEnv, LAB, must, NOW, ROOT } from './fixtures.ts';

const { fs, env } = containerFs();
const croot = ctxOf(CONTAINER_ROOT);
const result = (r: { ok: boolean; errno?: string }) => (r.ok ? 'ok' : r.errno);
const text = (path: string) => must(readFile(env, must(resolve(env, croot, path)), 0, 65536));

describe('the container mount table, as /proc/self/mounts shows it', () => {
  const lines = renderMounts(fs.store, fs.ns).trim().split('\n');
  const layer = fs.rootfs.slice(0, -'/merged'.length);

  it.each([
    [0, `overlay / overlay rw,relatime,lowerdir=/var/lib/docker/overlay2/l/`],
    [1, 'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0'],
    [2, 'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0'],
    [3, 'devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0'],
    [4, 'sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0'],
    [5, 'cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0'],
    [6, 'mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0'],
    [7, 'shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k,inode64 0 0'],
    [8, '/dev/sda1 /etc/resolv.conf ext4 rw,relatime,errors=remount-ro 0 0'],
    [9, '/dev/sda1 /etc/hostname ext4 rw,relatime,errors=remount-ro 0 0'],
    [10, '/dev/sda1 /etc/hosts ext4 rw,relatime,errors=remount-ro 0 0'],
    [11, 'devpts /dev/console devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0'],
    [12, 'proc /proc/bus proc ro,nosuid,nodev,noexec,relatime 0 0'],
    [16, 'proc /proc/sysrq-trigger proc ro,nosuid,nodev,noexec,relatime 0 0'],
    [17, 'tmpfs /proc/acpi tmpfs ro,relatime,inode64 0 0'],
    [20, 'tmpfs /proc/kcore tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0'],
    [28, 'tmpfs /sys/firmware tmpfs ro,relatime,inode64 0 0'],
  ])('line %i starts %s', (i, start) => {
    expect(lines[i]?.startsWith(start)).toBe(true);
  });

  it('has 29 lines: 11 from the spec and binds, the console, 5 read-only and 12 masked paths', () => {
    expect(lines).toHaveLength(29);
  });

  it('the overlay names its upper and work dirs', () => {
    expect(lines[0]).toContain(`upperdir=${layer}/diff,workdir=${layer}/work`);
  });

  it('mountinfo: the root is a slave of the host overlay peer group; bind roots are host paths', () => {
    const info = renderMountinfo(fs.store, fs.ns, { cgroupNsRoot: `/system.slice/docker-${CONTAINER_ID}.scope` });
    expect(info).toMatch(/^\d+ 1 0:\d+ \/ \/ rw,relatime master:\d+ - overlay overlay rw,lowerdir=/);
    expect(info).toContain(` 8:1 /var/lib/docker/containers/${CONTAINER_ID}/hostname /etc/hostname rw,relatime - ext4 /dev/sda1 rw,errors=remount-ro\n`);
    expect(info).toMatch(/ 0:\d+ \/ \/sys\/fs\/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw,nsdelegate,memory_recursiveprot\n/);
    expect(info).toMatch(/ 0:\d+ \/null \/proc\/kcore rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755,inode64\n/);
  });

  it('without a cgroup namespace view, the cgroup2 root is the container\'s cgroup path', () => {
    expect(renderMountinfo(fs.store, fs.ns)).toContain(` /system.slice/docker-${CONTAINER_ID}.scope /sys/fs/cgroup ro,`);
  });

  it('the host namespace gained only the overlay mount', () => {
    const host = hostEnv();
    expect(fs.hostNs.mounts).toHaveLength(host.ns.mounts.length + 1);
    expect(renderMounts(fs.store, fs.hostNs)).toContain(`overlay ${fs.rootfs} overlay rw,relatime,`);
  });
});

describe('the container /dev', () => {
  it('has runc\'s default devices, not the host\'s disks', () => {
    const names = must(readdir(env, must(resolve(env, croot, '/dev')))).map((e) => e.name).sort();
    expect(names).toEqual(['.', '..', 'console', 'core', 'fd', 'full', 'mqueue', 'null', 'ptmx', 'pts', 'random', 'shm', 'stderr', 'stdin', 'stdout', 'tty', 'urandom', 'zero']);
  });

  it.each([
    ['/dev/sda', 'host', 'ok'],
    ['/dev/sda', 'container', 'ENOENT'],
    ['/dev/sda1', 'container', 'ENOENT'],
    ['/dev/mem', 'host', 'ok'],
    ['/dev/mem', 'container', 'ENOENT'],
    ['/dev/kmsg', 'container', 'ENOENT'],
    ['/dev/null', 'container', 'ok'],
  ])('%s on the %s: %s', (path, where, want) => {
    const e = where === 'host' ? hostEnv() : env;
    expect(result(resolve(e, ctxOf(ROOT), path))).toBe(want);
  });

  it.each([
    ['/dev/null', 'chardev', 1, 3, 0o666],
    ['/dev/zero', 'chardev', 1, 5, 0o666],
    ['/dev/full', 'chardev', 1, 7, 0o666],
    ['/dev/random', 'chardev', 1, 8, 0o666],
    ['/dev/urandom', 'chardev', 1, 9, 0o666],
    ['/dev/tty', 'chardev', 5, 0, 0o666],
    ['/dev/ptmx', 'chardev', 5, 2, 0o666],
    ['/dev/console', 'chardev', 136, 0, 0o620],
  ])('%s is a %s %i:%i mode %o', (path, kind, major, minor, mode) => {
    const r = must(resolve(env, croot, path));
    expect([r.node.kind, r.node.rdev?.major, r.node.rdev?.minor, r.node.mode]).toEqual([kind, major, minor, mode]);
  });

  it.each([
    ['/dev/ptmx', 'pts/ptmx'],
    ['/dev/fd', '/proc/self/fd'],
    ['/dev/stdin', '/proc/self/fd/0'],
    ['/dev/stderr', '/proc/self/fd/2'],
    ['/dev/core', '/proc/kcore'],
  ])('%s → %s', (path, target) => {
    expect(must(readlink(env, croot, path))).toBe(target);
  });

  it('without a terminal there is no /dev/console', () => {
    const noTty = containerFs(undefined, false).env;
    expect(result(resolve(noTty, croot, '/dev/console'))).toBe('ENOENT');
  });
});

describe('files Docker puts in the container', () => {
  it.each([
    ['/etc/hostname', `${CONTAINER_ID.slice(0, 12)}\n`],
    ['/etc/resolv.conf', 'nameserver 10.0.2.3\nsearch lab.internal\n'],
  ])('%s', (path, want) => {
    expect(text(path)).toBe(want);
  });

  it('/etc/hosts names the container', () => {
    expect(text('/etc/hosts')).toContain(`172.17.0.2\t${CONTAINER_ID.slice(0, 12)}\n`);
  });

  it('the image is the root: Debian os-release, no host kernel, no docker binaries', () => {
    expect(text('/etc/os-release')).toContain('VERSION_CODENAME=bookworm');
    expect(result(resolve(env, croot, `/boot/vmlinuz-${HOST_KERNEL_RELEASE}`))).toBe('ENOENT');
    expect(result(resolve(env, croot, '/usr/bin/dockerd'))).toBe('ENOENT');
    expect(result(resolve(env, croot, '/run/docker.sock'))).toBe('ENOENT');
  });

  it.each([
    ['container root reads /etc/shadow (CAP_DAC_OVERRIDE)', CONTAINER_ROOT, 'ok'],
    ['uid 1000 in the container does not', LAB, 'EACCES'],
  ])('%s', (_name, c, want) => {
    expect(result(openFile(env, ctxOf(c), '/etc/shadow', { access: 'r' }, NOW))).toBe(want);
  });

  it('sysfs is read-only: mkdir there is EROFS', () => {
    expect(result(mkdir(env, croot, '/sys/kernel/x', 0o755, NOW))).toBe('EROFS');
  });
});

describe('other images', () => {
  it('distroless has no shell', () => {
    const d = containerFs(DISTROLESS_STATIC).env;
    expect(result(resolve(d, croot, '/bin/sh'))).toBe('ENOENT');
    expect(result(resolve(d, croot, '/etc/ssl/certs/ca-certificates.crt'))).toBe('ok');
  });

  it('alpine\'s sh is BusyBox', () => {
    const a = containerFs(ALPINE).env;
    expect(must(resolve(a, croot, '/bin/sh')).path).toBe('/bin/busybox');
  });
});
