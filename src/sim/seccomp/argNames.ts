import { CONSTANT_FAMILIES, type ConstantFamilyId } from '../syscalls/constants/constantFamilies.ts';
import type { ConstantEntry, ConstantFamily } from '../syscalls/constants/constantFamily.ts';

/**
 * Names for the argument values seccomp sentences mention, so a lecturer
 * reads `domain = AF_VSOCK (40)` rather than `arg0 = 40`. Only arguments that
 * profiles commonly filter are named; others print as `argN`.
 * @see socket(2), clone(2), personality(2), and the constant families in src/sim/syscalls/constants
 */
const NAMED_ARGS: Readonly<Record<string, Readonly<Record<number, readonly [string, ConstantFamilyId]>>>> = {
  socket: { 0: ['domain', 'af'] },
  socketpair: { 0: ['domain', 'af'] },
  clone: { 0: ['flags', 'clone'] },
  unshare: { 0: ['flags', 'unshare'] },
  setns: { 1: ['nstype', 'unshare'] },
  personality: { 0: ['persona', 'personality'] },
  prctl: { 0: ['option', 'prctl'] },
  arch_prctl: { 0: ['code', 'arch-prctl'] },
  kill: { 1: ['sig', 'signal'] },
  mprotect: { 2: ['prot', 'prot'] },
  mmap: { 2: ['prot', 'prot'], 3: ['flags', 'map'] },
  keyctl: { 0: ['operation', 'keyctl'] },
};

function named(syscall: string, index: number): readonly [string, ConstantFamilyId] | undefined {
  return Object.hasOwn(NAMED_ARGS, syscall) ? NAMED_ARGS[syscall]?.[index] : undefined;
}

/** `domain` for socket's first argument, `arg2` for one the lab has no name for. */
export function argLabel(syscall: string, index: number): string {
  return named(syscall, index)?.[0] ?? `arg${index}`;
}

export function hex(v: bigint): string {
  return `0x${v.toString(16)}`;
}

const lookup = (list: readonly ConstantEntry[] | undefined, v: bigint): string | undefined =>
  list?.find(([, value]) => BigInt(value) === v)?.[0];

/** `CLONE_NEWUSER|SIGCHLD`, or undefined when the value is better shown as a number. */
function formatFlags(family: ConstantFamily, v: bigint): string | undefined {
  const exact = lookup(family.exact, v);
  if (exact) return exact;
  if (family.raw?.some((r) => BigInt(r) === v)) return undefined;
  if (v === 0n) return lookup(family.entries, 0n) ?? lookup(family.field?.entries, 0n);
  let rest = v;
  let fieldName: string | undefined;
  if (family.field) {
    const mask = BigInt(family.field.mask);
    fieldName = lookup(family.field.entries, v & mask);
    if (fieldName !== undefined) rest &= ~mask;
  }
  const parts: string[] = [];
  for (const [name, value] of family.entries) {
    const bit = BigInt(value);
    if (bit !== 0n && (rest & bit) === bit) {
      parts.push(name);
      rest &= ~bit;
    }
  }
  if (rest !== 0n) parts.push(hex(rest));
  if (fieldName !== undefined) {
    if (family.field?.position === 'first') parts.unshift(fieldName);
    else parts.push(fieldName);
  }
  return parts.length > 0 && parts.some((p) => !p.startsWith('0x')) ? parts.join('|') : undefined;
}

/** A value as a lecturer reads it: `AF_INET (2)`, `CLONE_NEWUSER|SIGCHLD (0x10000011)`, `40`. */
export function showValue(syscall: string, index: number, v: bigint): string {
  const familyId = named(syscall, index)?.[1];
  const family: ConstantFamily | undefined = familyId ? CONSTANT_FAMILIES[familyId] : undefined;
  const number = family?.kind === 'flags' || v > 0xffffn ? hex(v) : String(v);
  if (!family) return number;
  const name = family.kind === 'enum' ? lookup(family.entries, v) : formatFlags(family, v);
  return name === undefined ? number : `${name} (${number})`;
}

/** The names of the bits in a mask (`CLONE_NEWNS|CLONE_NEWCGROUP|…`), if the argument has a flags family. */
export function showMask(syscall: string, index: number, mask: bigint): string {
  const familyId = named(syscall, index)?.[1];
  const family: ConstantFamily | undefined = familyId ? CONSTANT_FAMILIES[familyId] : undefined;
  if (!family || family.kind !== 'flags') return hex(mask);
  const names = family.entries.filter(([, value]) => value !== 0 && (BigInt(value) & mask) === BigInt(value)).map(([n]) => n);
  return names.length > 0 ? `${names.join('|')} (${hex(mask)})` : hex(mask);
}
