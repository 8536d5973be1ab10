import type { ErrnoName } from './errno.ts';

/**
 * Errors are values in src/sim: a kernel path that fails returns the errno
 * it would return and one sentence saying why, never an exception.
 */
export type SimResult<T> = { ok: true; value: T } | SimError;

export interface SimError {
  ok: false;
  errno: ErrnoName;
  reason: string;
}

export const ok = <T>(value: T): SimResult<T> => ({ ok: true, value });
export const fail = (errno: ErrnoName, reason: string): SimError => ({ ok: false, errno, reason });
