import type { SyscallInfo } from './syscallInfo.ts';
import { syscallSlots } from './syscallSlots.ts';
import { parseSyscallTable, type SyscallTableRow } from './table/parseSyscallTable.ts';
import { FILE_SYSCALLS } from './table/fileSyscalls.ts';
import { PROCESS_SYSCALLS } from './table/processSyscalls.ts';
import { SYSTEM_SYSCALLS } from './table/systemSyscalls.ts';

/**
 * The x86_64 syscall catalogue: every slot of the 64-bit table joined with
 * the lab's category and signature tables.
 * @see arch/x86/entry/syscalls/syscall_64.tbl
 */

function tableRows(): Map<string, SyscallTableRow> {
  const rows = new Map<string, SyscallTableRow>();
  for (const row of [FILE_SYSCALLS, PROCESS_SYSCALLS, SYSTEM_SYSCALLS].flatMap(parseSyscallTable)) {
    if (rows.has(row.name)) throw new Error(`syscall tables list ${row.name} twice`);
    rows.set(row.name, row);
  }
  return rows;
}

function build(): SyscallInfo[] {
  const rows = tableRows();
  const list = syscallSlots().map((slot): SyscallInfo => {
    const row = rows.get(slot.name);
    if (!row) throw new Error(`syscall tables do not categorise ${slot.name}`);
    rows.delete(slot.name);
    const implemented = slot.entryPoint !== null && slot.entryPoint !== 'sys_ni_syscall';
    return { ...slot, implemented, category: row.category, args: row.args, returns: row.returns };
  });
  const stray = [...rows.keys()];
  if (stray.length > 0) throw new Error(`syscall tables name unknown syscalls: ${stray.join(', ')}`);
  return list;
}

/** All 385 syscalls of the x86_64 64-bit ABI, in number order. */
export const SYSCALLS: readonly SyscallInfo[] = Object.freeze(build());

const BY_NAME = new Map(SYSCALLS.map((s) => [s.name, s]));
const BY_NUMBER = new Map(SYSCALLS.map((s) => [s.number, s]));

export function allSyscalls(): readonly SyscallInfo[] {
  return SYSCALLS;
}

/** Exact, case-sensitive, as strace and syscall_64.tbl spell it (`newfstatat`, `_sysctl`). */
export function syscallByName(name: string): SyscallInfo | undefined {
  return BY_NAME.get(name);
}

export function syscallByNumber(number: number): SyscallInfo | undefined {
  return BY_NUMBER.get(number);
}

export function isSyscallName(name: string): boolean {
  return BY_NAME.has(name);
}

function formatArg(arg: { name: string; type: string }): string {
  const m = /^(.*?)\s*(\[\w*\])$/.exec(arg.type);
  const base = m?.[1] ?? arg.type;
  const suffix = m?.[2] ?? '';
  return base.endsWith('*') ? `${base}${arg.name}${suffix}` : `${base} ${arg.name}${suffix}`;
}

/** `openat(int dirfd, const char *pathname, int flags, mode_t mode)`, or `name(…)` when the lab has no signature. */
export function formatSignature(info: SyscallInfo): string {
  return info.args ? `${info.name}(${info.args.map(formatArg).join(', ')})` : `${info.name}(…)`;
}
