import { hostSyscall, type HostSyscallResult } from '../hostcalls/helperProcess.ts';
import type { Hop } from '../trace.ts';
import { NABLA_COST } from './costs.ts';
import { hostStepsFor, hvtHypercall, kvmRunStep, solo5Function, type HostStep, type Hypercall } from './hypercalls.ts';
import { DRAWN, type IoPlan, type LibOsIoNote } from './libosIo.ts';
import { tenderProcess, type TenderKind } from './tender.ts';

/**
 * The device I/O of one call as the steps the library-OS machine walks: the
 * Solo5 binding, (hvt) the VM exit, each host syscall the tender makes
 * through its seccomp filter, (hvt) the ioctl(KVM_RUN) that resumes the guest,
 * and summaries of long runs of identical calls.
 */
export type IoStep =
  | { type: 'binding'; call: Hypercall }
  | { type: 'vmExit'; call: Hypercall; hypercall: { name: string; nr: number } }
  | { type: 'handler'; call: Hypercall; hypercall: { name: string; nr: number } }
  | { type: 'host'; step: HostStep }
  | { type: 'resume' }
  | { type: 'repeat'; of: Hypercall; count: number }
  | { type: 'libos'; hop: Hop };

export const isHvt = (kind: TenderKind) => kind === 'solo5-hvt' || kind === 'solo5-hvt-unfiltered';

function stepsOf(kind: TenderKind, call: Hypercall): IoStep[] {
  const hosts = hostStepsFor(kind, call).map((step): IoStep => ({ type: 'host', step }));
  if (!isHvt(kind)) return [{ type: 'binding', call }, ...hosts];
  const hc = hvtHypercall(call);
  if (!hc) return [{ type: 'binding', call }];
  return [{ type: 'binding', call }, { type: 'vmExit', call, hypercall: hc }, { type: 'handler', call, hypercall: hc }, ...hosts, ...(call.type === 'exit' ? [] : [{ type: 'resume' } as IoStep])];
}

/** The whole plan as machine steps, in order. */
export function expandIo(kind: TenderKind, plan: IoPlan): IoStep[] {
  return plan.flatMap((item): IoStep[] => {
    if (item.type === 'repeat') return [item];
    if (item.type === 'libos') return [{ type: 'libos', hop: libosIoHop(item) }];
    return stepsOf(kind, item);
  });
}

/** The libOS's own step before its Solo5 calls: a block request in the VFS, a segment in TCP/IP. */
export function libosIoHop(item: LibOsIoNote): Hop {
  const cost = item.layer === 'libos-vfs' ? NABLA_COST.libosBio : NABLA_COST.libosPacket;
  return { layer: item.layer, state: 'libosIo', verdict: 'forwarded', note: item.note, costNs: cost.ns, source: cost.source };
}

export function bindingHop(kind: TenderKind, call: Hypercall): Hop {
  const fn = solo5Function(call);
  const base = { layer: 'solo5', state: 'binding', verdict: 'forwarded' as const };
  if (!isHvt(kind)) {
    const host = hostStepsFor(kind, call).map((s) => s.name).join(' and ');
    return { ...base, note: `${fn}(): on spt the unikernel runs inside the tender's own process, so the Solo5 binding executes ${host} itself`, costNs: NABLA_COST.sptSyscallEntry.ns, source: NABLA_COST.sptSyscallEntry.source };
  }
  const hc = hvtHypercall(call);
  if (!hc) return { ...base, verdict: 'handled', note: `${fn}(): on hvt the binding reads the TSC (tscclock): no VM exit, no host call`, costNs: NABLA_COST.solo5Call.ns, source: NABLA_COST.solo5Call.source };
  return { ...base, note: `${fn}() → hvt_do_hypercall(${hc.name}): an outl to I/O port 0x${(0x500 + hc.nr).toString(16)} with the address of its argument struct`, costNs: NABLA_COST.solo5Call.ns, source: NABLA_COST.solo5Call.source };
}

export function vmExitHop(kind: TenderKind, hypercall: { name: string; nr: number }): Hop {
  const tender = tenderProcess(kind).label;
  return {
    layer: 'kvm', state: 'vmExit', verdict: 'forwarded', hostEntry: 'handle_io',
    note: `The port write exits the VM; KVM returns from ${tender}'s ioctl(KVM_RUN) with KVM_EXIT_IO on port 0x${(0x500 + hypercall.nr).toString(16)}, and hvt_vcpu_loop() calls the handler for ${hypercall.name}`,
    costNs: NABLA_COST.hvtExitRoundTrip.ns, source: NABLA_COST.hvtExitRoundTrip.source,
  };
}

/** hvt: the tender's user-space handler for the hypercall (hvt_core.c, hvt_module_blk.c, hvt_module_net.c). */
export function handlerHop(kind: TenderKind, call: Hypercall, hypercall: { name: string; nr: number }): Hop {
  const hosts = hostStepsFor(kind, call).map((s) => s.name).join(' and ');
  const check = call.type === 'blockRead' || call.type === 'blockWrite' ? ' checks the request against the device (offset and length within capacity) and' : '';
  // Its time is inside the exit round trip measured for hvtExitRoundTrip.
  return { layer: 'tender', state: 'tenderHandler', verdict: 'forwarded', note: `${tenderProcess(kind).label}'s handler for ${hypercall.name}${check} makes ${hosts}`, costNs: NABLA_COST.kvmRunCounted.ns, source: NABLA_COST.kvmRunCounted.source };
}

export function tenderCall(kind: TenderKind, step: HostStep): HostSyscallResult {
  return hostSyscall(tenderProcess(kind), step.name, { purpose: step.purpose, args: step.args, costNs: step.cost.ns, source: step.cost.source });
}

export function resumeCall(kind: TenderKind): HostSyscallResult {
  return tenderCall(kind, kvmRunStep(kind));
}

/** The hops one instance of a Solo5 call costs (for summaries). */
function oneInstance(kind: TenderKind, call: Hypercall): Hop[] {
  return stepsOf(kind, call).flatMap((s): Hop[] => {
    switch (s.type) {
      case 'binding': return [bindingHop(kind, call)];
      case 'vmExit': return [vmExitHop(kind, s.hypercall)];
      case 'handler': return [handlerHop(kind, s.call, s.hypercall)];
      case 'host': return tenderCall(kind, s.step).hops;
      case 'resume': return resumeCall(kind).hops;
      case 'repeat':
      case 'libos': return [];
    }
  });
}

/**
 * `count` more calls like `of`, drawn as one hop: the same path, the same
 * filter rule, the cost of one drawn instance times `count`. The summary is
 * the lab's (so a long write does not draw thousands of hops).
 */
export function repeatHop(kind: TenderKind, of: Hypercall, count: number): Hop {
  const one = oneInstance(kind, of);
  const hosts = one.flatMap((h) => (h.hostCall ? [h.hostCall.name] : []));
  const each = one.reduce((sum, h) => sum + h.costNs, 0);
  const proc = tenderProcess(kind);
  const gate = proc.allowed ? 'passing the same filter rule' : 'with no filter to pass';
  const via = hosts.length ? `each one ${hosts.join(' + ')} by ${proc.label}, ${gate}` : 'none leaving the unikernel';
  // Cost: the drawn instance's hops (each cited or estimated above), times the number of calls: an estimate as a whole.
  return { layer: 'solo5', state: 'repeat', verdict: 'forwarded', note: `…and ${count} more ${solo5Function(of)}() calls like the last, ${via} (the lab draws the first ${DRAWN} one by one)`, costNs: Math.round(each * count * 100) / 100, source: 'estimate' };
}
