/**
 * The kernel's own number parsers, which decide what a write to a cgroup file
 * accepts: base 0 means `0x` hex, a leading `0` octal, otherwise decimal.
 * Values are BigInt so u64 limits behave as in C.
 * @see lib/kstrtox.c _parse_integer_fixup_radix(), _kstrtoull(); lib/vsprintf.c simple_strtoull()
 */
import { fail, ok, type SimResult } from '../result.ts';

const U64_MAX = (1n << 64n) - 1n;
const S64_MAX = (1n << 63n) - 1n;
const S32_MAX = 2n ** 31n - 1n;

/** What strstrip() removes: ASCII whitespace at both ends (isspace()). */
export function strstrip(s: string): string {
  return s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

/** With base 0: `0x` followed by a hex digit means 16, a leading `0` means 8, else 10. */
function fixupRadix(s: string, base: number): { rest: string; base: number } {
  let b = base;
  if (b === 0) b = s[0] === '0' ? (/^0[xX][0-9a-fA-F]/.test(s) ? 16 : 8) : 10;
  const rest = b === 16 && /^0[xX]/.test(s) ? s.slice(2) : s;
  return { rest, base: b };
}

/** Leading digits of `base`: their value (wrapped to 64 bits, as C does) and how many there were. */
function parseDigits(s: string, base: number): { value: bigint; len: number; overflow: boolean } {
  let value = 0n;
  let len = 0;
  let overflow = false;
  for (const ch of s) {
    const d = parseInt(ch, 16);
    if (Number.isNaN(d) || d >= base) break;
    value = value * BigInt(base) + BigInt(d);
    if (value > U64_MAX) overflow = true;
    len += 1;
  }
  return { value: value & U64_MAX, len, overflow };
}

/** simple_strtoull(): the number at the start of `s` (0 when there is none) and what follows it. */
export function simpleStrtoull(s: string, base = 0): { value: bigint; rest: string } {
  const { rest, base: b } = fixupRadix(s, base);
  const { value, len } = parseDigits(rest, b);
  return { value, rest: rest.slice(len) };
}

/** kstrtoull(): the whole string must be the number, with at most one trailing newline. */
export function kstrtoull(s: string, base = 0): SimResult<bigint> {
  const body = s.startsWith('+') ? s.slice(1) : s;
  const { rest, base: b } = fixupRadix(body, base);
  const { value, len, overflow } = parseDigits(rest, b);
  if (overflow) return fail('ERANGE', `${s.trim()} does not fit in 64 bits`);
  const tail = rest.slice(len);
  if (len === 0 || (tail !== '' && tail !== '\n')) return fail('EINVAL', `"${s.trim()}" is not a number`);
  return ok(value);
}

/** kstrtoll(): as kstrtoull, with an optional sign, within the signed 64-bit range. */
export function kstrtoll(s: string, base = 0): SimResult<bigint> {
  const negative = s.startsWith('-');
  const r = kstrtoull(negative ? s.slice(1) : s, base);
  if (!r.ok) return r;
  if (r.value > S64_MAX + (negative ? 1n : 0n)) return fail('ERANGE', `${s.trim()} is out of range`);
  return ok(negative ? -r.value : r.value);
}

/** kstrtoint(): as kstrtoll, within the signed 32-bit range. */
export function kstrtoint(s: string, base = 0): SimResult<number> {
  const r = kstrtoll(s, base);
  if (!r.ok) return r;
  if (r.value > S32_MAX || r.value < -S32_MAX - 1n) return fail('ERANGE', `${s.trim()} is out of range for an int`);
  return ok(Number(r.value));
}

/**
 * memparse(): a number with an optional K, M, G, T, P or E suffix (powers of
 * 1024, either case), and what follows it.
 * @see lib/cmdline.c memparse()
 */
export function memparse(s: string): { value: bigint; rest: string } {
  const { value, rest } = simpleStrtoull(s);
  const shift = 'kmgtpe'.indexOf((rest[0] ?? '').toLowerCase()) + 1;
  if (shift === 0 || rest === '') return { value, rest };
  return { value: (value << BigInt(10 * shift)) & U64_MAX, rest: rest.slice(1) };
}
