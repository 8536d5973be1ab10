import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/labStore.ts';
import { createEngine } from '../../src/store/engine.ts';
import { attachPersistence, load, STORAGE_KEY, type KeyValueStore } from '../../src/store/persistence.ts';

/** Reload loses nothing; a corrupt saved state is reported and replaced (issue 4, point 6). */
function memory(initial?: string): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>(initial === undefined ? [] : [[STORAGE_KEY, initial]]);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, v); } };
}

describe('the saved session', () => {
  it('comes back after a reload: the same lines, runtimes, settings and results', () => {
    const storage = memory();
    const first = createLabStore(createEngine());
    attachPersistence(first, storage);
    first.getState().submitCommand('hostname lab');
    first.getState().chooseRuntime('gvisor');
    first.getState().setOption('platform', 'kvm');
    first.getState().submitCommand('getpid()');
    first.getState().setTheme('dark');

    const second = createLabStore(createEngine());
    attachPersistence(second, storage);
    const s = second.getState();
    expect(s.entries.map((e) => [e.runtime, e.input])).toEqual([['runc', 'hostname lab'], ['gvisor', 'getpid()']]);
    expect(s.entries.map((e) => e.run.type === 'ran' && e.run.calls.at(-1)?.line)).toEqual(first.getState().entries.map((e) => e.run.type === 'ran' && e.run.calls.at(-1)?.line));
    expect(s.runtimeId).toBe('gvisor');
    expect(s.options.gvisor?.platform).toBe('kvm');
    expect(s.theme).toBe('dark');
  });

  it.each([
    ['{not json', 'is not valid JSON'],
    ['[]', 'has version undefined'],
    [JSON.stringify({ version: 1, runtimeId: 'runc', options: {}, lines: [{ input: 3 }], theme: 'light', fontScale: 1 }), 'has a malformed line (number 1)'],
    [JSON.stringify({ version: 1, runtimeId: 'runc', options: {}, lines: [], theme: 'sepia', fontScale: 1 }), 'has an unknown theme'],
  ])('%s is reported and replaced', (text, message) => {
    const storage = memory(text);
    expect(load(storage)).toMatchObject({ type: 'corrupt' });
    const store = createLabStore(createEngine());
    attachPersistence(store, storage);
    expect(store.getState().transcript.at(-1)?.text).toContain(message);
    expect(load(storage).type).toBe('ok');
  });

  it('a saved line that no longer runs is answered like any bad input', () => {
    const saved = { version: 1, runtimeId: 'nosuch', options: {}, lines: [{ runtime: 'runc', options: {}, input: 'frob(' }], theme: 'light', fontScale: 1 };
    const store = createLabStore(createEngine());
    attachPersistence(store, memory(JSON.stringify(saved)));
    expect(store.getState().entries[0]?.run.type).toBe('refused');
    expect(store.getState().runtimeId).toBe('runc');
  });
});
