import { describe, expect, it } from 'vitest';
import type { Entry, LabState } from '../../../src/store/labStore.ts';
import type { Focus } from '../../../src/ui/diagram/focus.ts';
import { diagramSubject, type SubjectProps } from '../../../src/ui/diagram/subject.ts';
import { GVISOR, RUNC, RUNC_KEYCTL } from './fixtures.ts';

const entry = (id: number, runtime: 'runc' | 'gvisor', hopsPerCall: number[]): Entry => ({
  id, runtime, options: {}, input: `line ${id}`,
  run: {
    type: 'ran', runtime, input: `line ${id}`, stdout: '', stderr: '', status: 0,
    calls: hopsPerCall.map((n, c) => ({ line: `call ${c}`, name: 'getpid', failed: false, reason: null, servedBy: 'host', hops: RUNC_KEYCTL.slice(0, n) })),
  },
});

const state = (playback: Partial<LabState['playback']>, runtimeId: 'runc' | 'gvisor' = 'runc'): Pick<LabState, 'runtimes' | 'runtimeId' | 'entries' | 'playback'> => ({
  runtimes: [
    { id: 'runc', label: 'runc', summary: '', layers: RUNC, options: [] },
    { id: 'gvisor', label: 'gVisor', summary: '', layers: GVISOR, options: [] },
  ],
  runtimeId,
  entries: [entry(1, 'runc', [5, 3]), entry(2, 'gvisor', [2])],
  playback: { entryId: 1, call: 1, hop: 2, playing: false, speed: 1, ...playback },
});

describe('what a diagram shows', () => {
  it.each<{ name: string; s: ReturnType<typeof state>; props: SubjectProps; focus: Focus; runtime: string; entry: number | null; call: number; hop: number }>([
    { name: 'the played entry at the playback position', s: state({}), props: {}, focus: 'entry', runtime: 'runc', entry: 1, call: 1, hop: 2 },
    { name: 'before any run, the chosen runtime idle', s: state({ entryId: null }), props: {}, focus: 'entry', runtime: 'runc', entry: null, call: 0, hop: 0 },
    { name: 'a runtime picked after the run, idle', s: state({}, 'gvisor'), props: {}, focus: 'runtime', runtime: 'gvisor', entry: null, call: 0, hop: 0 },
    { name: "an older entry sought on the timeline, on its own runtime", s: state({}, 'gvisor'), props: {}, focus: 'entry', runtime: 'runc', entry: 1, call: 1, hop: 2 },
    { name: 'a compare column: its own entry in step, clamped to its calls and hops', s: state({}), props: { entryId: 2 }, focus: 'entry', runtime: 'gvisor', entry: 2, call: 0, hop: 1 },
    { name: 'a runtime column with no run of its own: idle', s: state({}), props: { runtimeId: 'gvisor' }, focus: 'entry', runtime: 'gvisor', entry: null, call: 0, hop: 0 },
    { name: 'a runtime column for the played runtime shows the run', s: state({}), props: { runtimeId: 'runc' }, focus: 'runtime', runtime: 'runc', entry: 1, call: 1, hop: 2 },
  ])('$name', ({ s, props, focus, runtime, entry: id, call, hop: h }) => {
    const subject = diagramSubject(s, props, focus);
    expect(subject.runtime?.id).toBe(runtime);
    expect(subject.entry?.id ?? null).toBe(id);
    expect([subject.callIndex, subject.hop]).toEqual([call, h]);
  });

  it('names an unknown runtime rather than failing', () => {
    const subject = diagramSubject(state({}), { runtimeId: 'nope' }, 'entry');
    expect(subject).toMatchObject({ runtime: undefined, runtimeId: 'nope', entry: undefined, call: undefined });
  });
});
