import type { ErrnoName } from '../../errno.ts';
import type { SyscallCall } from '../../syscalls/args.ts';
import type { World } from '../world.ts';

/**
 * How the lab's Linux kernel handles one syscall: up to four checks in the
 * order the kernel makes them, then the work. Each check and the work is a
 * state of the kernel's dispatch machine, so the hops a trace shows are the
 * phases the call really went through.
 */
export type CheckPhase = 'namespaces' | 'capabilities' | 'cgroups' | 'vfs';

export const CHECK_PHASES: readonly CheckPhase[] = ['namespaces', 'capabilities', 'cgroups', 'vfs'];

export interface CallContext {
  world: World;
  /** The calling process's pid in the initial pid namespace. */
  pid: number;
  call: SyscallCall;
}

/**
 * What a check says, with the sentence a lecturer would read aloud and its
 * modelled cost. A check may change the world (a memory charge, a refused
 * fork counted in pids.events), and a refusal may end the caller (the OOM
 * killer picked it).
 */
export type CheckResult =
  | { ok: true; note: string; costNs?: number; source?: string; world?: World }
  | { ok: false; errno: ErrnoName; note: string; reason: string; costNs?: number; source?: string; world?: World; terminated?: string };

export interface ExecResult {
  world: World;
  retval: number;
  errno: ErrnoName | null;
  note: string;
  /** Why, when it failed, in the words of the trailing `← …` reason. */
  reason?: string;
  /** Text strace prints after the return value (`(flags O_RDONLY)`), if any. */
  annotation?: string;
  /** Arguments strace would print differently after the call (read buffers, stat structs). */
  outArgs?: Record<number, string>;
  /** The bytes a read-like call returned, whole (the shell's commands use them). */
  data?: string;
  costNs: number;
  source: string;
  /** Set when the call ends the calling process (exit_group, an OOM kill of the caller). */
  terminated?: string;
  /** Set for a call that the lab models only in outline: said in the hop's note. */
  simplified?: boolean;
}

export interface SyscallHandler {
  checks?: Partial<Record<CheckPhase, (c: CallContext) => CheckResult | null>>;
  execute: (c: CallContext) => ExecResult;
}
