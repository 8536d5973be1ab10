/**
 * A command-line flag reader with spf13/pflag's rules, which docker, podman
 * and kubectl all use through cobra:
 * - `--flag=value`, `--flag value`; a bool flag takes no separate value but
 *   accepts `--flag=false`;
 * - shorthands combine (`-it`, `-itd`); a shorthand that takes a value takes
 *   the rest of the word (`-ufoo`, `-u=foo`) or the next word (`-u foo`);
 * - `--` ends the flags; without interspersing (`docker run`, `docker exec`)
 *   the first non-flag word ends them too, so `docker run -it debian ls -l`
 *   leaves `-l` to `ls`;
 * - a flag given twice keeps both values, in order (repeatable flags).
 * Errors come back as values carrying what pflag's error types carry, so each
 * tool can word them its own way (`flagErrorText` gives pflag's words).
 * @see spf13/pflag flag.go (parseArgs, parseLongArg, parseSingleShortArg), errors.go — v1.0.10, as vendored by docker/cli
 */
import { goBoolError, goQuote, goQuoteFirstByte, parseGoBool } from './goStrconv.ts';

export interface FlagSpec {
  /** The long name, without dashes. */
  name: string;
  /** One-letter shorthand, if any. */
  short?: string;
  /** `bool` flags have pflag's NoOptDefVal "true": they never take the next word. */
  kind: 'bool' | 'value';
  /** What the flag's `Value.Set` refuses, as its error text; null when the value is fine. */
  check?: (value: string) => string | null;
  /** pflag NoOptDefVal for a value flag: given bare (`--cascade`), it takes this value and never the next word. */
  noOptDefVal?: string;
}

/** The value a flag takes when given without one, if it can be: "true" for bools. */
const noOpt = (f: FlagSpec): string | undefined => (f.kind === 'bool' ? 'true' : f.noOptDefVal);

export interface FlagSetSpec {
  flags: readonly FlagSpec[];
  /** pflag SetInterspersed: false stops at the first non-flag word. */
  interspersed: boolean;
  /** pflag SetNormalizeFunc as a table: an alias and the flag it names (podman's `--net` → `network`). */
  aliases?: Readonly<Record<string, string>>;
}

export interface ParsedFlags {
  /** Each flag's values in the order given, by long name; bool flags hold "true"/"false" as typed. */
  values: ReadonlyMap<string, readonly string[]>;
  /** Every flag given, in command-line order (long names; aliases already resolved). */
  entries: readonly { name: string; value: string }[];
  /** The words that are not flags, in order. */
  args: string[];
  /** pflag ArgsLenAtDash: how many of `args` came before `--`, or -1. */
  argsLenAtDash: number;
}

/** What went wrong, with the fields pflag's error types carry. */
export type FlagError =
  | { kind: 'unknownFlag'; name: string }
  | { kind: 'unknownShorthand'; group: string }
  | { kind: 'needsArgument'; name: string; group: string | null }
  | { kind: 'badSyntax'; word: string }
  | { kind: 'invalidValue'; flag: FlagSpec; value: string; cause: string }
  /** `--help`/`-h` when the set defines no such flag (pflag's ErrHelp). */
  | { kind: 'help' };

export type FlagParse = { ok: true; flags: ParsedFlags } | { ok: false; error: FlagError };

/** pflag's own wording for each error. */
export function flagErrorText(e: FlagError): string {
  switch (e.kind) {
    case 'unknownFlag': return `unknown flag: --${e.name}`;
    case 'unknownShorthand': return `unknown shorthand flag: ${goQuoteFirstByte(e.group)} in -${e.group}`;
    case 'needsArgument': return e.group === null
      ? `flag needs an argument: --${e.name}`
      : `flag needs an argument: ${goQuoteFirstByte(e.name)} in -${e.group}`;
    case 'badSyntax': return `bad flag syntax: ${e.word}`;
    case 'invalidValue': return `invalid argument ${goQuote(e.value)} for ${goQuote(flagTitle(e.flag))} flag: ${e.cause}`;
    case 'help': return 'pflag: help requested';
  }
}

/** How pflag names a flag in "invalid argument" errors: `-m, --memory` or `--cpus`. */
export const flagTitle = (f: FlagSpec): string => (f.short ? `-${f.short}, --${f.name}` : `--${f.name}`);

interface State {
  spec: FlagSetSpec;
  values: Map<string, string[]>;
  entries: { name: string; value: string }[];
  rest: string[];
}

