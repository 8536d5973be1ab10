import { describe, expect, it } from 'vitest';
import { findImage, buildImageTree, imageNames } from '../../../src/sim/vfs/images/catalog.ts';
import { DEBIAN_BOOKWORM_SLIM } from '../../../src/sim/vfs/images/debianSlim.ts';
import { DISTROLESS_STATIC, DISTROLESS_STATIC_NONROOT } from '../../../src/sim/vfs/images/distrolessStatic.ts';
import { ALPINE } from '../../../src/sim/vfs/images/alpine.ts';
import { DEBIAN_BOOKWORM } from '../../../src/sim/vfs/images/debianBookworm.ts';
import { DISTROLESS_BASE, DISTROLESS_BASE_NONROOT } from '../../../src/sim/vfs/images/distrolessBase.ts';
import { FAKE_ROOT_HASH, HOST_KERNEL_RELEASE } from '../../../src/sim/vfs/images/hostRoot.ts';
import { imageCommands } from '../../../src/sim/vfs/images/imageSpec.ts';
import type { TreeEntry } from '../../../src/sim/vfs/treeSpec.ts';
import { readFile } from '../../../src/sim/vfs/fileData.ts';
import { resolve } from '../../../src/sim/vfs/resolve.ts';
import { stat } from '../../../src/sim/vfs/stat.ts';
import { ctxOf, hostEnv, must, ROOT } from './fixtures.ts';

const entry = (entries: TreeEntry[], path: string) => entries.find((e) => e.path === path);
const debian = DEBIAN_BOOKWORM_SLIM.entries();
const passwd = entry(debian, '/etc/passwd')?.content ?? '';

describe('debian:bookworm-slim', () => {
  it.each([
    'root:x:0:0:root:/root:/bin/bash',
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    'sync:x:4:65534:sync:/bin:/bin/sync',
    'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
    '_apt:x:42:65534::/nonexistent:/usr/sbin/nologin',
    'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
    'lab:x:1000:1000::/home/lab:/bin/sh',
  ])('/etc/passwd has %s', (line) => {
    expect(passwd.split('\n')).toContain(line);
  });

  it('lists users in base-passwd order, root first and the lab user after nobody', () => {
    const names = passwd.trim().split('\n').map((l) => l.split(':')[0]);
    expect(names).toEqual(['root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup', 'list', 'irc', '_apt', 'nobody', 'lab']);
  });

  it('/etc/shadow is 0640 root:shadow(42) with no usable password', () => {
    const s = entry(debian, '/etc/shadow')!;
    expect([s.mode, s.uid, s.gid]).toEqual([0o640, 0, 42]);
    const fields = (s.content ?? '').trim().split('\n').map((l) => l.split(':')[1]);
    expect(new Set(fields)).toEqual(new Set(['*', '!']));
  });

  it.each(['sh', 'dash', 'bash', 'cat', 'ls', 'id', 'whoami', 'hostname', 'mount', 'umount', 'unshare', 'nsenter', 'chroot', 'mkdir', 'rm', 'touch', 'echo', 'dd', 'sleep', 'env', 'uname'])('has %s', (cmd) => {
    expect(imageCommands(DEBIAN_BOOKWORM_SLIM)).toContain(cmd);
  });

  it.each(['ps', 'ip', 'kill', 'ping', 'capsh', 'sudo'])('has no %s, and says why', (cmd) => {
    expect(imageCommands(DEBIAN_BOOKWORM_SLIM)).not.toContain(cmd);
    expect(DEBIAN_BOOKWORM_SLIM.missing[cmd]).toBeTruthy();
  });

  it.each([
    ['/usr/bin/mount', 0o4755, 0],
    ['/usr/bin/su', 0o4755, 0],
    ['/usr/bin/chfn', 0o4755, 0],
    ['/usr/bin/chage', 0o2755, 42],
    ['/root', 0o700, 0],
    ['/tmp', 0o1777, 0],
  ])('%s is mode %o, group %i', (path, mode, gid) => {
    const e = entry(debian, path)!;
    expect([e.mode, e.gid]).toEqual([mode, gid]);
  });

  it('is merged-/usr and finds libc through /lib64', () => {
    const tree = buildImageTree(DEBIAN_BOOKWORM_SLIM, 0);
    expect(Object.keys(tree.inodes).length).toBeGreaterThan(100);
    expect(entry(debian, '/bin')?.target).toBe('usr/bin');
    expect(entry(debian, '/usr/lib64/ld-linux-x86-64.so.2')?.target).toBe('/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2');
    expect(entry(debian, '/usr/lib/x86_64-linux-gnu/libc.so.6')?.kind).toBe('file');
  });
});

