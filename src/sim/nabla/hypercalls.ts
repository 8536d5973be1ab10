import { BLOCK_SIZE, TENDER_FDS, type TenderKind } from './tender.ts';
import { NABLA_COST, type Cost } from './costs.ts';

/**
 * The Solo5 interface a unikernel has to the world (include/solo5.h), and the
 * host syscalls each call turns into under each tender.
 *
 * On spt the bindings are linked into the unikernel, which runs as the tender
 * process itself, so a binding makes the host syscall directly
 * (bindings/spt/*.c: sys_write(SYS_STDOUT…), sys_pread64(hostfd…)). On hvt the
 * binding writes the hypercall number to an I/O port (hvt_do_hypercall:
 * `outl` to 0x500 + nr), the VM exits, and the tender's handler makes the host
 * syscall (tenders/hvt/hvt_core.c, hvt_module_blk.c, hvt_module_net.c) before
 * it resumes the vCPU with ioctl(KVM_RUN).
 * @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/bindings/spt/bindings.c
 * @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/bindings/spt/net.c (solo5_yield: timerfd_settime + epoll_pwait)
 * @see https://github.com/Solo5/solo5/blob/120848b058c27a359a6cad2cb37ba6adde403d77/bindings/spt/net.c (2019: solo5_yield is ppoll)
 * @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/include/hvt_abi.h (HVT_HYPERCALL_*)
 * @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/bindings/hvt/time.c (monotonic time from the TSC: no exit)
 */
export type Hypercall =
  /** rumprun's console prints one character at a time: solo5_console_write(&c, 1). */
  | { type: 'console'; byte: string }
  | { type: 'blockRead'; offset: number }
  | { type: 'blockWrite'; offset: number }
  | { type: 'netWrite'; bytes: number; what: string }
  | { type: 'netRead'; bytes: number; what: string }
  /** solo5_yield(deadline): block until the deadline or until a device has input. */
  | { type: 'yield'; deadlineNs: number }
  | { type: 'clockMonotonic' }
  | { type: 'clockWall' }
  | { type: 'exit'; status: number };

/** The Solo5 API function a hypercall is, as the unikernel calls it. */
export function solo5Function(h: Hypercall): string {
  switch (h.type) {
    case 'console': return 'solo5_console_write';
    case 'blockRead': return 'solo5_block_read';
    case 'blockWrite': return 'solo5_block_write';
    case 'netWrite': return 'solo5_net_write';
    case 'netRead': return 'solo5_net_read';
    case 'yield': return 'solo5_yield';
    case 'clockMonotonic': return 'solo5_clock_monotonic';
    case 'clockWall': return 'solo5_clock_wall';
    case 'exit': return 'solo5_exit';
  }
}

/** hvt: the hypercall number (enum hvt_hypercall), which picks the I/O port 0x500 + nr; null when hvt needs no exit. */
export function hvtHypercall(h: Hypercall): { name: string; nr: number } | null {
  switch (h.type) {
    case 'clockWall': return { name: 'HVT_HYPERCALL_WALLTIME', nr: 1 };
    case 'console': return { name: 'HVT_HYPERCALL_PUTS', nr: 2 };
    case 'yield': return { name: 'HVT_HYPERCALL_POLL', nr: 3 };
    case 'blockWrite': return { name: 'HVT_HYPERCALL_BLOCK_WRITE', nr: 4 };
    case 'blockRead': return { name: 'HVT_HYPERCALL_BLOCK_READ', nr: 5 };
    case 'netWrite': return { name: 'HVT_HYPERCALL_NET_WRITE', nr: 6 };
    case 'netRead': return { name: 'HVT_HYPERCALL_NET_READ', nr: 7 };
    case 'exit': return { name: 'HVT_HYPERCALL_HALT', nr: 8 };
    case 'clockMonotonic': return null;
  }
}

