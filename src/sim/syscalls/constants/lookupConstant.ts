import type { ConstantFamily } from './constantFamily.ts';
import { CONSTANT_FAMILIES } from './constantFamilies.ts';

/**
 * Name → value over every family: what a user may type in a syscall
 * argument (`O_RDONLY|O_CLOEXEC`, `AT_FDCWD`, `SIGCHLD`). C macro names are
 * global, so one name has one value; the families that share a name
 * (CLONE_NEWNS in `clone` and `unshare`, AT_EMPTY_PATH in `at` and
 * `open-tree`) agree on it, which the tests check.
 */

function namesOf(family: ConstantFamily): (readonly [string, number])[] {
  return [...(family.field?.entries ?? []), ...family.entries, ...(family.exact ?? []), ...(family.aliases ?? [])];
}

const VALUES = new Map<string, number>();
for (const family of Object.values(CONSTANT_FAMILIES)) {
  for (const [name, value] of namesOf(family)) if (!VALUES.has(name)) VALUES.set(name, value);
}

/** The value of a Linux x86_64 constant by its exact name, or undefined. */
export function lookupConstant(name: string): number | undefined {
  return VALUES.get(name);
}

/** Every known constant name, for completion and "did you mean". */
export function constantNames(): string[] {
  return [...VALUES.keys()];
}
