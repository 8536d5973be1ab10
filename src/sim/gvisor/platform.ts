import { hostSyscall, type HelperProcess } from '../hostcalls/helperProcess.ts';
import type { Hop } from '../trace.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import { GVISOR_COST, type PlatformId } from './costs.ts';

/**
 * How each gVisor platform catches the app's syscall and gives the answer
 * back: the hops the platform machine records. Each platform's measured
 * getpid() round trip is carried by its first hop; the others cost nothing
 * extra.
 * @see https://gvisor.dev/docs/architecture_guide/platforms/
 * @see https://gvisor.dev/blog/2023/04/28/systrap-release/
 */

const hop = (state: string, note: string, costNs = 0, source = 'estimate', hostEntry?: string): Hop =>
  ({ layer: 'platform', verdict: 'forwarded', state: `platform.${state}`, note, costNs, source, ...(hostEntry ? { hostEntry } : {}) });

/** systrap, first call at a site: the host's seccomp filter on the app thread traps it. */
export function systrapTrapHops(call: SyscallCall): Hop[] {
  const c = GVISOR_COST.systrapSigsys;
  return [
    hop('seccompTrap', `The syscall instruction enters the host kernel, which does not run ${call.name}: systrap's seccomp filter on the app's threads returns SECCOMP_RET_TRAP for any syscall made outside its stub (on Linux 5.11+, Syscall User Dispatch raises the same SIGSYS first)`, c.ns, c.source, 'entry_SYSCALL_64'),
    hop('sigsys', "The host kernel delivers SIGSYS; the systrap stub's handler, in the app's address space, copies the registers into the context it shares with the Sentry and wakes it with FUTEX_WAKE — or not at all, when the Sentry is spinning on that context (the fast path)"),
  ];
}

/** systrap after the first call: the syscall site was rewritten into a jump to the stub. */
export function systrapPatchedHops(call: SyscallCall): Hop[] {
  const c = GVISOR_COST.systrapPatched;
  return [hop('patchedJump', `On this site's first trap, systrap rewrote its 7 bytes (mov $${call.name}'s number, %eax; syscall) into a jump into the stub (x86-64 only): the stub hands the registers to the Sentry with no host kernel entry and no signal`, c.ns, c.source)];
}

/**
 * ptrace: the Sentry's tracer thread drives the app thread with
 * PTRACE_SYSEMU; each app syscall costs it a wait4 and register copies
 * (GETREGSET/SETREGSET, not GETREGS), all inside the measured round trip.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/platform/ptrace/subprocess.go
 */
export function ptraceTrapHops(call: SyscallCall, sentry: HelperProcess): Hop[] {
  const c = GVISOR_COST.ptrace;
  return [
    hop('sysemuStop', `The app thread runs under PTRACE_SYSEMU: its syscall instruction enters the host kernel, which stops the thread before running ${call.name} and wakes its tracer, the Sentry`, c.ns, c.source, 'entry_SYSCALL_64'),
    ...tracerCalls(sentry, [['wait4', 'returns the syscall-stop to the tracer'], ['ptrace', 'PTRACE_GETREGSET copies out the app\'s registers']]),
  ];
}

/** The tracer's host calls: inside the measured round trip, so they add no cost of their own. */
export function tracerCalls(sentry: HelperProcess, calls: readonly (readonly [string, string])[]): Hop[] {
  return calls.flatMap(([name, purpose]) => hostSyscall(sentry, name, { purpose, costNs: 0, source: 'estimate', seccompLayer: 'host-seccomp' }).hops.map((h) => ({ ...h, costNs: 0, source: GVISOR_COST.ptrace.source })));
}

export function kvmTrapHops(call: SyscallCall): Hop[] {
  const c = GVISOR_COST.kvm;
  return [hop('guestTrap', `The app runs in ring 3 of a KVM guest whose kernel is the Sentry: ${call.name}'s syscall instruction traps to the Sentry in guest ring 0: the trap itself needs no VM exit and no host kernel`, c.ns, c.source)];
}

/** The way back to the app, per platform. */
export function resumeHops(platform: PlatformId, retText: string, sentry: HelperProcess): Hop[] {
  switch (platform) {
    case 'systrap': return [hop('resume', `The Sentry writes ${retText} into the shared context; the stub restores the registers and the app continues after the syscall`)];
    case 'ptrace': return [...tracerCalls(sentry, [['ptrace', `PTRACE_SETREGSET puts ${retText} in rax`], ['ptrace', 'PTRACE_SYSEMU resumes the app thread until its next syscall']]), hop('resume', `The app thread continues with ${retText}`)];
    case 'kvm': return [hop('resume', `The Sentry returns ${retText} to guest ring 3 with sysret — still no VM exit`)];
  }
}
