import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/labStore.ts';
import { createEngine } from '../../src/store/engine.ts';
import { attachLessonProgress, LESSONS_KEY } from '../../src/store/lessonProgress.ts';
import type { KeyValueStore } from '../../src/store/persistence.ts';

const memory = (initial?: string): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>(initial === undefined ? [] : [[LESSONS_KEY, initial]]);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, v); } };
};

describe('lesson progress in the browser', () => {
  it('saves the steps met and restores them in a new store', () => {
    const storage = memory();
    const first = createLabStore(createEngine());
    attachLessonProgress(first, storage);
    first.getState().openLesson('seccomp-default');
    first.getState().submitLine('reboot');
    expect(first.getState().lesson?.goalMet).toBe(true);
    expect(JSON.parse(storage.data.get(LESSONS_KEY) ?? '{}')).toEqual({ version: 1, done: { 'seccomp-default': [0] } });
    const second = createLabStore(createEngine());
    attachLessonProgress(second, storage);
    expect(second.getState().lessons.find((l) => l.id === 'seccomp-default')?.done).toBe(1);
    second.getState().openLesson('seccomp-default');
    expect(second.getState().lesson).toMatchObject({ step: 0, done: true, goalMet: false });
  });

  it.each([
    ['not JSON', '{oops', 'is not valid JSON'],
    ['not an object', '42', 'is not an object'],
    ['another version', '{"version":9,"done":{}}', 'has version 9'],
    ['no record', '{"version":1}', 'has no record of steps done'],
    ['a bad step list', '{"version":1,"done":{"cgroups":"all"}}', "malformed list of steps for lesson 'cgroups'"],
  ])('reports a saved value that is %s and replaces it', (_what, text, message) => {
    const storage = memory(text);
    const store = createLabStore(createEngine());
    attachLessonProgress(store, storage);
    const errors = store.getState().transcript.filter((l) => l.kind === 'error').map((l) => l.text);
    expect(errors.join('\n')).toContain(message);
    expect(JSON.parse(storage.data.get(LESSONS_KEY) ?? '')).toEqual({ version: 1, done: {} });
    expect(store.getState().lessons.every((l) => l.done === 0)).toBe(true);
  });

  it('drops lessons and steps that no longer exist', () => {
    const store = createLabStore(createEngine());
    attachLessonProgress(store, memory('{"version":1,"done":{"gone":[0],"kata":[0,1,7]}}'));
    expect(store.getState().lessonProgress).toEqual({ kata: [0, 1] });
  });

  it('keeps working when the browser refuses to store', () => {
    const store = createLabStore(createEngine());
    attachLessonProgress(store, { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } });
    store.getState().openLesson('seccomp-default');
    store.getState().submitLine('reboot');
    expect(store.getState().lesson?.goalMet).toBe(true);
  });
});

describe('the lesson slice', () => {
  it('opens at a step (clamped), shows hints one at a time, goes back and forth, and closes to the free sandbox', () => {
    const store = createLabStore(createEngine());
    store.getState().openLesson('cgroups', 99);
    expect(store.getState().lesson).toMatchObject({ id: 'cgroups', step: 1, stepCount: 2, hints: [] });
    store.getState().showHint();
    store.getState().showHint();
    expect(store.getState().lesson?.hints).toHaveLength(1);
    store.getState().lessonBack();
    expect(store.getState().lesson).toMatchObject({ step: 0, hints: [], hintCount: 2 });
    store.getState().lessonBack();
    expect(store.getState().lesson?.step).toBe(0);
    store.getState().submitLine('hostname');
    store.getState().closeLesson();
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().entries.map((e) => e.input)).toEqual(['hostname']);
  });

  it('still sees the work done after a reset (ids and containers start again)', () => {
    const store = createLabStore(createEngine());
    store.getState().submitLine('docker run -d debian sleep 100');
    store.getState().submitLine('docker run -d debian sleep 100');
    store.getState().openLesson('cgroups');
    store.getState().submitLine('reset');
    store.getState().submitLine('docker run -it --pids-limit 20 debian sh');
    store.getState().submitLine('forkbomb 100');
    expect(store.getState().lesson?.goalMet).toBe(true);
  });

  it('ignores a lesson it does not know', () => {
    const store = createLabStore(createEngine());
    store.getState().openLesson('nope');
    expect(store.getState().lesson).toBeNull();
  });

  it.each([
    ['lessons', 'namespaces'],
    ['lesson namespaces', 'lesson opened'],
    ['lesson namspaces', 'did you mean namespaces'],
    ['lesson', 'cgroups: a fork bomb'],
    ['lesson kata 0', 'is not a step number'],
  ])('the terminal command %s answers with %s', (line, text) => {
    const store = createLabStore(createEngine());
    store.getState().submitLine(line);
    expect(store.getState().transcript.map((l) => l.text).join('\n')).toContain(text);
  });

  it('lesson NAME STEP opens at that step; sandbox leaves it', () => {
    const store = createLabStore(createEngine());
    store.getState().submitLine('lesson gvisor 2');
    expect(store.getState().lesson).toMatchObject({ id: 'gvisor', step: 1 });
    expect(store.getState().runtimeId).toBe('gvisor');
    store.getState().submitLine('sandbox');
    expect(store.getState().lesson).toBeNull();
  });

  it('speaks Chinese in the terminal when the lab does', () => {
    const store = createLabStore(createEngine());
    store.getState().setLanguage('zh');
    store.getState().submitLine('lessons');
    expect(store.getState().transcript.map((l) => l.text).join('\n')).toContain('命名空间');
  });
});

describe('the lessons before the model has loaded (they come with it, a lazy chunk)', () => {
  /** A page's store: the engine is a dynamic import; resolves once it is installed. */
  const pageStore = () => {
    const store = createLabStore();
    const loaded = new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (s.ready) {
          stop();
          resolve();
        }
      });
    });
    return { store, loaded };
  };

  it('lists no lessons, then every lesson once the model is there', async () => {
    const { store, loaded } = pageStore();
    expect(store.getState().lessons).toEqual([]);
    await loaded;
    expect(store.getState().lessons.map((l) => l.id)).toContain('namespaces');
  });

  it.each([
    ['at its first step', undefined, 0],
    ['at a step', 1, 1],
  ])('a lesson opened before then (%s) opens once they are there, on its runtime', async (_what, step, expected) => {
    const { store, loaded } = pageStore();
    store.getState().openLesson('gvisor', step);
    expect(store.getState().lesson).toBeNull();
    await loaded;
    expect(store.getState().lesson).toMatchObject({ id: 'gvisor', step: expected });
    expect(store.getState().runtimeId).toBe('gvisor');
  });

  it('keeps saved progress until the lessons are known, then drops what no longer matches', async () => {
    const { store, loaded } = pageStore();
    const storage = memory('{"version":1,"done":{"gone":[0],"kata":[1,0,7,1]}}');
    attachLessonProgress(store, storage);
    expect(store.getState().lessonProgress).toEqual({ gone: [0], kata: [0, 1, 7] });
    await loaded;
    expect(store.getState().lessonProgress).toEqual({ kata: [0, 1] });
    expect(store.getState().lessons.find((l) => l.id === 'kata')?.done).toBe(2);
  });

  it('a lesson opened then left before the model loads ends in the free sandbox', async () => {
    const { store, loaded } = pageStore();
    store.getState().openLesson('cgroups');
    store.getState().closeLesson();
    await loaded;
    expect(store.getState().lesson).toBeNull();
  });
});
