// The classifier the replay benchmark uses: the lab's own static verdicts
// (src/sim/runtime/staticVerdicts.ts) when that module is there and exports
// one, else a stand-in shaped like Docker's default seccomp profile.
import type { ArgNode } from '../src/sim/syscalls/args.ts';
import type { StaticClassifier, StaticOutcome } from '../src/sim/trace.ts';

export interface BenchClassifier {
  label: string;
  classify: StaticClassifier;
  argDependent?: (name: string) => boolean;
}

/** Forty syscalls Docker's default profile refuses. @see moby profiles/seccomp/default.json */
const DENIED = new Set([
  'acct', 'add_key', 'bpf', 'clock_adjtime', 'clock_settime', 'create_module', 'delete_module', 'finit_module',
  'get_kernel_syms', 'get_mempolicy', 'init_module', 'ioperm', 'iopl', 'kcmp', 'kexec_file_load', 'kexec_load',
  'keyctl', 'lookup_dcookie', 'mbind', 'mount', 'move_pages', 'name_to_handle_at', 'nfsservctl', 'open_by_handle_at',
  'perf_event_open', 'pivot_root', 'process_vm_readv', 'process_vm_writev', 'ptrace', 'query_module', 'quotactl',
  'reboot', 'request_key', 'set_mempolicy', 'setns', 'settimeofday', 'swapoff', 'swapon', 'umount2', 'unshare',
]);

const ALLOW: StaticOutcome = { allowed: true, errno: null, layer: 'host-kernel', reason: 'allowed by the profile' };
const DENY: StaticOutcome = { allowed: false, errno: 'EPERM', layer: 'seccomp', reason: 'not in the profile' };

/** clone is allowed unless it asks for new namespaces, the one argument rule the stand-in keeps. */
function namespaceFlags(args: readonly ArgNode[]): boolean {
  return args.some((a) => a.text.includes('CLONE_NEW'));
}

export const fallbackClassifier: BenchClassifier = {
  label: 'built-in stand-in (40 denied names, clone flags)',
  classify: (name, args) => {
    if (DENIED.has(name)) return DENY;
    if (name === 'clone' || name === 'clone3') return namespaceFlags(args()) ? DENY : ALLOW;
    return ALLOW;
  },
  argDependent: (name) => name === 'clone' || name === 'clone3',
};

const isOutcome = (v: unknown): v is StaticOutcome => typeof v === 'object' && v !== null && typeof (v as StaticOutcome).allowed === 'boolean';

function asClassifier(value: unknown): StaticClassifier | null {
  if (typeof value !== 'function') return null;
  try {
    return isOutcome(value('getpid', () => [])) ? (value as StaticClassifier) : null;
  } catch {
    return null;
  }
}

/** Finds a classifier among a module's exports: a function, or an object with `classify` (a RuntimeModel). */
function pick(mod: Record<string, unknown>): BenchClassifier | null {
  const dependent = Object.entries(mod).find(([k, v]) => /argDependent/i.test(k) && typeof v === 'function')?.[1];
  for (const [key, value] of Object.entries(mod)) {
    const holder = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
    const classify = asClassifier(holder ? holder.classify : /classif/i.test(key) ? value : null);
    if (!classify) continue;
    const own = holder && typeof holder.argDependent === 'function' ? holder.argDependent : dependent;
    return { label: `staticVerdicts.ts: ${key}`, classify, argDependent: own as BenchClassifier['argDependent'] };
  }
  return null;
}

/** The module another part of the lab provides; imported by a computed path so the bench builds without it. */
const STATIC_VERDICTS = '../src/sim/runtime/staticVerdicts.ts';

export async function loadClassifier(path: string = STATIC_VERDICTS): Promise<BenchClassifier> {
  try {
    const mod = (await import(path)) as Record<string, unknown>;
    return pick(mod) ?? { ...fallbackClassifier, label: `${fallbackClassifier.label}; staticVerdicts.ts exports no classifier` };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ...fallbackClassifier, label: `${fallbackClassifier.label}; staticVerdicts.ts not loaded (${why})` };
  }
}
