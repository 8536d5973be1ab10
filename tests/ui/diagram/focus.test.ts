import { describe, expect, it } from 'vitest';
import { nextFocus, type Focus, type FocusInput } from '../../../src/ui/diagram/focus.ts';

const at: FocusInput = { runtimeId: 'runc', entryId: 1, call: 0, hop: 2, playing: false };

describe('which runtime the diagram shows', () => {
  it.each<{ name: string; prev: FocusInput | null; next: FocusInput; focus: Focus; expected: Focus }>([
    { name: 'the first render shows the played entry', prev: null, next: at, focus: 'runtime', expected: 'entry' },
    { name: 'picking a runtime shows its layers', prev: at, next: { ...at, runtimeId: 'kata' }, focus: 'entry', expected: 'runtime' },
    { name: 'a new run shows that run', prev: at, next: { ...at, entryId: 2 }, focus: 'runtime', expected: 'entry' },
    { name: 'a reset (no entry) keeps the runtime', prev: at, next: { ...at, entryId: null }, focus: 'runtime', expected: 'runtime' },
    { name: 'a seek or a step while paused shows the entry again', prev: at, next: { ...at, hop: 4 }, focus: 'runtime', expected: 'entry' },
    { name: 'pressing play shows the entry again', prev: at, next: { ...at, playing: true }, focus: 'runtime', expected: 'entry' },
    { name: 'a tick while playing is not an act', prev: { ...at, playing: true }, next: { ...at, hop: 3, playing: true }, focus: 'runtime', expected: 'runtime' },
    { name: 'playback reaching its end is not an act', prev: { ...at, playing: true }, next: at, focus: 'runtime', expected: 'runtime' },
  ])('$name', ({ prev, next, focus, expected }) => {
    expect(nextFocus(prev, next, focus)).toBe(expected);
  });
});
