/**
 * Linux capabilities and their numbers.
 * @see capabilities(7), include/uapi/linux/capability.h
 */
export const CAPABILITIES = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID',
  'CAP_KILL', 'CAP_SETGID', 'CAP_SETUID', 'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_IPC_LOCK',
  'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT', 'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT', 'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD', 'CAP_LEASE', 'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL', 'CAP_SETFCAP', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG',
  'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/** A capability set; kept as a sorted array of names for readable snapshots. */
export type CapSet = readonly Capability[];

export function isCapability(name: string): name is Capability {
  return (CAPABILITIES as readonly string[]).includes(name);
}

/** `SYS_ADMIN`, `cap_sys_admin` and `CAP_SYS_ADMIN` all name the same capability. */
export function parseCapability(name: string): Capability | undefined {
  const upper = name.trim().toUpperCase();
  const full = upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  return isCapability(full) ? full : undefined;
}

export function capNumber(cap: Capability): number {
  return CAPABILITIES.indexOf(cap);
}

export const ALL_CAPS: CapSet = [...CAPABILITIES];

/**
 * Docker's default capability set for a non-privileged container, the lab's own
 * copy (tests hold it against docker_default_capabilities.txt).
 * @see moby/moby daemon/pkg/oci/caps/defaults.go DefaultCapabilities()
 */
export const DOCKER_DEFAULT_CAPS: CapSet = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_MKNOD', 'CAP_NET_RAW',
  'CAP_SETGID', 'CAP_SETUID', 'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT', 'CAP_KILL', 'CAP_AUDIT_WRITE',
];

export function hasCap(set: CapSet, cap: Capability): boolean {
  return set.includes(cap);
}
