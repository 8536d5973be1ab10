import { guestClassifier } from '../firecracker/verdicts.ts';
import type { RuntimeOptions } from '../runtime/types.ts';
import { allSyscalls, syscallByName } from '../syscalls/catalogue.ts';
import type { StaticClassifier, SyscallVerdict } from '../trace.ts';
import { miniOsEntry } from './miniOs.ts';

/**
 * How a LightVM guest treats each syscall taken alone. A unikernel: Mini-OS's
 * table (a call it lacks would not link: ENOSYS in the lab; a crash stub
 * halts the unikernel, shown as deny with no errno). A Tinyx VM: its Linux
 * kernel, with no seccomp filter and, as far as the lab knows, every
 * syscall built in (Tinyx trims the config per application; it is not published).
 */
const ALWAYS: Readonly<Record<string, 'EIO' | 'EBADF'>> = {
  stat: 'EIO', newfstatat: 'EIO', mkdir: 'EIO', mkdirat: 'EIO', unlink: 'EIO', unlinkat: 'EIO', rmdir: 'EIO', fsync: 'EBADF', ftruncate: 'EBADF',
};
/** Implemented, with an answer that depends on the arguments (open: only a few paths). */
const BY_ARGS = new Set(['open', 'openat', 'creat', 'mmap']);

function unikernelVerdict(name: string): Omit<SyscallVerdict, 'number' | 'name'> {
  const entry = miniOsEntry(name);
  if (!entry || entry.type === 'enosys') return { verdict: 'deny', errno: 'ENOSYS', handledBy: 'minios' };
  if (entry.type === 'crash') return { verdict: 'deny', errno: null, handledBy: 'minios' };
  const fixed = ALWAYS[name];
  if (fixed) return { verdict: 'deny', errno: fixed, handledBy: 'minios' };
  return { verdict: BY_ARGS.has(name) ? 'conditional' : 'allow', errno: null, handledBy: 'minios' };
}

export function unikernelVerdicts(): SyscallVerdict[] {
  return allSyscalls().map((s) => ({ number: s.number, name: s.name, ...unikernelVerdict(s.name) }));
}

export const unikernelClassify: StaticClassifier = (name) => {
  const v = unikernelVerdict(name);
  const entry = miniOsEntry(name);
  const reason = !entry ? `Mini-OS provides no ${name}(): the unikernel would not link (ENOSYS in the lab)`
    : entry.type === 'crash' ? `${entry.fn}() halts the unikernel (Mini-OS crash stub)`
      : entry.type === 'enosys' ? `${entry.fn}() is unsupported in Mini-OS: ENOSYS` : `Mini-OS implements ${entry.fn}()`;
  return { allowed: v.verdict !== 'deny', errno: v.errno, layer: 'minios', reason };
};

const tinyxLacks = (name: string) => (syscallByName(name) ? null : `${name} is not an x86_64 syscall`);
const TINYX = guestClassifier(null, tinyxLacks, { seccomp: 'guest-kernel', kernel: 'guest-kernel' });
export const tinyxClassifier = TINYX;

export function lightvmVerdicts(options: RuntimeOptions): SyscallVerdict[] {
  return options.guest === 'tinyx' ? TINYX.verdicts() : unikernelVerdicts();
}