describe('other images', () => {
  it('distroless static: three users, no shell', () => {
    const d = DISTROLESS_STATIC.entries();
    expect(entry(d, '/etc/passwd')?.content?.trim().split('\n').map((l) => l.split(':').slice(0, 3).join(':'))).toEqual(['root:x:0', 'nobody:x:65534', 'nonroot:x:65532']);
    expect(DISTROLESS_STATIC.shell).toBeNull();
    expect(imageCommands(DISTROLESS_STATIC)).toEqual([]);
  });

  // distroless base/testdata/base.yaml holds these for every distroless base image.
  it.each([DISTROLESS_STATIC, DISTROLESS_BASE])('$ref has the files distroless tests for', (spec) => {
    const d = spec.entries();
    expect(entry(d, '/etc/passwd')?.content).toBe('root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n');
    expect(entry(d, '/etc/group')?.content).toBe('root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n');
    expect(entry(d, '/etc/os-release')?.target).toBe('../usr/lib/os-release');
    expect(entry(d, '/usr/lib/os-release')?.content).toContain('PRETTY_NAME="Distroless"');
    expect(entry(d, '/usr/lib/os-release')?.content).toContain('VERSION="Debian GNU/Linux 12 (bookworm)"');
    for (const p of ['/tmp', '/root', '/home/nonroot', '/etc/ssl/certs/ca-certificates.crt', '/usr/share/doc/ca-certificates/copyright', '/etc/services', '/usr/share/zoneinfo/Etc/UTC', '/etc/mime.types']) {
      expect(entry(d, p), p).toBeDefined();
    }
    expect([entry(d, '/tmp')?.mode, entry(d, '/home/nonroot')?.mode, entry(d, '/home/nonroot')?.uid]).toEqual([0o1777, 0o700, 65532]);
  });

  it.each([
    ['/etc/localtime', 'made by tzdata\'s postinst, which distroless never runs'],
    ['/bin/sh', 'no shell'],
    ['/usr/bin/openssl', 'libssl3 only, not the openssl program'],
    ['/etc/hosts', 'runc creates the bind-mount target at run time'],
  ])('distroless has no %s (%s)', (path) => {
    expect(entry(DISTROLESS_STATIC.entries(), path)).toBeUndefined();
    expect(entry(DISTROLESS_BASE.entries(), path)).toBeUndefined();
  });

  it('distroless base adds glibc and libssl, unpacked into /lib (Debian 12 packages are not merged-/usr)', () => {
    const d = DISTROLESS_BASE.entries();
    expect(entry(d, '/lib/x86_64-linux-gnu/libc.so.6')?.kind).toBe('file');
    expect(entry(d, '/lib64/ld-linux-x86-64.so.2')?.target).toBe('/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2');
    expect(entry(d, '/usr/lib/x86_64-linux-gnu/libssl.so.3')?.kind).toBe('file');
    expect(entry(d, '/usr/lib/x86_64-linux-gnu/libcrypto.so.3')?.kind).toBe('file');
    expect(entry(d, '/bin')?.kind).toBe('dir');
    expect(imageCommands(DISTROLESS_BASE)).toEqual([]);
    expect(entry(DISTROLESS_STATIC.entries(), '/lib/x86_64-linux-gnu/libc.so.6')).toBeUndefined();
  });

  it('the nonroot tags have the same files as latest', () => {
    expect(DISTROLESS_STATIC_NONROOT.entries()).toEqual(DISTROLESS_STATIC.entries());
    expect(DISTROLESS_BASE_NONROOT.entries()).toEqual(DISTROLESS_BASE.entries());
  });

  it('debian:bookworm serves the -slim tree and has apt', () => {
    expect(DEBIAN_BOOKWORM.entries()).toEqual(DEBIAN_BOOKWORM_SLIM.entries());
    expect(imageCommands(DEBIAN_BOOKWORM_SLIM)).toEqual(expect.arrayContaining(['apt', 'apt-get', 'dpkg']));
    expect(entry(debian, '/etc/debian_version')?.content).toBe('12.15\n');
  });

  it('alpine: applets link to busybox', () => {
    expect(ALPINE.shell).toBe('/bin/sh');
    expect(imageCommands(ALPINE)).toEqual(expect.arrayContaining(['sh', 'ps', 'ip', 'mount', 'unshare', 'nsenter', 'apk']));
  });

  it.each([
    ['debian', 'debian:bookworm-slim'],
    ['debian:bookworm-slim', 'debian:bookworm-slim'],
    ['debian:12-slim', 'debian:bookworm-slim'],
    ['debian:12.15-slim', 'debian:bookworm-slim'],
    ['debian:bookworm', 'debian:bookworm'],
    ['debian:12', 'debian:bookworm'],
    ['alpine', 'alpine:3.20'],
    ['alpine:latest', 'alpine:3.20'],
    ['alpine:3.20', 'alpine:3.20'],
    ['alpine:3.20.3', 'alpine:3.20'],
    ['gcr.io/distroless/static', 'gcr.io/distroless/static-debian12'],
    ['distroless/static', 'gcr.io/distroless/static-debian12'],
    ['gcr.io/distroless/static-debian12:latest', 'gcr.io/distroless/static-debian12'],
    ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/static-debian12:nonroot'],
    ['gcr.io/distroless/base-debian12', 'gcr.io/distroless/base-debian12'],
    ['gcr.io/distroless/base', 'gcr.io/distroless/base-debian12'],
    ['distroless/base', 'gcr.io/distroless/base-debian12'],
    ['gcr.io/distroless/base-debian12:nonroot', 'gcr.io/distroless/base-debian12:nonroot'],
    ['ubuntu', undefined],
    ['alpine:3.19', undefined],
    ['debian:trixie', undefined],
  ])('%s names %s', (ref, want) => {
    expect(findImage(ref)?.ref).toBe(want);
  });

  it('lists every name of an image, its ref first', () => {
    expect(imageNames('debian:bookworm')).toEqual(['debian:bookworm', 'debian:12', 'debian:12.15']);
  });
});

