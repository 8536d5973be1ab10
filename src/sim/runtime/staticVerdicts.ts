import { evaluateSeccomp } from '../seccomp/evaluate.ts';
import { staticSeccompVerdict } from '../seccomp/staticVerdict.ts';
import { allSyscalls, syscallByName } from '../syscalls/catalogue.ts';
import { argNumber } from '../syscalls/argValue.ts';
import { inAbiOrder } from '../syscalls/abiOrder.ts';
import type { InstalledFilter } from '../kernel/seccompGate.ts';
import { HOST_KERNEL_VERSION } from '../vfs/images/hostRoot.ts';
import { isAboveProfile } from '../kernel/enosysStub.ts';
import type { StaticClassifier, StaticOutcome, SyscallVerdict } from '../trace.ts';

/**
 * How a Linux kernel treats each syscall taken alone, for a process with or
 * without a seccomp filter: what `isolab verdicts` prints and strace-log
 * replay uses. The filter decides first (it runs before the handler); then a
 * syscall the kernel does not implement returns ENOSYS (sys_ni_syscall).
 */
export function linuxVerdicts(filter: InstalledFilter | null): SyscallVerdict[] {
  return allSyscalls().map((info) => {
    const base = { number: info.number, name: info.name };
    if (filter && isAboveProfile(info.name, filter.enosysAbove)) return { ...base, verdict: 'deny', errno: 'ENOSYS', handledBy: 'seccomp' };
    if (filter) {
      const sv = staticSeccompVerdict(filter.profile, info.name, { arch: 'amd64', caps: filter.caps, kernel: HOST_KERNEL_VERSION });
      if (sv.verdict === 'deny') return { ...base, verdict: 'deny', errno: sv.errno, handledBy: 'seccomp' };
      if (sv.verdict === 'conditional') return { ...base, verdict: 'conditional', errno: null, handledBy: 'seccomp' };
    }
    if (!info.implemented) return { ...base, verdict: 'deny', errno: 'ENOSYS', handledBy: 'kernel' };
    return { ...base, verdict: 'allow', errno: null, handledBy: 'kernel' };
  });
}

/** The strace-replay classifier for the same process: arguments are read only for the syscalls whose rules look at them. */
export function linuxClassifier(filter: InstalledFilter | null): { classify: StaticClassifier; argDependent: (name: string) => boolean; verdicts: () => SyscallVerdict[] } {
  // Built on first use: importing the model should not cost a page a long task.
  let list: SyscallVerdict[] | undefined;
  let built: Map<string, SyscallVerdict> | undefined;
  const verdicts = () => (list ??= linuxVerdicts(filter));
  const table = () => (built ??= new Map(verdicts().map((v) => [v.name, v])));
  const argDependent = (name: string) => table().get(name)?.verdict === 'conditional';
  const classify: StaticClassifier = (name, args) => {
    const v = table().get(name);
    if (!v) return unknownSyscall(name, filter);
    if (v.verdict !== 'conditional' || !filter) return fromVerdict(v, filter);
    const values = inAbiOrder(name, args()).map((a) => argNumber(a));
    const ev = evaluateSeccomp(filter.profile, { name, args: values }, { arch: 'amd64', caps: filter.caps, kernel: HOST_KERNEL_VERSION });
    const d = ev.type === 'decided' ? ev : ev.outcomes[0];
    const allowed = !d || d.outcome === 'allow' || d.outcome === 'log';
    if (allowed) return syscallByName(name)?.implemented === false ? fromVerdict({ ...v, verdict: 'deny', errno: 'ENOSYS', handledBy: 'kernel' }, filter) : { allowed: true, errno: null, layer: 'kernel', reason: ev.reason };
    return { allowed: false, errno: d.errno, layer: 'seccomp', reason: ev.reason };
  };
  return { classify, argDependent, verdicts };
}

function fromVerdict(v: SyscallVerdict, filter: InstalledFilter | null): StaticOutcome {
  if (v.verdict === 'allow') return { allowed: true, errno: null, layer: v.handledBy, reason: filter ? `${filter.label} allows ${v.name}` : `no seccomp filter; the kernel runs ${v.name}` };
  if (v.handledBy === 'kernel') return { allowed: false, errno: v.errno, layer: 'kernel', reason: `${v.name} is not implemented (sys_ni_syscall)` };
  if (v.errno === 'ENOSYS' && filter && isAboveProfile(v.name, filter.enosysAbove)) return { allowed: false, errno: 'ENOSYS', layer: 'seccomp', reason: `${v.name} is newer than every syscall ${filter.label} names: runc's stub returns ENOSYS` };
  return { allowed: false, errno: v.errno, layer: 'seccomp', reason: `${filter?.label ?? 'the filter'} blocks ${v.name}` };
}

/**
 * A name that is no x86_64 syscall (strace prints unknown numbers as
 * syscall_0x…): a filter's default action meets it first; without a filter
 * the kernel returns ENOSYS.
 */
function unknownSyscall(name: string, filter: InstalledFilter | null): StaticOutcome {
  if (filter) {
    const ev = evaluateSeccomp(filter.profile, { name, args: [] }, { arch: 'amd64', caps: filter.caps, kernel: HOST_KERNEL_VERSION });
    if (ev.type === 'decided' && ev.outcome !== 'allow' && ev.outcome !== 'log') return { allowed: false, errno: ev.errno, layer: 'seccomp', reason: ev.reason };
  }
  return { allowed: false, errno: 'ENOSYS', layer: 'kernel', reason: `${name} is not an x86_64 syscall` };
}
