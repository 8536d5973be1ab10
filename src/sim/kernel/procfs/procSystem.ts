import type { NamespaceOf } from '../namespaces.ts';
import type { Process } from '../process.ts';
import { KERNEL_RELEASE, KERNEL_VERSION_STRING } from '../handlers/uts.ts';
import type { Viewer } from '../vfsBridge.ts';
import { dir, file, link, type ProcNode } from './procTypes.ts';

/**
 * The files of /proc that are not about one process. /proc/sys/kernel/hostname
 * reads the viewer's UTS namespace; /proc/kcore is the host's memory as an ELF
 * core (0400 root, and open_kcore() also wants CAP_SYS_RAWIO).
 * @see proc(5), proc_sys_kernel(5), fs/proc/kcore.c
 */
const SYS_KERNEL = ['hostname', 'domainname', 'ostype', 'osrelease', 'pid_max', 'modules_disabled'];

/** The entries Docker masks or makes read-only exist here so the masking has something to cover. */
export const SYSTEM_ENTRIES = [
  'acpi', 'asound', 'bus', 'cmdline', 'cpuinfo', 'filesystems', 'fs', 'interrupts', 'irq', 'kcore', 'keys',
  'latency_stats', 'loadavg', 'meminfo', 'modules', 'mounts', 'net', 'scsi', 'sched_debug', 'self', 'sys',
  'sysrq-trigger', 'thread-self', 'timer_list', 'uptime', 'version',
];

const DIRS = new Set(['acpi', 'asound', 'bus', 'fs', 'irq', 'scsi', 'sys']);

export function systemNode(v: Viewer, viewer: Process, parts: readonly string[]): ProcNode | undefined {
  const [name, ...rest] = parts;
  if (name === undefined) return undefined;
  if (name === 'sys') return sysNode(v, viewer, rest);
  if (rest.length) return undefined;
  if (DIRS.has(name)) return dir();
  switch (name) {
    // /proc/net and /proc/mounts follow the reader: links into /proc/self (fs/proc/proc_net.c, fs/proc/root.c).
    case 'net': return link('self/net');
    case 'mounts': return link('self/mounts');
    case 'kcore': return { kind: 'file', mode: 0o400, uid: 0, gid: 0, size: 140737477881856, content: '\x7fELF' };
    case 'sysrq-trigger': return { kind: 'file', mode: 0o200, uid: 0, gid: 0, content: '' };
    case 'version': return file(`Linux version ${v.world.kernel?.release ?? KERNEL_RELEASE} (lab@isolation-lab) ${v.world.kernel?.version ?? KERNEL_VERSION_STRING}\n`);
    case 'uptime': return file(() => `${(v.world.timeNs / 1e9 + 3600).toFixed(2)} 7000.00\n`);
    case 'meminfo': return file(`MemTotal:        ${v.world.cgroups.ramBytes / 1024} kB\n`);
    case 'filesystems': return file('nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tcgroup2\nnodev\tdevpts\nnodev\tmqueue\nnodev\toverlay\n\text4\n');
    case 'cmdline': return file('BOOT_IMAGE=/boot/vmlinuz root=/dev/sda1 ro quiet\n');
    default: return SYSTEM_ENTRIES.includes(name) ? file('') : undefined;
  }
}

export function systemList(parts: readonly string[]): string[] | undefined {
  if (parts.length === 0) return SYSTEM_ENTRIES;
  if (parts[0] === 'sys') return parts.length === 1 ? ['kernel', 'net', 'vm'] : parts[1] === 'kernel' && parts.length === 2 ? SYS_KERNEL : parts.length === 2 ? [] : undefined;
  return parts.length === 1 && DIRS.has(parts[0] ?? '') ? [] : undefined;
}

function sysNode(v: Viewer, viewer: Process, rest: readonly string[]): ProcNode | undefined {
  const [group, name, more] = rest;
  if (group === undefined) return dir();
  if (!['kernel', 'net', 'vm'].includes(group) || more !== undefined) return undefined;
  if (name === undefined) return dir();
  if (group !== 'kernel' || !SYS_KERNEL.includes(name)) return undefined;
  const uts = v.world.namespaces[viewer.ns.uts] as NamespaceOf<'uts'>;
  const text: Record<string, string> = {
    hostname: uts.hostname, domainname: uts.domainname, ostype: 'Linux', osrelease: v.world.kernel?.release ?? KERNEL_RELEASE, pid_max: '4194304', modules_disabled: '0',
  };
  return file(`${text[name]}\n`, name === 'hostname' || name === 'domainname' ? 0o644 : 0o444);
}

/** The fixed shape of /proc with no viewer: directories and empty files where a booted kernel has them. */
export function bootNode(parts: readonly string[]): ProcNode | undefined {
  const [name, group, leaf, more] = parts;
  if (name === undefined || !SYSTEM_ENTRIES.includes(name) || more !== undefined) return undefined;
  if (name === 'sys') {
    if (group === undefined) return dir();
    if (!['kernel', 'net', 'vm'].includes(group)) return undefined;
    return leaf === undefined ? dir() : group === 'kernel' && SYS_KERNEL.includes(leaf) ? file('') : undefined;
  }
  if (group !== undefined) return undefined;
  return DIRS.has(name) ? dir() : file('', name === 'kcore' ? 0o400 : name === 'sysrq-trigger' ? 0o200 : 0o444);
}
