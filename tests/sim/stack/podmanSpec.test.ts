import { describe, expect, it } from 'vitest';
import { evaluateSeccomp } from '../../../src/sim/seccomp/evaluate.ts';
import { podmanCapabilities, PODMAN_DEFAULT_CAPS } from '../../../src/sim/stack/podmanCaps.ts';
import { containerCgroup, hostUid, netnsPath } from '../../../src/sim/stack/podmanRootless.ts';
import { podmanAllowList, PODMAN_DEFAULT_PROFILE } from '../../../src/sim/stack/podmanSeccomp.ts';
import { podmanSpec, runtimeStandIn } from '../../../src/sim/stack/podmanSpec.ts';
import { defaultRequest, type RunRequest } from '../../../src/sim/stack/runRequest.ts';
import { findImage } from '../../../src/sim/vfs/images/catalog.ts';
import { referenceList } from '../../helpers/reference.ts';

/** The spec rootless podman writes, its capabilities and its seccomp profile. */
const ID = 'ab'.repeat(32);
const ALPINE = findImage('alpine');

function spec(over: Partial<RunRequest> = {}) {
  if (!ALPINE) throw new Error('no alpine image');
  const r = podmanSpec({ ...defaultRequest('alpine'), runtime: 'crun', ...over }, ID, ALPINE);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('podman capabilities (containers/common MergeCapabilities)', () => {
  it('the default set is Docker\'s reference set less AUDIT_WRITE, MKNOD, NET_RAW', () => {
    const docker = referenceList('docker_default_capabilities.txt');
    expect([...PODMAN_DEFAULT_CAPS].sort()).toEqual(docker.filter((c) => !['CAP_AUDIT_WRITE', 'CAP_MKNOD', 'CAP_NET_RAW'].includes(c)).sort());
  });

  it.each([
    ['nothing asked', [], [], true, 11, null],
    ['add net_raw (normalised)', ['net_raw'], [], true, 12, null],
    ['drop ALL, add CHOWN', ['CHOWN'], ['ALL'], true, 1, null],
    ['add ALL', ['ALL'], ['CHOWN'], true, 40, null],
    ['add and drop ALL', ['ALL'], ['all'], true, 0, 'adding all caps and removing all caps not allowed'],
    ['the same one both ways', ['KILL'], ['KILL'], true, 0, 'capability "CAP_KILL" cannot be dropped and added'],
    ['an unknown one', [], ['BOGUS'], true, 0, '"CAP_BOGUS": unknown capability'],
  ])('%s', (_what, capAdd, capDrop, root, count, error) => {
    const r = podmanCapabilities({ capAdd, capDrop, privileged: false }, root);
    if (error) expect(r).toMatchObject({ ok: false, reason: error });
    else expect(r.ok && r.value.bounding).toHaveLength(count);
  });

  it('a non-root user gets only the added capabilities, ambient included', () => {
    const r = podmanCapabilities({ capAdd: ['NET_BIND_SERVICE'], capDrop: [], privileged: false }, false);
    expect(r.ok && r.value).toMatchObject({ effective: ['CAP_NET_BIND_SERVICE'], ambient: ['CAP_NET_BIND_SERVICE'], bounding: PODMAN_DEFAULT_CAPS });
  });
});

describe('the spec', () => {
  it('no user namespace and no time namespace; the network namespace is the one podman made', () => {
    const s = spec();
    expect(s.linux.namespaces).toEqual([{ type: 'pid' }, { type: 'network', path: netnsPath(ID) }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }, { type: 'cgroup' }]);
    expect(s.linux.uidMappings).toBeUndefined();
    expect(s.linux.cgroupsPath).toBe(`user.slice:libpod:${ID}`);
    expect(s.process.env).toContain('container=podman');
    expect(s.process.apparmorProfile).toBeUndefined();
    expect(s.linux.sysctl).toEqual({ 'net.ipv4.ping_group_range': '0 0' });
    expect(s.linux.maskedPaths).toContain('/proc/interrupts');
    expect(s.linux.readonlyPaths).toContain('/proc/asound');
    expect(s.root.path).toBe(`/home/lab/.local/share/containers/storage/overlay/${ID}/merged`);
  });

  it.each([
    [{}, 2048],
    [{ resources: { pidsLimit: '5' } }, 5],
    [{ resources: { pidsLimit: '0' } }, undefined],
    [{ resources: { pidsLimit: '-1' } }, undefined],
  ])('pids limit for %j', (over, limit) => {
    expect(spec(over).linux.resources?.pids?.limit).toBe(limit);
  });

  it.each([
    [{ network: 'host' as const, pid: 'host' as const }, ['ipc', 'uts', 'mount', 'cgroup']],
    [{ network: 'none' as const }, ['pid', 'network', 'ipc', 'uts', 'mount', 'cgroup']],
  ])('namespaces for %j', (over, types) => {
    expect(spec(over).linux.namespaces.map((n) => n.type)).toEqual(types);
  });

  it('--privileged: every capability, no filter, no masked paths; seccomp=unconfined: no filter', () => {
    const p = spec({ privileged: true });
    expect([p.process.capabilities?.bounding?.length, p.linux.seccomp, p.linux.maskedPaths]).toEqual([41, undefined, undefined]);
    expect(spec({ seccomp: { type: 'unconfined' } }).linux.seccomp).toBeUndefined();
  });

  it('the lab\'s runtime gets the rootless maps and a network namespace of its own to fill', () => {
    const s = runtimeStandIn(spec());
    expect(s.linux.namespaces[0]).toEqual({ type: 'user' });
    expect(s.linux.namespaces.every((n) => n.path === undefined)).toBe(true);
    expect(s.linux.uidMappings).toEqual([{ containerID: 0, hostID: 1000, size: 1 }, { containerID: 1, hostID: 100000, size: 65536 }]);
    expect(s.mounts.some((m) => (m.source ?? '').startsWith('/run/user/1000/'))).toBe(false);
  });

  it.each([[0, 1000], [1, 100000], [65536, 165535], [65537, 65534]])('container uid %i is host uid %i', (uid, host) => {
    expect(hostUid(uid)).toBe(host);
  });

  it('crun puts the process in the scope\'s "container" subgroup', () => {
    expect(containerCgroup(ID)).toBe(`/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-${ID}.scope/container`);
  });
});

