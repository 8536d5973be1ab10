import type { Capability } from '../capabilities.ts';
import { capableInit, inUserNs, nsCapable, ownerOf } from '../nsCapable.ts';
import type { CallContext, ExecResult, SyscallHandler } from './types.ts';
import { caller, deny, done, failed, num, pass } from './util.ts';

/**
 * Syscalls whose first gate is a capability check, checked where the kernel
 * checks it: `init` is capable() (the initial user namespace: a container
 * without its own user namespace shares it with the host), `pidns` the user
 * namespace owning the caller's pid namespace, `netns` the one owning its
 * network namespace, `current` the caller's own.
 * What a granted call then does to the machine (load a module, reboot, set
 * the clock) the lab states but does not carry out.
 */
type Scope = 'init' | 'pidns' | 'netns' | 'current';

/** `alt`: another capability the kernel also accepts (CAP_SYS_ADMIN before the split-out capabilities). */
interface Gate { cap: Capability; alt?: Capability; scope: Scope; effect: string; see: string }

const GATES: Record<string, Gate> = {
  init_module: { cap: 'CAP_SYS_MODULE', scope: 'init', effect: 'would load the module into the host kernel, which every container shares', see: 'init_module(2), kernel/module/main.c may_init_module()' },
  finit_module: { cap: 'CAP_SYS_MODULE', scope: 'init', effect: 'would load the module into the host kernel, which every container shares', see: 'init_module(2)' },
  delete_module: { cap: 'CAP_SYS_MODULE', scope: 'init', effect: 'would unload a module from the host kernel', see: 'delete_module(2)' },
  reboot: { cap: 'CAP_SYS_BOOT', scope: 'pidns', effect: 'would restart the machine (inside a child pid namespace it ends that namespace\'s init instead)', see: 'reboot(2), kernel/reboot.c' },
  kexec_load: { cap: 'CAP_SYS_BOOT', scope: 'init', effect: 'would load a new kernel to boot into', see: 'kexec_load(2)' },
  kexec_file_load: { cap: 'CAP_SYS_BOOT', scope: 'init', effect: 'would load a new kernel to boot into', see: 'kexec_load(2)' },
  settimeofday: { cap: 'CAP_SYS_TIME', scope: 'init', effect: 'would set the host\'s wall clock: time is not namespaced for CLOCK_REALTIME', see: 'settimeofday(2), time_namespaces(7)' },
  clock_settime: { cap: 'CAP_SYS_TIME', scope: 'init', effect: 'would set the host\'s clock: a time namespace offsets only CLOCK_MONOTONIC and CLOCK_BOOTTIME', see: 'clock_settime(2), time_namespaces(7)' },
  adjtimex: { cap: 'CAP_SYS_TIME', scope: 'init', effect: 'would adjust the host\'s clock', see: 'adjtimex(2)' },
  iopl: { cap: 'CAP_SYS_RAWIO', scope: 'init', effect: 'would let the process drive I/O ports directly', see: 'iopl(2)' },
  ioperm: { cap: 'CAP_SYS_RAWIO', scope: 'init', effect: 'would open I/O ports to the process', see: 'ioperm(2)' },
  swapon: { cap: 'CAP_SYS_ADMIN', scope: 'init', effect: 'would add swap space to the host', see: 'swapon(2)' },
  swapoff: { cap: 'CAP_SYS_ADMIN', scope: 'init', effect: 'would remove swap space from the host', see: 'swapon(2)' },
  acct: { cap: 'CAP_SYS_PACCT', scope: 'init', effect: 'would switch process accounting', see: 'acct(2)' },
  quotactl: { cap: 'CAP_SYS_ADMIN', scope: 'init', effect: 'would change disk quotas', see: 'quotactl(2)' },
  syslog: { cap: 'CAP_SYSLOG', alt: 'CAP_SYS_ADMIN', scope: 'init', effect: 'would read or clear the kernel log of the host', see: 'syslog(2)' },
  vhangup: { cap: 'CAP_SYS_TTY_CONFIG', scope: 'init', effect: 'would hang up the terminal', see: 'vhangup(2)' },
  bpf: { cap: 'CAP_BPF', alt: 'CAP_SYS_ADMIN', scope: 'init', effect: 'would load an eBPF program into the host kernel', see: 'bpf(2)' },
  perf_event_open: { cap: 'CAP_PERFMON', alt: 'CAP_SYS_ADMIN', scope: 'init', effect: 'would open a system-wide performance counter', see: 'perf_event_open(2)' },
  lookup_dcookie: { cap: 'CAP_SYS_ADMIN', scope: 'init', effect: 'would look up a directory entry cookie', see: 'lookup_dcookie(2)' },
};

function targetNs(c: CallContext, scope: Scope): number {
  const p = caller(c);
  if (scope === 'pidns') return ownerOf(c.world, p.ns.pid);
  if (scope === 'netns') return ownerOf(c.world, p.ns.net);
  if (scope === 'current') return p.ns.user;
  return c.world.initNs.user;
}

function gated(name: string, g: Gate): SyscallHandler {
  return {
    checks: {
      capabilities: (c) => {
        const ns = targetNs(c, g.scope);
        const holds = (cap: Capability) => (g.scope === 'init' ? capableInit(c.world, caller(c), cap) : nsCapable(c.world, caller(c), ns, cap));
        const has = holds(g.cap) || (g.alt !== undefined && holds(g.alt));
        const where = inUserNs(c.world, ns);
        return has
          ? pass(`The caller holds ${g.cap} in ${where} (@see ${g.see})`)
          : deny('EPERM', `${name} needs ${g.cap} in ${where}; the caller lacks it`, `capabilities: ${name} needs ${g.cap}`);
      },
    },
    execute: (c) => ARG_CHECKS[name]?.(c) ?? done(c, 0, `Granted: the call ${g.effect}`, { simplified: true }),
  };
}

/** sizeof(Elf64_Ehdr): the smallest image init_module will look at. */
const ELF64_EHDR_SIZE = 64;

/**
 * The argument checks the kernel makes once the capability check has passed,
 * before any work: what a granted call with bad arguments returns.
 * @see kernel/module/main.c: copy_module_from_user() (-ENOEXEC when len < sizeof(Elf_Ehdr)), idempotent_init_module() (-EBADF without a readable file), fs/kernel_read_file.c kernel_read_file() (-EINVAL for a file that is not regular)
 */
const ARG_CHECKS: Record<string, (c: CallContext) => ExecResult | null> = {
  init_module: (c) => {
    const len = num(c, 1) ?? 0;
    return len < ELF64_EHDR_SIZE
      ? failed(c, 'ENOEXEC', `copy_module_from_user(): ${len} bytes are fewer than an ELF header (${ELF64_EHDR_SIZE})`, 'kernel: the module image is shorter than an ELF header')
      : null;
  },
  finit_module: (c) => {
    const fd = num(c, 0);
    const file = fd === undefined ? undefined : caller(c).fds[fd];
    if (!file || (file.flags & 3) === 1) return failed(c, 'EBADF', `fd ${fd ?? '?'} is not open for reading, so there is no module file to load`, `kernel: fd ${fd ?? '?'} is not open for reading`);
    // kernel_read_file() (fs/kernel_read_file.c) reads only regular files.
    return file.kind === 'file' ? null : failed(c, 'EINVAL', `fd ${fd} is not a regular file, and kernel_read_file() reads only those`, `kernel: fd ${fd} is not a regular file`);
  },
};

export const privilegedHandlers: Record<string, SyscallHandler> = Object.fromEntries(
  Object.entries(GATES).map(([name, g]) => [name, gated(name, g)]),
);
