import type { ConstantFamily } from './constantFamily.ts';
import { CONSTANT_FAMILIES, type ConstantFamilyId } from './constantFamilies.ts';
import { lookupConstant } from './lookupConstant.ts';
import { bitOr, fromWord, toWord } from './bits.ts';

/**
 * Numbers ⇄ strace's text for them: `formatFlags(0x80000, 'open')` is
 * `O_RDONLY|O_CLOEXEC`, and parseFlags reads such text back.
 * @see strace src/xlat.c printflags/printxval (the rules copied here in spirit:
 *      names in table order, unknown bits as one hex number, 0 as `0`)
 */

function octalPermissions(word: bigint): string {
  // strace prints modes with "%#03o": 0644 → 0644, 0 → 000, 7 → 007.
  return word === 0n ? '000' : `0${word.toString(8)}`.padStart(3, '0');
}

function formatEnum(value: number, family: ConstantFamily): string {
  const hit = family.entries.find(([, v]) => v === value);
  return hit ? hit[0] : String(value);
}

/** The names of the set bits, clearing each as it is named; returns what is left. */
function nameBits(word: bigint, family: ConstantFamily, out: string[]): bigint {
  let rest = word;
  for (const [name, value] of family.entries) {
    const bits = toWord(value);
    if (bits !== 0n && (rest & bits) === bits) {
      out.push(name);
      rest &= ~bits;
    }
  }
  return rest;
}

function formatBits(value: number, family: ConstantFamily): string {
  const exact = family.exact?.find(([, v]) => v === value);
  if (exact) return exact[0];
  if (family.raw?.includes(value)) return `0x${toWord(value).toString(16)}`;
  let word = toWord(value);
  let fieldName: string | null = null;
  if (family.field) {
    const mask = toWord(family.field.mask);
    const hit = family.field.entries.find(([, v]) => toWord(v) === (word & mask));
    if (hit) {
      fieldName = hit[0];
      word &= ~mask;
    }
  }
  const parts: string[] = [];
  const rest = nameBits(word, family, parts);
  if (family.rest === 'octal') parts.push(octalPermissions(rest));
  else if (rest !== 0n) parts.push(`0x${rest.toString(16)}`);
  if (fieldName !== null) {
    if (family.field?.position === 'last') parts.push(fieldName);
    else parts.unshift(fieldName);
  }
  if (parts.length > 0) return parts.join('|');
  return family.entries.find(([, v]) => v === 0)?.[0] ?? '0';
}

/**
 * strace's text for `value` as an argument of the given family: one name
 * for an enum (or the decimal number), `A|B|0x…` for flags.
 */
export function formatFlags(value: number, family: ConstantFamilyId): string {
  const def: ConstantFamily = CONSTANT_FAMILIES[family];
  return def.kind === 'enum' ? formatEnum(value, def) : formatBits(value, def);
}

/** A C integer literal as strace prints one: 42, -100, 0x1f, 0644 (octal). */
export function parseIntegerLiteral(text: string): number | undefined {
  const m = /^(-?)(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.exec(text.trim());
  if (!m) return undefined;
  const [, sign = '', digits = ''] = m;
  const magnitude = digits.toLowerCase().startsWith('0x')
    ? Number.parseInt(digits.slice(2), 16)
    : digits.length > 1 && digits.startsWith('0')
      ? Number.parseInt(digits.slice(1), 8)
      : Number.parseInt(digits, 10);
  return sign === '-' ? -magnitude : magnitude;
}

function parsePart(part: string): number | undefined {
  const shift = /^(.+)<<(.+)$/.exec(part);
  if (shift) {
    const [a, b] = [parsePart(shift[1] ?? ''), parsePart(shift[2] ?? '')];
    return a === undefined || b === undefined ? undefined : fromWord(toWord(a) << toWord(b));
  }
  const trimmed = part.trim();
  return lookupConstant(trimmed) ?? parseIntegerLiteral(trimmed);
}

/**
 * The number that strace flag text stands for (`O_RDONLY|O_CLOEXEC` →
 * 0x80000, `S_IFREG|0644`, `1<<SIGCHLD`), or undefined when a part is
 * neither a known constant nor a number.
 */
export function parseFlags(text: string): number | undefined {
  const values = text.split('|').map(parsePart);
  if (values.some((v) => v === undefined)) return undefined;
  return values.length === 1 ? values[0] : bitOr(...(values as number[]));
}
