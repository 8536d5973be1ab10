import {
  RETURN_KINDS,
  SYSCALL_CATEGORIES,
  type ReturnKind,
  type SyscallArg,
  type SyscallCategory,
} from '../syscallInfo.ts';

/** One row of a signature table (see fileSyscalls.ts for the format). */
export interface SyscallTableRow {
  name: string;
  category: SyscallCategory;
  args: SyscallArg[] | null;
  returns: ReturnKind | null;
}

const ROW = /^(\w+)(?:\((.*)\)\s+([\w-]+))?$/;
/** `const struct timeval times[2]` → type `const struct timeval [2]`, name `times`. */
const ARG = /^(.*?)(\w+)\s*(\[\w*\])?$/;

function isCategory(text: string): text is SyscallCategory {
  return (SYSCALL_CATEGORIES as readonly string[]).includes(text);
}

function isReturnKind(text: string): text is ReturnKind {
  return (RETURN_KINDS as readonly string[]).includes(text);
}

/** `const char *pathname` → { name: 'pathname', type: 'const char *' }. */
export function parseArg(text: string): SyscallArg {
  const m = ARG.exec(text.trim());
  if (!m || !m[1]?.trim()) throw new Error(`syscall table: cannot read argument "${text}"`);
  const base = m[1].trim();
  return { name: m[2] ?? '', type: m[3] ? `${base} ${m[3]}` : base };
}

function parseArgs(list: string): SyscallArg[] {
  return list.trim() === '' ? [] : list.split(',').map(parseArg);
}

/**
 * Reads a table string into rows. A malformed table is a programmer error
 * (the tables are constants in this folder), so it throws.
 */
export function parseSyscallTable(table: string): SyscallTableRow[] {
  const rows: SyscallTableRow[] = [];
  let category: SyscallCategory | null = null;
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('@')) {
      const name = line.slice(1);
      if (!isCategory(name)) throw new Error(`syscall table: unknown category ${name}`);
      category = name;
      continue;
    }
    const m = ROW.exec(line);
    if (!m || !category) throw new Error(`syscall table: cannot read "${line}"`);
    const [, name = '', args, returns] = m;
    if (returns !== undefined && !isReturnKind(returns)) throw new Error(`syscall table: unknown return kind in "${line}"`);
    rows.push({ name, category, args: args === undefined ? null : parseArgs(args), returns: returns ?? null });
  }
  return rows;
}
