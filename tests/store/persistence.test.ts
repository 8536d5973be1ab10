import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_PATH } from '../../src/store/artefacts.ts';
import { createLabStore, type LabState } from '../../src/store/labStore.ts';
import { createEngine } from '../../src/store/engine.ts';
import { whenSettled } from '../../src/store/urlApply.ts';
import { attachPersistence, load, savedLanguage, STORAGE_KEY, type KeyValueStore } from '../../src/store/persistence.ts';
import { parseUrlSettings } from '../../src/store/urlState.ts';

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

  // Issue 6, point 3: "Bring your own" runs whose input is only a label come back as they ran.
  const LOG = readFileSync(new URL('../fixtures/strace-cat-tt.strace', import.meta.url), 'utf8');
  const runs = (s: LabState) => s.entries.map((e) => ({ id: e.id, runtime: e.runtime, options: e.options, input: e.input, run: e.run, container: e.container }));

  it.each([
    [320, 326, 'gvisor', ''],
    [557, 557, 'runc', ''],
    // The whole log: only the first 40 calls run and are saved, and the note still says of how many.
    [1, 570, 'kata', 'only the first 40 of 552 calls were run'],
  ])('a replayed strace range (lines %i-%i under %s) runs again after a reload, the terminal left where it was', async (from, to, runtime, note) => {
    const storage = memory();
    const first = createLabStore(createEngine());
    attachPersistence(first, storage);
    first.getState().submitCommand('hostname lab');
    await first.getState().loadStraceLog(LOG);
    expect(first.getState().replayStraceLines(from, to, runtime)).toBeGreaterThan(0);
    first.getState().submitCommand('cat /etc/hostname');

    const second = createLabStore(createEngine());
    attachPersistence(second, storage);
    expect(second.getState().transcript.filter((l) => l.kind === 'error')).toEqual([]);
    expect(runs(second.getState())).toEqual(runs(first.getState()));
    expect(second.getState().runtimeId).toBe('runc');
    const replayed = second.getState().entries[1]?.run;
    expect(replayed?.type === 'ran' && replayed.stderr).toBe(note ? `${note}\n` : '');
    const saved = JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}') as { lines: { replay?: { calls: unknown[]; total: number } }[] };
    expect(saved.lines[1]?.replay?.calls.length).toBeLessThanOrEqual(40);
  });

  it('"Use this profile" comes back after a reload: the profile is written again, the container runs under it', () => {
    const storage = memory();
    const first = createLabStore(createEngine());
    attachPersistence(first, storage);
    first.getState().writeHostFileAndRun(PROFILE_PATH, GETPID_ENOSYS, `docker run -it --security-opt seccomp=${PROFILE_PATH} debian sh`);
    first.getState().submitLine('getpid()');

    const second = createLabStore(createEngine());
    attachPersistence(second, storage);
    const s = second.getState();
    expect(runs(s)).toEqual(runs(first.getState()));
    expect(s.entries[0]?.run).toMatchObject({ type: 'ran', status: 0 });
    expect(s.container?.id).toBe(first.getState().container?.id);
    const getpid = s.entries[1]?.run;
    expect(getpid?.type === 'ran' && getpid.calls[0]?.line).toMatch(/ENOSYS/);
  });

  it('a reload into a page whose model is still loading ends in the container, and the inspector shows it', async () => {
    const storage = memory();
    const first = createLabStore(createEngine());
    attachPersistence(first, storage);
    first.getState().writeHostFileAndRun(PROFILE_PATH, GETPID_ENOSYS, `docker run -it --security-opt seccomp=${PROFILE_PATH} debian sh`);
    const name = first.getState().container?.name ?? '';
    expect(first.getState().inspector?.runtimeLabel).toContain(name);

    const second = createLabStore();
    attachPersistence(second, storage);
    await new Promise<void>((done) => whenSettled(second, done));
    expect(second.getState().container?.name).toBe(name);
    expect(second.getState().inspector?.runtimeLabel).toBe(first.getState().inspector?.runtimeLabel);
    expect(second.getState().specText).toBe(first.getState().specText);
  });

  it.each([
    [{ runtime: 'runc', options: {}, input: 'replay strace log line 3', replay: { runtime: 'runc', options: {}, calls: 'getpid()', total: 1 } }],
    [{ runtime: 'runc', options: {}, input: 'docker run -it debian sh', hostFile: { path: '/root/profile.json' } }],
  ])('a saved run with a damaged source is reported and replaced, not run: %j', (line) => {
    const storage = memory(JSON.stringify({ version: 1, runtimeId: 'runc', options: {}, lines: [line], theme: 'light', fontScale: 1 }));
    const store = createLabStore(createEngine());
    attachPersistence(store, storage);
    expect(store.getState().entries).toEqual([]);
    expect(store.getState().transcript.at(-1)?.text).toContain('has a malformed line (number 1)');
  });
});

/** A profile that answers getpid with ENOSYS (38) and allows the rest. */
const GETPID_ENOSYS = '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["getpid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38 } ] }';

/** main.tsx words the page address's problems in the saved session's language when the address has no lang=. */
describe('savedLanguage', () => {
  const session = (language?: string) => JSON.stringify({ version: 1, runtimeId: 'runc', options: {}, lines: [], theme: 'light', fontScale: 1, ...(language ? { language } : {}) });

  it.each([
    ['a Chinese session', session('zh'), 'zh'],
    ['an English session', session('en'), 'en'],
    ['a session saved before languages', session(), null],
    ['no session', undefined, null],
    ['a corrupt session', '{not json', null],
  ] as const)('%s gives %s', (_, text, language) => {
    expect(savedLanguage(memory(text))).toBe(language);
  });

  it.each([
    ['en', 'theme=sepia: expected light or dark'],
    ['zh', 'theme=sepia：应为 light 或 dark'],
  ] as const)('the address problems then read in %s', (language, words) => {
    const { problems } = parseUrlSettings('?theme=sepia', '', savedLanguage(memory(session(language))) ?? undefined);
    expect(problems.join(' ')).toContain(words);
  });
});
