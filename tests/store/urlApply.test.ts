import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore } from '../../src/store/labStore.ts';
import { applyUrlSettings } from '../../src/store/urlApply.ts';
import { parseUrlSettings } from '../../src/store/urlState.ts';

/** What a URL does to a fresh lab on load; what it cannot do is said in the terminal, and the lab still starts. */
function open(search: string) {
  const store = createLabStore(createEngine());
  const { settings, problems } = parseUrlSettings(search);
  applyUrlSettings(store, settings, problems);
  return store.getState();
}

describe('applyUrlSettings', () => {
  it('chooses the runtime with its settings, runs the lines in order, sets theme, language and speed', () => {
    const s = open('?runtime=gvisor:platform=kvm&run=getpid()&run=cat+/etc/hostname&theme=dark&lang=zh&speed=0.5');
    expect(s.runtimeId).toBe('gvisor');
    expect(s.options.gvisor?.platform).toBe('kvm');
    expect(s.entries.map((e) => [e.runtime, e.input, e.options.platform])).toEqual([['gvisor', 'getpid()', 'kvm'], ['gvisor', 'cat /etc/hostname', 'kvm']]);
    expect(s.theme).toBe('dark');
    expect(s.language).toBe('zh');
    expect(s.playback.speed).toBe(0.5);
  });

  it('lab commands run as typed', () => {
    const s = open('?run=help');
    expect(s.entries).toEqual([]);
    expect(s.transcript.length).toBeGreaterThan(3);
  });

  it('presenter and still: larger type, and a run does not play by itself', () => {
    const s = open('?presenter=1&still=1&run=getpid()');
    expect(s.fontScale).toBe(1.5);
    expect(s.still).toBe(true);
    expect(s.playback).toMatchObject({ playing: false, call: 0, hop: 0 });
  });

  it('opens the lesson at the step (1 is the first)', () => {
    const first = createLabStore(createEngine()).getState().lessons[0];
    if (!first) throw new Error('the lab has no lessons');
    const s = open(`?lesson=${first.id}&step=2`);
    expect(s.lesson).toMatchObject({ id: first.id, step: 1 });
  });

  it.each([
    ['?runtime=gvizor', 'runtime=gvizor is not a runtime of the lab'],
    ['?runtime=gvisor:plaform=kvm', "gvisor has no setting 'plaform'"],
    ['?runtime=gvisor:platform=hyperv', 'platform=hyperv is not a value of gvisor'],
    ['?theme=sepia', "This page's address: theme=sepia: expected light or dark."],
    ['?lesson=no-such-lesson', 'lesson=no-such-lesson is not a lesson of the lab'],
  ])('%s is said in the terminal: %s', (search, text) => {
    const s = open(search);
    expect(s.transcript.filter((l) => l.kind === 'error').map((l) => l.text).join('\n')).toContain(text);
  });
});
