import { closest } from '../text/closest.ts';
import { SYSCALLS } from './catalogue.ts';

/**
 * "Unknown syscall 'opnat', did you mean openat?": the known x86_64 names
 * nearest to a typo by edit distance (adjacent swaps count as one edit, so
 * `getpdi` is one step from `getpid`). Empty when nothing is near enough to
 * be a plausible typo.
 */
const NAMES: readonly string[] = SYSCALLS.map((s) => s.name);

export function suggestSyscall(name: string, limit = 3): string[] {
  const wanted = name.trim();
  return wanted === '' ? [] : closest(wanted, NAMES, limit);
}
