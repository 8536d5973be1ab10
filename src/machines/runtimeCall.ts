import type { RuntimeId, Session } from '../sim/runtime/types.ts';
import type { SyscallCall } from '../sim/syscalls/args.ts';
import { runCall, type CallRun } from './runCall.ts';
import { runGvisorCall } from './gvisorRunner.ts';
import { runKataCall } from './kataRunner.ts';
import { runNablaCall } from './nablaRunner.ts';
import { runFirecrackerCall } from './firecrackerRunner.ts';
import { runLightvmCall } from './lightvmRunner.ts';

/** Runs one call of a session's workload through its runtime's machines. */
export type CallRunner = (session: Session, call: SyscallCall) => CallRun;

/** host and runc: the call goes straight into the host kernel's dispatch machine. */
const hostKernel: CallRunner = (session, call) => runCall(session.world, session.pid, call);

/**
 * Each runtime's machines, by id. A new runtime adds its runner here and its
 * model to src/sim/runtime/registry.ts; nothing else in the CLI or UI changes.
 */
const RUNNERS: Record<RuntimeId, CallRunner> = {
  host: hostKernel,
  runc: hostKernel,
  gvisor: runGvisorCall,
  kata: runKataCall,
  nabla: runNablaCall,
  // solo5-hvt: the same library-OS boundary as Nabla, with a hypervisor tender instead of a seccomp-confined process.
  'unikernel-hvt': runNablaCall,
  firecracker: runFirecrackerCall,
  lightvm: runLightvmCall,
};

export function runSessionCall(session: Session, call: SyscallCall): CallRun {
  return RUNNERS[session.runtime](session, call);
}