describe('podman\'s seccomp profile (containers-common seccomp.json)', () => {
  it('374 names allowed unconditionally, ENOSYS for the rest', () => {
    expect(podmanAllowList()).toHaveLength(374);
    expect(PODMAN_DEFAULT_PROFILE.defaultErrnoRet).toBe(38);
  });

  const caps = PODMAN_DEFAULT_CAPS;
  it.each([
    ['unshare', [0x10000000], 'allow', null],
    ['mount', [0, 0, 0, 0, 0], 'allow', null],
    ['keyctl', [0], 'allow', null],
    ['sethostname', [0, 0], 'errno', 'EPERM'],
    ['swapon', [0, 0], 'errno', 'EPERM'],
    ['create_module', [0, 0], 'errno', 'ENOSYS'],
    ['socket', [40, 1, 0], 'errno', 'EPERM'],
    ['socket', [16, 3, 9], 'errno', 'EINVAL'],
    ['socket', [16, 3, 0], 'allow', null],
    ['socket', [2, 1, 0], 'allow', null],
  ])('%s(%j)', (name, args, outcome, errno) => {
    const r = evaluateSeccomp(PODMAN_DEFAULT_PROFILE, { name, args }, { arch: 'amd64', caps, kernel: [7, 0] });
    expect(r.type).toBe('decided');
    if (r.type === 'decided') expect([r.outcome, r.errno]).toEqual([outcome, errno]);
  });
});
