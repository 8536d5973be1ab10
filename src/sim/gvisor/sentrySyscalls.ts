import type { ErrnoName } from '../errno.ts';
import { hasCap, type Capability } from '../kernel/capabilities.ts';
import { SENTRY_CAP_ERRORS, SENTRY_ERRORS } from './sentryErrors.ts';
import { SENTRY_PARTIAL } from './sentryPartial.ts';
import { SENTRY_SUPPORTED } from './sentrySupported.ts';

/**
 * How gVisor's Sentry handles each x86_64 syscall, after its amd64 syscall
 * table. A name the table lists runs in the Sentry (fully or in part) or gets
 * a fixed error; a name it leaves out goes to the table's `Missing` handler,
 * which reports an unimplemented-syscall event and returns ENOSYS.
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/syscalls/linux/linux64.go
 * @see https://github.com/google/gvisor/blob/3c5eee17dc45659fb86843531074f38e78e0cc35/pkg/sentry/syscalls/syscalls.go
 */

export type SentryStatus = 'supported' | 'partial' | 'error' | 'unimplemented';

export interface SentryHandling {
  readonly status: SentryStatus;
  /** What is missing or why it fails, in the lab's words; null when nothing to add. */
  readonly note: string | null;
  /** The errno returned; for a capability-checked error, the one a caller without the capability sees. */
  readonly errno: ErrnoName | null;
  /** For a capability-checked error, the capability that turns EPERM into ENOSYS. */
  readonly capability: Capability | null;
}

export interface SentryVerdict {
  readonly verdict: 'allow' | 'deny';
  readonly errno: ErrnoName | null;
}

const MISSING_NOTE = 'Not in the Sentry\'s syscall table; the Missing handler returns ENOSYS.';

function build(): Map<string, SentryHandling> {
  const table = new Map<string, SentryHandling>();
  const put = (name: string, handling: SentryHandling): void => {
    if (table.has(name)) throw new Error(`gVisor table lists ${name} twice`);
    table.set(name, Object.freeze(handling));
  };
  for (const name of SENTRY_SUPPORTED) put(name, { status: 'supported', note: null, errno: null, capability: null });
  for (const [name, note] of Object.entries(SENTRY_PARTIAL)) {
    put(name, { status: 'partial', note, errno: null, capability: null });
  }
  for (const [name, { errno, note }] of Object.entries(SENTRY_ERRORS)) {
    put(name, { status: 'error', note, errno, capability: null });
  }
  for (const [name, capability] of Object.entries(SENTRY_CAP_ERRORS)) {
    const note = `Refused with EPERM unless the caller holds ${capability}; with it, ENOSYS (not implemented).`;
    put(name, { status: 'error', note, errno: 'EPERM', capability });
  }
  return table;
}

const TABLE = build();

const MISSING: SentryHandling = Object.freeze({
  status: 'unimplemented', note: MISSING_NOTE, errno: 'ENOSYS', capability: null,
});

/** The Sentry's handling of a syscall, by its x86_64 catalogue name (`_sysctl`, `newfstatat`). */
export function sentryHandling(name: string): SentryHandling {
  return TABLE.get(name) ?? MISSING;
}

/**
 * Whether the Sentry runs the call or refuses it, and with which errno.
 * A `CapError` entry checks the capability first, so a caller holding it
 * learns the call is not implemented rather than not permitted.
 */
export function sentryVerdict(name: string, caps: readonly Capability[]): SentryVerdict {
  const handling = sentryHandling(name);
  switch (handling.status) {
    case 'supported':
    case 'partial':
      return { verdict: 'allow', errno: null };
    case 'unimplemented':
      return { verdict: 'deny', errno: 'ENOSYS' };
    case 'error': {
      const { capability, errno } = handling;
      if (capability !== null) return { verdict: 'deny', errno: hasCap(caps, capability) ? 'ENOSYS' : 'EPERM' };
      return { verdict: 'deny', errno };
    }
  }
}
