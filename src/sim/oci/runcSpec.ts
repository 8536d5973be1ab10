import { LAB_USER } from '../vfs/images/debianAccounts.ts';
import type { OciMount, OciNamespace, OciSpec } from './spec.ts';

/**
 * What `runc spec` writes to config.json: runc's example spec, and with
 * `--rootless` that spec made to work for an unprivileged user.
 * @see opencontainers/runc spec.go (the spec command)
 * @see opencontainers/runc libcontainer/specconv/example.go Example, ToRootless
 */

/** The runtime-spec version runc's vendored specs-go writes (github.com/opencontainers/runtime-spec v1.3.0 in runc's go.mod). */
export const RUNC_OCI_VERSION = '1.3.0';

export interface RuncSpecOptions {
  rootless?: boolean;
  /** The euid and egid of whoever runs `runc spec --rootless` (default: the lab's user, 1000). */
  uid?: number;
  gid?: number;
}

const CAPS = ['CAP_AUDIT_WRITE', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'];

/** The example's mounts; /proc has no options at all. */
function exampleMounts(): OciMount[] {
  return [
    { destination: '/proc', type: 'proc', source: 'proc' },
    { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'] },
    { destination: '/dev/pts', type: 'devpts', source: 'devpts', options: ['nosuid', 'noexec', 'newinstance', 'ptmxmode=0666', 'mode=0620', 'gid=5'] },
    { destination: '/dev/shm', type: 'tmpfs', source: 'shm', options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'] },
    { destination: '/dev/mqueue', type: 'mqueue', source: 'mqueue', options: ['nosuid', 'noexec', 'nodev'] },
    { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
    { destination: '/sys/fs/cgroup', type: 'cgroup', source: 'cgroup', options: ['nosuid', 'noexec', 'nodev', 'relatime', 'ro'] },
  ];
}

/**
 * runc's Example(). The cgroup namespace is added because the lab's host is
 * on cgroup v2 (Example adds it when cgroups.IsCgroup2UnifiedMode()).
 */
function example(): OciSpec {
  return {
    ociVersion: RUNC_OCI_VERSION,
    process: {
      terminal: true, user: { uid: 0, gid: 0 }, args: ['sh'],
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'TERM=xterm'], cwd: '/',
      capabilities: { bounding: [...CAPS], effective: [...CAPS], permitted: [...CAPS] },
      rlimits: [{ type: 'RLIMIT_NOFILE', hard: 1024, soft: 1024 }], noNewPrivileges: true,
    },
    root: { path: 'rootfs', readonly: true },
    hostname: 'runc',
    mounts: exampleMounts(),
    linux: {
      resources: { devices: [{ allow: false, access: 'rwm' }] },
      namespaces: (['pid', 'network', 'ipc', 'uts', 'mount', 'cgroup'] as const).map((type): OciNamespace => ({ type })),
      maskedPaths: [
        '/proc/acpi', '/proc/asound', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list',
        '/proc/timer_stats', '/proc/sched_debug', '/sys/firmware', '/proc/scsi',
      ],
      readonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    },
  };
}

/**
 * ToRootless: no network namespace (and no user namespace from before), a
 * new user namespace mapping root to the caller, /sys bind-mounted from the
 * host instead of a new sysfs, no uid=/gid= mount options, no cgroup settings.
 */
function toRootless(spec: OciSpec, uid: number, gid: number): OciSpec {
  const namespaces = spec.linux.namespaces.filter((n) => n.type !== 'network' && n.type !== 'user');
  const mounts = spec.mounts.map((m): OciMount => {
    if (m.destination === '/sys') return { destination: '/sys', type: 'none', source: '/sys', options: ['rbind', 'nosuid', 'noexec', 'nodev', 'ro'] };
    if (!m.options) return m;
    const options = m.options.filter((o) => !o.startsWith('gid=') && !o.startsWith('uid='));
    return options.length > 0 ? { ...m, options } : { destination: m.destination, ...(m.type ? { type: m.type } : {}), ...(m.source ? { source: m.source } : {}) };
  });
  const linux = { ...spec.linux, namespaces: [...namespaces, { type: 'user' as const }] };
  delete linux.resources;
  linux.uidMappings = [{ containerID: 0, hostID: uid, size: 1 }];
  linux.gidMappings = [{ containerID: 0, hostID: gid, size: 1 }];
  return { ...spec, mounts, linux };
}

/** The spec `runc spec` (or `runc spec --rootless`) writes. */
export function runcSpec(opts: RuncSpecOptions = {}): OciSpec {
  const spec = example();
  return opts.rootless ? toRootless(spec, opts.uid ?? LAB_USER.uid, opts.gid ?? LAB_USER.gid) : spec;
}
