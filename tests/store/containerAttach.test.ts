import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/labStore.ts';
import { createEngine } from '../../src/store/engine.ts';
import { attachPersistence, STORAGE_KEY, type KeyValueStore } from '../../src/store/persistence.ts';

/** `docker run -it` puts the terminal in the container it made; `exit` and the picker take it out (issue 5, point 1). */
const memory = (): KeyValueStore => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, v); } };
};

describe('the terminal and the containers docker makes', () => {
  it('attaches to a `docker run -it` container: the prompt, the runtime and where lines run all follow it', () => {
    const store = createLabStore(createEngine());
    store.getState().submitLine('docker run -it --name box --runtime=runsc debian sh');
    const s = store.getState();
    expect(s.container).toMatchObject({ name: 'box', runtime: 'gvisor' });
    expect(s.runtimeId).toBe('gvisor');
    const path = s.entries.at(-1);
    expect(path?.run.type === 'ran' && path.run.stacks?.[0]?.layers.map((l) => l.id)).toContain('dockerd');
    store.getState().submitLine('hostname');
    expect(store.getState().transcript.some((l) => l.kind === 'input' && l.text === 'box# hostname')).toBe(true);
    const ran = store.getState().entries.at(-1);
    expect(ran?.container).toBe(s.container?.id);
    expect(ran?.run.type === 'ran' && ran.run.calls.some((c) => c.servedBy === 'sentry')).toBe(true);
    store.getState().submitLine('exit');
    expect(store.getState().container).toBeNull();
  });

  it('leaves the container when a runtime is picked, and the container keeps running', () => {
    const store = createLabStore(createEngine());
    store.getState().submitLine('docker run -it --name keep debian sh');
    store.getState().chooseRuntime('runc');
    expect(store.getState().container).toBeNull();
    store.getState().submitLine('docker ps');
    const last = store.getState().last;
    expect(last.type === 'ran' ? last.stdout : '').toContain('keep');
  });

  it('a reload makes the container again and attaches to it', () => {
    const storage = memory();
    const first = createLabStore(createEngine());
    attachPersistence(first, storage);
    first.getState().submitLine('docker run -it --name again --cap-add SYS_ADMIN debian sh');
    first.getState().submitLine('mount -t tmpfs none /mnt');
    const second = createLabStore(createEngine());
    attachPersistence(second, storage);
    expect(second.getState().container?.name).toBe('again');
    expect(second.getState().entries.map((e) => e.input)).toEqual(['docker run -it --name again --cap-add SYS_ADMIN debian sh', 'mount -t tmpfs none /mnt']);
    second.getState().submitLine('cat /proc/self/mounts');
    const last = second.getState().last;
    expect(last.type === 'ran' && last.stdout).toContain('none /mnt tmpfs');
    expect(storage.getItem(STORAGE_KEY)).toContain('"again"');
  });
});

describe('a run from the Spec pane', () => {
  it('comes back after a reload: the same config.json runs again', () => {
    const storage = memory();
    const first = createLabStore(createEngine());
    attachPersistence(first, storage);
    first.getState().submitLine('docker run -it --name src debian sh');
    const text = first.getState().specText;
    if (!text) throw new Error('no spec shown');
    first.getState().applySpec(text.replace('"sh"', '"sh"').replace(/"hostname": "[^"]*"/, '"hostname": "edited"'));
    expect(first.getState().container).not.toBeNull();
    const second = createLabStore(createEngine());
    attachPersistence(second, storage);
    expect(second.getState().entries.map((e) => e.input)).toEqual(first.getState().entries.map((e) => e.input));
    second.getState().submitLine('hostname');
    const last = second.getState().last;
    expect(last.type === 'ran' && last.stdout).toBe('edited\n');
  });
});
