import { createCgroupTree, mkdirCgroup } from '../cgroups/tree.ts';
import { addProcess } from '../cgroups/procs.ts';
import type { CgroupTree } from '../cgroups/types.ts';
import { buildHostWorld, HOST_MNT_NS_ID } from '../vfs/hostWorld.ts';
import { HOST_HOSTNAME } from '../vfs/images/hostRoot.ts';
import { ALL_CAPS } from './capabilities.ts';
import { rootCredentials } from './credentials.ts';
import { FIRST_DYNAMIC_NS_INO, INIT_NS_INO, type Namespace, type NsSet } from './namespaces.ts';
import type { OpenFile, Process } from './process.ts';
import { kernelProviders } from './providers.ts';
import type { World } from './world.ts';

/**
 * The host as the lab boots it: one Linux kernel with its initial namespaces,
 * systemd, containerd and dockerd running as services, and a root shell on a
 * terminal. Every runtime starts from this world.
 */
export const HOST_SHELL_PID = 1201;
/** The lab's clock starts an hour after boot (modelled ns), so uptime looks like a live machine. */
const BOOT_TIME_NS = 3_600_000_000_000;
/** 2026-11-29 00:00 UTC, for file times in the images. */
export const IMAGE_MTIME = 1795910400;

/** The terminal the lab's shell has on fds 0, 1 and 2 (the xterm pane). */
export const TERMINAL_PATH = '/dev/pts/0';

export const TERMINAL_FDS: Record<number, OpenFile> = Object.fromEntries(
  [0, 1, 2].map((fd) => [fd, { path: TERMINAL_PATH, kind: 'chardev', flags: 2, offset: 0, cloexec: false } satisfies OpenFile]),
);

function initNamespaces(): Record<number, Namespace> {
  const ino = INIT_NS_INO;
  const user = ino.user;
  const list: Namespace[] = [
    { id: ino.uts, type: 'uts', parent: null, ownerUserNs: user, hostname: HOST_HOSTNAME, domainname: '(none)' },
    { id: ino.pid, type: 'pid', parent: null, ownerUserNs: user, level: 0, nextPid: 1, initPid: 1 },
    { id: ino.user, type: 'user', parent: null, ownerUserNs: user, level: 0, uidMap: [], gidMap: [], creatorUid: 0, setgroups: 'allow' },
    { id: ino.net, type: 'net', parent: null, ownerUserNs: user, interfaces: HOST_INTERFACES },
    { id: ino.mnt, type: 'mnt', parent: null, ownerUserNs: user, tableId: HOST_MNT_NS_ID },
    { id: ino.ipc, type: 'ipc', parent: null, ownerUserNs: user },
    { id: ino.cgroup, type: 'cgroup', parent: null, ownerUserNs: user, root: '/' },
    { id: ino.time, type: 'time', parent: null, ownerUserNs: user, monotonicOffsetNs: 0, boottimeOffsetNs: 0 },
  ];
  return Object.fromEntries(list.map((n) => [n.id, n]));
}

/** Docker's default bridge on the host (moby: docker0, 172.17.0.1/16). */
const HOST_INTERFACES: Extract<Namespace, { type: 'net' }>['interfaces'] = [
  { name: 'lo', index: 1, kind: 'loopback', up: true, mac: '00:00:00:00:00:00', addrs: ['127.0.0.1/8', '::1/128'] },
  { name: 'eth0', index: 2, kind: 'physical', up: true, mac: '52:54:00:12:34:56', addrs: ['10.0.2.15/24'] },
  { name: 'docker0', index: 3, kind: 'bridge', up: true, mac: '02:42:5e:6b:1a:01', addrs: ['172.17.0.1/16'] },
];

/** The host's services and the shell, with the cgroups systemd puts them in. */
const HOST_PROCS: Array<{ pid: number; ppid: number; comm: string; exe: string; argv: string[]; cgroup: string }> = [
  { pid: 1, ppid: 0, comm: 'systemd', exe: '/usr/lib/systemd/systemd', argv: ['/sbin/init'], cgroup: '/init.scope' },
  { pid: 612, ppid: 1, comm: 'containerd', exe: '/usr/bin/containerd', argv: ['/usr/bin/containerd'], cgroup: '/system.slice/containerd.service' },
  { pid: 788, ppid: 1, comm: 'dockerd', exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'], cgroup: '/system.slice/docker.service' },
  { pid: HOST_SHELL_PID, ppid: 1, comm: 'bash', exe: '/usr/bin/bash', argv: ['-bash'], cgroup: '/user.slice/user-0.slice/session-1.scope' },
];

export function hostProcess(spec: (typeof HOST_PROCS)[number], ns: NsSet): Process {
  return {
    ...spec, tgid: spec.pid, cred: rootCredentials(ALL_CAPS), ns, pidNsForChildren: ns.pid, timeNsForChildren: ns.time, nsPids: [spec.pid],
    fds: spec.pid === HOST_SHELL_PID ? { ...TERMINAL_FDS } : {}, cwd: spec.pid === HOST_SHELL_PID ? '/root' : '/', root: '/', umask: 0o022,
    seccomp: { mode: 'disabled', profile: null }, memBytes: 0, oomScoreAdj: 0, state: 'running', exitSignal: null,
  };
}

function hostCgroups(): CgroupTree {
  let tree = createCgroupTree();
  for (const path of ['/system.slice/containerd.service', '/system.slice/docker.service', '/user.slice/user-0.slice', '/user.slice/user-0.slice/session-1.scope']) {
    const r = mkdirCgroup(tree, path);
    if (r.ok) tree = r.value;
  }
  for (const p of HOST_PROCS.filter((x) => x.pid !== 1)) {
    const r = addProcess(tree, { pid: p.pid, comm: p.comm, cgroup: p.cgroup });
    if (r.ok) tree = r.value;
  }
  return tree;
}

/** The booted host. Throws only if the lab's own host image is broken (a programmer error, caught by tests). */
export function bootHost(): World {
  const vfs = buildHostWorld(kernelProviders(), IMAGE_MTIME);
  if (!vfs.ok) throw new Error(`the host image does not build: ${vfs.reason}`);
  const initNs: NsSet = { ...INIT_NS_INO };
  const procs = Object.fromEntries(HOST_PROCS.map((p) => [p.pid, hostProcess(p, initNs)]));
  return {
    timeNs: BOOT_TIME_NS, procs, nextPid: 4200, namespaces: initNamespaces(), nextNsId: FIRST_DYNAMIC_NS_INO, initNs,
    vfs: vfs.value.store, mountTables: { [HOST_MNT_NS_ID]: vfs.value.ns }, cgroups: hostCgroups(),
    deviceRules: {}, seccompProfiles: {}, nextInode: 30000, dmesg: [],
  };
}
