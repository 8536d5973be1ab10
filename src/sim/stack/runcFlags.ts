/**
 * Flags the way runc reads them: urfave/cli v1 (which released runc, up to
 * v1.5.1, uses) on top of Go's standard `flag` package. Unlike pflag:
 * `-name` and `--name` are the same, shorthands do not combine (`-dt` is one
 * unknown flag), and a bool flag takes a value only as `-d=false`. Parsing
 * stops at the first word that is not a flag — but urfave first moves the
 * command's flags in front of its other words (reorderArgs), so
 * `runc run mybox -d` works; exec and ps skip the reordering.
 * @see golang/go src/flag/flag.go (FlagSet.parseOne, failf, boolValue/intValue Set, numError)
 * @see urfave/cli v1.22.17 command.go (Command.Run, parseFlags, reorderArgs, argIsFlag); app.go (App.Run)
 */
import { goQuote, parseGoBool, parseGoInt } from './goStrconv.ts';

export interface GoFlag {
  /** Every name the flag answers to (urfave's `"bundle, b"`). */
  names: readonly string[];
  kind: 'bool' | 'string' | 'int' | 'slice';
}

export interface GoFlags {
  /** Values by the flag's first name; repeated slice flags keep all values. */
  values: ReadonlyMap<string, readonly string[]>;
  args: string[];
}

export type GoFlagParse = { ok: true; flags: GoFlags } | { ok: false; error: string };

export const goFlag = (kind: GoFlag['kind'], ...names: string[]): GoFlag => ({ names, kind });

/** argIsFlag: a word that names one of the command's flags (`--bundle`, `-b=x`). */
function argIsFlag(flagList: readonly GoFlag[], arg: string): boolean {
  if (arg === '-' || arg === '--' || !arg.startsWith('-')) return false;
  const name = (arg.startsWith('--') ? arg.slice(2) : arg.slice(1)).split('=')[0] ?? '';
  return flagList.some((f) => f.names.includes(name));
}

/** reorderArgs: the command's own flags (and the word after each, unless it is a flag) first, `--` kept as the delimiter. */
export function reorderArgs(flagList: readonly GoFlag[], args: readonly string[]): string[] {
  const reordered: string[] = [];
  let remaining: string[] = [];
  let nextMayBeValue = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (nextMayBeValue && !argIsFlag(flagList, arg)) {
      nextMayBeValue = false;
      reordered.push(arg);
    } else if (arg === '--') {
      remaining = ['--', ...remaining, ...args.slice(i + 1)];
      break;
    } else if (argIsFlag(flagList, arg)) {
      reordered.push(arg);
      nextMayBeValue = !arg.includes('=');
    } else remaining.push(arg);
  }
  return [...reordered, ...remaining];
}

/** One Go flag value: the error text Go's flag package reports, or null. */
function setValue(flag: GoFlag, name: string, value: string, hasValue: boolean): string | null {
  if (flag.kind === 'bool') {
    return hasValue && parseGoBool(value) === null ? `invalid boolean value ${goQuote(value)} for -${name}: parse error` : null;
  }
  if (flag.kind === 'int') {
    const r = parseGoInt(value, 64);
    if (!r.ok) return `invalid value ${goQuote(value)} for flag -${name}: ${r.cause.endsWith('out of range') ? 'value out of range' : 'parse error'}`;
  }
  return null;
}

/** flag.FlagSet.Parse: flags up to the first non-flag word or `--`. */
export function parseGoFlags(flagList: readonly GoFlag[], argv: readonly string[]): GoFlagParse {
  const values = new Map<string, string[]>();
  const rest = [...argv];
  while (rest.length > 0) {
    const s = rest[0] as string;
    if (s.length < 2 || s[0] !== '-') break;
    rest.shift();
    if (s === '--') break;
    const body = s.slice(s[1] === '-' ? 2 : 1);
    if (body === '' || body[0] === '-' || body[0] === '=') return { ok: false, error: `bad flag syntax: ${s}` };
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const flag = flagList.find((f) => f.names.includes(name));
    if (!flag) return { ok: false, error: `flag provided but not defined: -${name}` };
    let value = eq < 0 ? 'true' : body.slice(eq + 1);
    if (flag.kind !== 'bool' && eq < 0) {
      if (rest.length === 0) return { ok: false, error: `flag needs an argument: -${name}` };
      value = rest.shift() as string;
    }
    const error = setValue(flag, name, value, eq >= 0);
    if (error) return { ok: false, error };
    const key = flag.names[0] as string;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return { ok: true, flags: { values, args: rest } };
}

export const goString = (f: GoFlags, name: string): string | undefined => f.values.get(name)?.at(-1);
export const goBool = (f: GoFlags, name: string): boolean => parseGoBool(goString(f, name) ?? 'false') === true;
export const goSlice = (f: GoFlags, name: string): string[] => [...(f.values.get(name) ?? [])];