function set(st: State, flag: FlagSpec, value: string): FlagError | null {
  const cause = flag.kind === 'bool' ? (parseGoBool(value) === null ? goBoolError(value) : null) : flag.check?.(value) ?? null;
  if (cause !== null) return { kind: 'invalidValue', flag, value, cause };
  const list = st.values.get(flag.name) ?? [];
  list.push(value);
  st.values.set(flag.name, list);
  st.entries.push({ name: flag.name, value });
  return null;
}

function byName(spec: FlagSetSpec, name: string): FlagSpec | undefined {
  const canonical = spec.aliases?.[name] ?? name;
  return spec.flags.find((f) => f.name === canonical);
}

/** `--name`, `--name=value`, `--name value`. */
function longArg(st: State, word: string): FlagError | null {
  const body = word.slice(2);
  if (body === '' || body[0] === '-' || body[0] === '=') return { kind: 'badSyntax', word };
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const flag = byName(st.spec, name);
  if (!flag) return name === 'help' ? { kind: 'help' } : { kind: 'unknownFlag', name };
  if (eq >= 0) return set(st, flag, body.slice(eq + 1));
  const implied = noOpt(flag);
  if (implied !== undefined) return set(st, flag, implied);
  const next = st.rest.shift();
  return next === undefined ? { kind: 'needsArgument', name, group: null } : set(st, flag, next);
}

/** One letter of a shorthand group; returns what is left of the group. */
function shortLetter(st: State, group: string): { left: string; error: FlagError | null } {
  const c = group[0] ?? '';
  const flag = st.spec.flags.find((f) => f.short === c);
  if (!flag) return { left: '', error: c === 'h' ? { kind: 'help' } : { kind: 'unknownShorthand', group } };
  if (group.length > 2 && group[1] === '=') return { left: '', error: set(st, flag, group.slice(2)) };
  const implied = noOpt(flag);
  if (implied !== undefined) return { left: group.slice(1), error: set(st, flag, implied) };
  if (group.length > 1) return { left: '', error: set(st, flag, group.slice(1)) };
  const next = st.rest.shift();
  if (next === undefined) return { left: '', error: { kind: 'needsArgument', name: c, group } };
  return { left: '', error: set(st, flag, next) };
}

function shortArg(st: State, word: string): FlagError | null {
  let group = word.slice(1);
  while (group.length > 0) {
    const r = shortLetter(st, group);
    if (r.error) return r.error;
    group = r.left;
  }
  return null;
}

/** Reads `argv` (the words after the command's name) against `spec`. Never throws. */
export function parseFlags(argv: readonly string[], spec: FlagSetSpec): FlagParse {
  const st: State = { spec, values: new Map(), entries: [], rest: [...argv] };
  const args: string[] = [];
  let argsLenAtDash = -1;
  while (st.rest.length > 0) {
    const word = st.rest.shift() as string;
    if (word.length < 2 || word[0] !== '-') {
      args.push(word);
      if (!spec.interspersed) { args.push(...st.rest); break; }
      continue;
    }
    if (word === '--') { argsLenAtDash = args.length; args.push(...st.rest); break; }
    const error = word[1] === '-' ? longArg(st, word) : shortArg(st, word);
    if (error) return { ok: false, error };
  }
  return { ok: true, flags: { values: st.values, entries: st.entries, args, argsLenAtDash } };
}

/** The last value given to a flag, if any. */
export const lastValue = (p: ParsedFlags, name: string): string | undefined => p.values.get(name)?.at(-1);

/** All values given to a repeatable flag. */
export const allValues = (p: ParsedFlags, name: string): string[] => [...(p.values.get(name) ?? [])];

/** A bool flag's final value (pflag: the last `--flag[=bool]` wins). */
export function boolValue(p: ParsedFlags, name: string): boolean {
  const v = lastValue(p, name);
  return v !== undefined && parseGoBool(v) === true;
}

/** pflag's `Changed`: the flag appeared at all. */
export const changed = (p: ParsedFlags, name: string): boolean => p.values.has(name);

/** Shorthand for building specs: `'detach|d'` → `{ name: 'detach', short: 'd' }`. */
export function flags(kind: FlagSpec['kind'], names: readonly string[], check?: FlagSpec['check']): FlagSpec[] {
  return names.map((n) => {
    const [name = '', short] = n.split('|');
    return { name, kind, ...(short ? { short } : {}), ...(check ? { check } : {}) };
  });
}
