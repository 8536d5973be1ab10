import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/labStore.ts';
import { createEngine } from '../../src/store/engine.ts';

/** The store's runtime settings: chosen per runtime, checked, and a new setting boots the runtime again. */
describe('labStore runtime options', () => {
  it('starts every runtime at its defaults and lists its options', () => {
    const s = createLabStore(createEngine()).getState();
    expect(s.options.gvisor).toEqual({ platform: 'systrap', directfs: 'on', network: 'sandbox', 'oci-seccomp': 'off' });
    expect(s.runtimes.find((r) => r.id === 'gvisor')?.options.map((o) => o.key)).toEqual(['platform', 'directfs', 'network', 'oci-seccomp']);
    expect(s.options.runc).toEqual({});
  });

  it.each([
    ['platform', 'kvm', 'kvm'],
    ['platform', 'xen', 'systrap'],
    ['nonsense', 'on', undefined],
  ])('setOption(%s, %s) leaves %s', (key, value, expected) => {
    const store = createLabStore(createEngine());
    store.getState().chooseRuntime('gvisor');
    store.getState().setOption(key, value);
    expect(store.getState().options.gvisor?.[key]).toBe(expected);
  });

  it('runs the next line on a session booted with the new setting', () => {
    const store = createLabStore(createEngine());
    store.getState().chooseRuntime('gvisor');
    store.getState().submitCommand('getpid()');
    const first = store.getState().last;
    store.getState().setOption('platform', 'kvm');
    store.getState().submitCommand('getpid()');
    const last = store.getState().last;
    if (first.type !== 'ran' || last.type !== 'ran') throw new Error('both lines should run');
    expect(first.calls[0]?.hops.map((h) => h.note).join(' ')).toContain('SIGSYS');
    expect(last.calls[0]?.hops.map((h) => h.note).join(' ')).toContain('guest ring 0');
  });
});

describe('labStore refuses a combination the real tool refuses', () => {
  it('Kata with Cloud Hypervisor and 9p: a message, and the old settings stay', () => {
    const store = createLabStore(createEngine());
    store.getState().chooseRuntime('kata');
    store.getState().setOption('hypervisor', 'clh');
    store.getState().setOption('shared-fs', 'virtio-9p');
    const last = store.getState().last;
    expect(last.type).toBe('refused');
    if (last.type === 'refused') expect(last.message).toContain('Cloud Hypervisor does not support virtio-9p');
    expect(store.getState().options.kata).toMatchObject({ hypervisor: 'clh', 'shared-fs': 'virtio-fs' });
    store.getState().submitCommand('getpid()');
    expect(store.getState().last.type).toBe('ran');
  });
});

describe('the page store loads its model after first paint', () => {
  it('queues what is typed before the model is there, and runs it in order', async () => {
    const store = createLabStore();
    expect(store.getState().ready).toBe(false);
    store.getState().chooseRuntime('gvisor');
    store.getState().submitCommand('getpid()');
    store.getState().submitCommand('uname -r');
    await expect.poll(() => store.getState().ready, { timeout: 20_000 }).toBe(true);
    await expect.poll(() => store.getState().entries.length).toBe(2);
    expect(store.getState().entries.map((e) => [e.runtime, e.input])).toEqual([['gvisor', 'getpid()'], ['gvisor', 'uname -r']]);
    expect(store.getState().transcript.at(-1)?.text).toBe('4.19.0-gvisor');
  }, 30_000);
});

describe('compare in the store', () => {
  it('runs the input under each runtime from a fresh boot, a column each, not saved for reload', () => {
    const store = createLabStore(createEngine());
    store.getState().submitCommand('hostname changed');
    store.getState().compare('getpid()', ['runc', 'gvisor:platform=kvm', 'nonsense']);
    const c = store.getState().comparison;
    expect(c?.columns.map((x) => x.label)).toEqual(['runc', 'gvisor:platform=kvm', 'nonsense']);
    const entries = c?.columns.map((x) => store.getState().entries.find((e) => e.id === x.entryId));
    expect(entries?.map((e) => e?.run.type)).toEqual(['ran', 'ran', 'refused']);
    expect(entries?.[1]?.options.platform).toBe('kvm');
    expect(entries?.every((e) => e?.compared)).toBe(true);
    expect(store.getState().showCompare).toBe(true);
  });
});
