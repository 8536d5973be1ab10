import { pathCtx, vfsEnv } from '../sim/kernel/vfsBridge.ts';
import { findRuntime, RUNTIME_IDS } from '../sim/runtime/registry.ts';
import type { Session } from '../sim/runtime/types.ts';
import { allSyscalls } from '../sim/syscalls/catalogue.ts';
import { COMMANDS } from '../sim/shell/commands/index.ts';
import { CONTROL_PROGRAMS } from '../machines/controlTypes.ts';
import { readdir } from '../sim/vfs/dirOps.ts';
import { resolve } from '../sim/vfs/resolve.ts';
import { LAB_COMMAND_NAMES } from './labCommands.ts';

/**
 * Tab completion for the terminal: lab commands, the shell's commands,
 * syscall names, runtime names and their settings, and paths in the session's
 * filesystem. Pure: what it needs of the session comes in `ctx`.
 */

/** `replacement` takes the place of the line's text before the cursor; `candidates` are listed when there is more than one. */
export interface Completion {
  replacement: string;
  candidates: string[];
}

export interface CompletionContext {
  /**
   * The names in a directory of the chosen runtime's session, directories with
   * a trailing `/`; [] when it is no directory. `dir` is the directory part of
   * the word as typed (`/etc`, `/`, `sub/dir`), or `.` for the working directory.
   */
  listDir: (dir: string) => string[];
}

/**
 * `listDir` over a booted session: the directory as the terminal's process
 * sees it (its mount namespace, root, working directory and permissions).
 * Reads the world without changing it; [] where the path does not resolve.
 */
export function sessionDirs(session: Session): CompletionContext['listDir'] {
  return (dir) => {
    const proc = session.world.procs[session.pid];
    if (!proc) return [];
    const env = vfsEnv(session.world, proc);
    const ctx = pathCtx(session.world, proc);
    const found = resolve(env, ctx, dir, { directory: true });
    const entries = found.ok ? readdir(env, found.value, ctx.viewer) : null;
    if (!entries?.ok) return [];
    return entries.value.filter((e) => e.name !== '.' && e.name !== '..').map((e) => (e.kind === 'dir' ? `${e.name}/` : e.name));
  };
}