describe('the host root', () => {
  const env = hostEnv();
  const root = ctxOf(ROOT);
  const read = (path: string) => must(readFile(env, must(resolve(env, root, path)), 0, 65536));

  it('root has an obviously fake yescrypt hash', () => {
    expect(read('/etc/shadow').split('\n')[0]).toBe(`root:${FAKE_ROOT_HASH}:19769:0:99999:7:::`);
    expect(FAKE_ROOT_HASH).toMatch(/^\$y\$j9T\$FAKE/);
  });

  it.each([
    ['/etc/hostname', 'file', 0o644, 0, 0],
    [`/boot/vmlinuz-${HOST_KERNEL_RELEASE}`, 'file', 0o644, 0, 0],
    [`/lib/modules/${HOST_KERNEL_RELEASE}/kernel/fs/overlayfs/overlay.ko`, 'file', 0o644, 0, 0],
    ['/var/run/docker.sock', 'socket', 0o660, 0, 999],
    ['/var/lib/docker', 'dir', 0o710, 0, 0],
    ['/usr/bin/dockerd', 'file', 0o755, 0, 0],
    ['/usr/bin/containerd-shim-runc-v2', 'file', 0o755, 0, 0],
    ['/usr/bin/runc', 'file', 0o755, 0, 0],
    ['/dev/sda', 'blockdev', 0o660, 0, 6],
    ['/dev/sda1', 'blockdev', 0o660, 0, 6],
    ['/dev/kmsg', 'chardev', 0o644, 0, 0],
    ['/dev/mem', 'chardev', 0o640, 0, 15],
  ])('%s is a %s, mode %o, %i:%i', (path, kind, mode, uid, gid) => {
    const s = must(stat(env, root, path));
    expect([s.kind, s.st_mode & 0o7777, s.st_uid, s.st_gid]).toEqual([kind, mode, uid, gid]);
  });

  it('/etc/hostname says lab-host and the lab user is in group docker', () => {
    expect(read('/etc/hostname')).toBe('lab-host\n');
    expect(read('/etc/group')).toContain('docker:x:999:lab\n');
  });
});
