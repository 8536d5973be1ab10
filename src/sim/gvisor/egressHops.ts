import { hostSyscall, type HelperProcess } from '../hostcalls/helperProcess.ts';
import type { RuntimeOptions } from '../runtime/types.ts';
import type { SyscallCall } from '../syscalls/args.ts';
import type { CallTrace, Hop } from '../trace.ts';
import { GVISOR_COST } from './costs.ts';
import type { Egress } from './egress.ts';
import { goferProcess } from './goferFilter.ts';
import { hostNetworkCall, packetOut } from './network.ts';
import { sentryProcess } from './sentryFilter.ts';

/** The hops of a call's trip out of the sandbox, and whether a filter killed a sandbox process on the way. */
export interface EgressRun {
  hops: Hop[];
  /** Set when a host syscall was outside its process's filter: the sandbox is gone. */
  killed: string | null;
}

type FileEgress = Extract<Egress, { type: 'file' }>;

/** Whether the Sentry got far enough to need the host: it walked the path, or ran the handler successfully. */
export function reachedHost(inner: CallTrace, egress: Egress): boolean {
  if (egress.type === 'none') return false;
  const states = new Set(inner.hops.map((h) => h.state));
  if (egress.type === 'file' && egress.kind !== 'data') return states.has('handler.vfs') || states.has('handler.execute');
  if (egress.type === 'file' && inner.retval === 0 && egress.hostCalls.includes('pread64')) return false; // EOF: the cached size says so
  return states.has('handler.execute') && (inner.errno === null || egress.type === 'network');
}

export function egressHops(egress: Egress, call: SyscallCall, options: RuntimeOptions): EgressRun {
  const run = egressRun(egress, call, options);
  return options.platform === 'kvm' ? withVmExits(run) : run;
}

function egressRun(egress: Egress, call: SyscallCall, options: RuntimeOptions): EgressRun {
  const sentry = sentryProcess(options);
  switch (egress.type) {
    case 'none': return { hops: [], killed: null };
    case 'terminal': {
      const c = GVISOR_COST.hostSmallCall;
      const lead = sentryHop('sentry', 'hostFd', `The terminal is a host pty fd runsc imported into the sandbox: the Sentry ${egress.hostCall}s it on the host`);
      return calls([lead], sentry, [egress.hostCall], 'on the container\'s host pty', c.ns, c.source);
    }
    case 'file': return fileHops(egress, options, sentry);
    case 'network': return options.network === 'host' ? hostNetworkCall(call, sentry) : packetOut(call, sentry);
  }
}

function fileHops(egress: FileEgress, options: RuntimeOptions, sentry: HelperProcess): EgressRun {
  const where = `${egress.path} lives on the host (${egress.home.fsType} at ${egress.home.mountpoint})`;
  const work = egress.kind === 'data' ? GVISOR_COST.hostRead : GVISOR_COST.directfsHostCall;
  const bySentry = options.directfs !== 'off' || egress.hostCalls.every((c) => sentry.allowed?.has(c));
  if (bySentry) {
    const how = egress.kind === 'data' ? 'the Sentry moves the data on the host fd it holds for the open file'
      : 'directfs: the Sentry makes the fd-relative host calls itself, from the mount fds the Gofer donated at start';
    return calls([sentryHop('sentry-vfs', 'directfs', `${where}; ${how}`)], sentry, egress.hostCalls, `for ${egress.path}`, work.ns, work.source);
  }
  const rpc = GVISOR_COST.lisafsRoundTrip;
  const ask = sentryHop('gofer', 'lisafs', `${where}; directfs is off, so the Sentry sends a LISAFS request to the Gofer over a flipcall channel and waits (the round trip is the gap between the Gofer and directfs figures)`, rpc.ns, rpc.source);
  const wake = hostSyscall(sentry, 'futex', { purpose: 'FUTEX_WAKE on the flipcall channel\'s shared word, handing the request to the Gofer', costNs: 0, source: 'estimate' });
  // For an open, the Gofer donates a dup of the host fd, so later reads skip the Gofer.
  const goferCalls = egress.kind === 'open' ? [...egress.hostCalls, 'dup'] : egress.hostCalls;
  const served = calls([ask, ...wake.hops], goferProcess(), goferCalls, `for ${egress.path}, on the Sentry's behalf`, work.ns, work.source);
  if (served.killed || egress.kind !== 'open') return served;
  const fd = hostSyscall(sentry, 'recvmsg', { purpose: 'receives the donated host fd (SCM_RIGHTS) on the channel\'s fd socket', costNs: 0, source: 'estimate' });
  return { hops: [...served.hops, ...fd.hops], killed: fd.allowed ? null : fd.reason };
}

/** Host calls in order by one process; the measured work is carried by the first. Stops at the first the filter refuses. */
function calls(lead: Hop[], proc: HelperProcess, names: readonly string[], purpose: string, costNs: number, source: string): EgressRun {
  const hops = [...lead];
  for (const [i, name] of names.entries()) {
    const r = hostSyscall(proc, name, { purpose: `${PURPOSE[name] ?? name} ${purpose}`, costNs: i === 0 ? costNs : 0, source: i === 0 ? source : 'estimate' });
    hops.push(...r.hops);
    if (!r.allowed) return { hops, killed: r.reason };
  }
  return { hops, killed: null };
}

/**
 * Under KVM the Sentry handles the app's syscall in guest ring 0; each host
 * syscall it makes on the way is a VM exit (HLT) and a re-execution on the
 * host thread, drawn before the call's host seccomp gate. Calls made later by
 * other goroutines (netstack's sendmmsg) are not on this path.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/platform/kvm/bluepill_amd64.go
 */
function withVmExits(run: EgressRun): EgressRun {
  const c = GVISOR_COST.bluepill;
  const hops: Hop[] = [];
  for (const [i, h] of run.hops.entries()) {
    const next = run.hops[i + 1];
    const sync = h.state === 'hostSeccomp' && next?.hostCall && !next.note.includes('asynchronous');
    if (sync || (h.state === 'hostSeccomp' && h.verdict === 'deny')) {
      hops.push({ layer: 'platform', state: 'platform.bluepill', verdict: 'forwarded', note: `The Sentry is in guest ring 0: to make ${next?.hostCall?.name ?? h.hostCall?.name ?? 'a host syscall'} it executes HLT, which exits the VM, and the syscall runs again on the host thread`, costNs: c.ns, source: c.source });
    }
    hops.push(h);
  }
  return { ...run, hops };
}

/** What each host call does for the sandbox, in a few words. */
const PURPOSE: Readonly<Record<string, string>> = {
  openat: 'opens the next component fd-relative (O_NOFOLLOW)', statx: 'reads its attributes (AT_EMPTY_PATH)', dup: 'duplicates the fd to donate it',
  pread64: 'reads the file at the offset', preadv2: 'reads the file into several buffers', pwrite64: 'writes the file at the offset', pwritev2: 'writes from several buffers',
  getdents64: 'lists the directory', read: 'reads', write: 'writes',
};

function sentryHop(layer: string, state: string, note: string, costNs = 0, source = 'estimate'): Hop {
  return { layer, state: `sentry.${state}`, verdict: 'forwarded', note, costNs, source };
}