/** One host syscall a hypercall makes: its name, the argument words the filter sees, why, and its cost. */
export interface HostStep {
  name: string;
  args: number[];
  purpose: string;
  cost: Cost;
}

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const TFD_TIMER_ABSTIME = 1;
/** Placeholder for a pointer argument: filters here never compare one, except ppoll's sigmask (NULL = 0). */
const PTR = 0x7f0000001000;

/** The host syscalls one Solo5 call makes under a tender (empty: served without leaving the unikernel). */
export function hostStepsFor(kind: TenderKind, h: Hypercall): HostStep[] {
  const fds = TENDER_FDS[kind];
  const hvt = kind === 'solo5-hvt' || kind === 'solo5-hvt-unfiltered';
  switch (h.type) {
    case 'console':
      return [{ name: 'write', args: [1, PTR, 1], purpose: `writes ${JSON.stringify(h.byte)} to its stdout (fd 1), one byte`, cost: NABLA_COST.hostConsoleWrite }];
    case 'blockRead':
    case 'blockWrite': {
      const name = h.type === 'blockRead' ? 'pread64' : 'pwrite64';
      return [{ name, args: [fds.block, PTR, BLOCK_SIZE, h.offset], purpose: `${h.type === 'blockRead' ? 'reads' : 'writes'} sector ${h.offset / BLOCK_SIZE} (${BLOCK_SIZE} bytes at offset ${h.offset}) of the image on fd ${fds.block}`, cost: NABLA_COST.hostSector }];
    }
    case 'netWrite':
      return [{ name: 'write', args: [fds.tap, PTR, h.bytes], purpose: `sends a ${h.bytes}-byte Ethernet frame (${h.what}) into the tap device on fd ${fds.tap}`, cost: NABLA_COST.hostTapFrame }];
    case 'netRead':
      return [{ name: 'read', args: [fds.tap, PTR, h.bytes], purpose: `takes a frame (${h.what}) off the tap device on fd ${fds.tap}`, cost: NABLA_COST.hostTapFrame }];
    case 'yield':
      if (kind === 'nabla-run') return [{ name: 'ppoll', args: [PTR, 1, PTR, 0], purpose: 'waits on the tap fd until the deadline (timeout, sigmask NULL)', cost: NABLA_COST.hostPoll }];
      return [
        { name: 'timerfd_settime', args: [fds.timer ?? -1, TFD_TIMER_ABSTIME, PTR, 0], purpose: `arms its timerfd (fd ${fds.timer}) with the deadline ${h.deadlineNs} ns`, cost: NABLA_COST.hostPoll },
        { name: 'epoll_pwait', args: [fds.epoll ?? -1, PTR, 2, -1, 0], purpose: `waits on its epoll set (fd ${fds.epoll}: the timerfd and the tap fd)`, cost: NABLA_COST.hostPoll },
      ];
    case 'clockMonotonic':
      return hvt ? [] : [{ name: 'clock_gettime', args: [CLOCK_MONOTONIC, PTR], purpose: 'reads CLOCK_MONOTONIC for solo5_clock_monotonic()', cost: NABLA_COST.hostClock }];
    case 'clockWall':
      return [{ name: 'clock_gettime', args: [CLOCK_REALTIME, PTR], purpose: 'reads CLOCK_REALTIME for the wall clock', cost: NABLA_COST.hostClock }];
    case 'exit':
      return [{ name: 'exit_group', args: [h.status], purpose: `ends the tender, and with it the unikernel, with status ${h.status}`, cost: NABLA_COST.hostExit }];
  }
}

/** hvt: after handling an exit, the tender resumes the guest: ioctl(vcpufd, KVM_RUN, NULL). */
export function kvmRunStep(kind: TenderKind): HostStep {
  const KVM_RUN = 0xae80;
  const fd = TENDER_FDS[kind].vcpu ?? -1;
  return { name: 'ioctl', args: [fd, KVM_RUN, 0], purpose: `resumes the vCPU: ioctl(${fd}, KVM_RUN) runs the guest until its next exit`, cost: NABLA_COST.kvmRunCounted };
}
