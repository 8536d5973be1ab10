import { describe, expect, it } from 'vitest';
import { differsFromLog } from '../../../src/sim/strace/replayReport.ts';
import type { CallRecord } from '../../../src/sim/strace/records.ts';
import type { StaticOutcome } from '../../../src/sim/trace.ts';

const call = (retval: number | null, errno: string | null, unfinished = false) => ({ retval, errno, unfinished }) as unknown as CallRecord;
const allow: StaticOutcome = { allowed: true, errno: null, layer: 'kernel', reason: '' };
const deny = (errno: StaticOutcome['errno']): StaticOutcome => ({ allowed: false, errno, layer: 'seccomp', reason: '' });

describe('differsFromLog: does the runtime treat a logged call otherwise than the log shows?', () => {
  it.each([
    ['log succeeded, runtime denies', call(0, null), deny('EPERM'), true],
    ['log failed EPERM, runtime denies EPERM', call(-1, 'EPERM'), deny('EPERM'), false],
    ['log failed ENOENT, runtime denies EPERM', call(-1, 'ENOENT'), deny('EPERM'), true],
    ['log failed EPERM (a gate said no), runtime allows', call(-1, 'EPERM'), allow, true],
    ['log failed ENOSYS, runtime allows', call(-1, 'ENOSYS'), allow, true],
    ['log failed ENOENT (the filesystem said no), runtime allows', call(-1, 'ENOENT'), allow, false],
    ['log succeeded, runtime allows', call(3, null), allow, false],
    ['call never finished', call(null, null, true), deny('EPERM'), false],
    ['interrupted (ERESTARTSYS)', call(null, 'ERESTARTSYS'), deny('EPERM'), false],
  ])('%s → %s', (_name, record, outcome, expected) => {
    expect(differsFromLog(record, outcome)).toBe(expected);
  });
});