/** Characters that end a word: whitespace, and the punctuation of strace syntax and shell redirection. */
const BREAK = /[\s(),"'=<>|;]/;
const SHELL = Object.keys(COMMANDS);
const SYSCALL_NAMES = allSyscalls().map((s) => s.name);
const FIRST_WORDS = [...new Set([...LAB_COMMAND_NAMES, ...SHELL, ...CONTROL_PROGRAMS])].sort();
const RUNTIME_WORDS: Record<string, 'runtime' | 'runtimes' | 'syscall' | 'lab'> = {
  runtime: 'runtime', compare: 'runtimes', verdicts: 'runtimes', surface: 'runtimes', explain: 'syscall', help: 'lab',
};

const none = (before: string): Completion => ({ replacement: before, candidates: [] });

export function completeLine(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const after = line.slice(before.length);
  let start = before.length;
  while (start > 0 && !BREAK.test(before[start - 1] as string)) start--;
  const head = before.slice(0, start);
  const word = before.slice(start);
  const words = head.trim() ? head.trim().split(/\s+/) : [];
  const dash = words.indexOf('--');
  if (words[0] === 'compare' && dash >= 0) {
    // After `compare … --` comes an input line of its own.
    const offset = head.indexOf(' -- ') + 4;
    const inner = completeLine(line.slice(offset), cursor - offset, ctx);
    return { replacement: before.slice(0, offset) + inner.replacement, candidates: inner.candidates };
  }
  const quote = head.at(-1) === '"' || head.at(-1) === "'" ? head.at(-1) as string : '';
  if (quote || word.includes('/') || (words.length > 0 && SHELL.includes(words[0] as string) && !word.startsWith('-'))) {
    return completePath(head, word, quote, ctx);
  }
  if (words.length === 0) return completeFirst(head, word, after);
  // A word after punctuation (`openat(AT_`) is an argument of a call: the lab completes no constants yet.
  return head.trimEnd() !== head ? completeArgument(head, word, words) : none(before);
}

/** The first word: a lab or shell command, or a syscall when `(` follows, the word has `_`, or no command fits. */
function completeFirst(head: string, word: string, after: string): Completion {
  const commands = after.startsWith('(') ? [] : FIRST_WORDS.filter((c) => c.startsWith(word));
  const wantsSyscall = after.startsWith('(') || word.includes('_') || commands.length === 0;
  const syscalls = wantsSyscall && word ? SYSCALL_NAMES.filter((s) => s.startsWith(word)) : [];
  const choices = [...commands.map((c) => ({ text: c, end: ' ' })), ...syscalls.filter((s) => !commands.includes(s)).map((s) => ({ text: s, end: after.startsWith('(') ? '' : '(' }))];
  return choose(head, word, choices);
}

/** A later word: runtime names, a runtime's settings, syscall names, lab command names. */
function completeArgument(head: string, word: string, words: string[]): Completion {
  const [command = '', ...args] = words;
  const kind = RUNTIME_WORDS[command];
  if (kind === 'runtime' && args.length >= 1) return completeSetting(head, word, args);
  if (kind === 'runtime' || (kind === 'runtimes' && (command === 'compare' || args.length === 0))) {
    const ids = command === 'compare' ? [...RUNTIME_IDS, 'all'] : [...RUNTIME_IDS];
    return choose(head, word, ids.filter((id) => id.startsWith(word)).map((id) => ({ text: id, end: ' ' })));
  }
  if (kind === 'syscall' && args.length === 0) return choose(head, word, SYSCALL_NAMES.filter((s) => s.startsWith(word)).map((s) => ({ text: s, end: ' ' })));
  if (kind === 'lab' && args.length === 0) return choose(head, word, LAB_COMMAND_NAMES.filter((c) => c.startsWith(word)).map((c) => ({ text: c, end: ' ' })));
  return none(head + word);
}

/** `runtime gvisor --pl` → `--platform `; `runtime gvisor --platform k` → `kvm `. */
function completeSetting(head: string, word: string, args: string[]): Completion {
  const options = findRuntime(args[0] as string)?.options ?? [];
  const previous = args.at(-1) ?? '';
  const option = args.length > 1 && previous.startsWith('--') && !previous.includes('=') ? options.find((o) => `--${o.key}` === previous) : undefined;
  if (option && !word.startsWith('-')) return choose(head, word, option.values.filter((v) => v.startsWith(word)).map((v) => ({ text: v, end: ' ' })));
  return choose(head, word, options.map((o) => `--${o.key}`).filter((k) => k.startsWith(word)).map((k) => ({ text: k, end: ' ' })));
}

/** A path: the names in its directory; a directory ends with `/`, a file closes its quote or takes a space. */
function completePath(head: string, word: string, quote: string, ctx: CompletionContext): Completion {
  const slash = word.lastIndexOf('/');
  const dirPart = word.slice(0, slash + 1);
  const base = word.slice(slash + 1);
  const dir = dirPart === '' ? '.' : dirPart === '/' ? '/' : dirPart.slice(0, -1);
  let names: string[];
  try {
    names = ctx.listDir(dir);
  } catch {
    names = [];
  }
  const choices = names.filter((n) => n.startsWith(base)).map((n) => ({ text: n, end: n.endsWith('/') ? '' : quote || ' ' }));
  return choose(head + dirPart, base, choices);
}

/** One choice: complete it. Several: extend to their common prefix and list them. */
function choose(head: string, word: string, choices: { text: string; end: string }[]): Completion {
  const unique = [...new Map(choices.map((c) => [c.text, c])).values()];
  if (unique.length === 0) return none(head + word);
  const [only] = unique;
  if (unique.length === 1 && only) return { replacement: head + only.text + only.end, candidates: [] };
  const texts = unique.map((c) => c.text).sort();
  return { replacement: head + commonPrefix(texts), candidates: texts };
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0] as string;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
