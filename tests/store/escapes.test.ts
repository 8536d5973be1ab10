import { describe, expect, it, vi } from 'vitest';
import { createLabStore } from '../../src/store/labStore.ts';
import { createEngine } from '../../src/store/engine.ts';
import { escapeReplay, escapeView } from '../../src/store/escapes.ts';
import { ESCAPES, ESCAPE_RUNTIMES } from '../../src/sim/escapes/index.ts';

const HAN = /[\u4e00-\u9fff]/;

describe('the escape matrix as view rows', () => {
  it('has a cell per scenario and runtime, each with a sentence in both languages', () => {
    const v = escapeView();
    expect(v.scenarios.map((s) => s.id)).toEqual(ESCAPES.map((s) => s.id));
    for (const s of v.scenarios) {
      expect(s.cells.map((c) => c.runtime)).toEqual([...ESCAPE_RUNTIMES]);
      for (const c of s.cells) {
        expect(c.sentence.en.length).toBeGreaterThan(10);
        expect(c.sentence.zh).toMatch(HAN);
      }
    }
    // The first call runs all 72 cells through the model (a few seconds on a loaded machine); later ones read the cache.
  }, 60_000);

  it.each([
    ['module-load', 'runc', 'stopped', 'seccomp', 'EPERM'],
    ['dirty-pipe', 'gvisor', 'contained', 'sentry', null],
    ['dirty-pipe', 'runc', 'through', 'host-kernel', null],
    ['docker-sock', 'nabla', 'not-applicable', null, null],
  ])('%s under %s reads %s at %s (%s)', (id, runtime, outcome, gate, errno) => {
    const cell = escapeView().scenarios.find((s) => s.id === id)?.cells.find((c) => c.runtime === runtime);
    expect(cell).toMatchObject({ outcome, gate, errno });
  });

  it('carries the caveat where the real system differs (Kata hot-plugs host devices for --privileged)', () => {
    const cells = escapeView().scenarios.find((s) => s.id === 'privileged-mount')?.cells ?? [];
    expect(cells.find((c) => c.runtime === 'kata')?.caveat?.en).toMatch(/privileged_without_host_devices/);
    expect(cells.find((c) => c.runtime === 'runc')?.caveat).toBeNull();
  });

  it('is computed once and cached', () => {
    expect(escapeView()).toBe(escapeView());
  });

  it.each([['nope', 'runc'], ['dirty-pipe', 'nope']])('escapeReplay(%s, %s) is null', (id, runtime) => {
    expect(escapeReplay(id, runtime)).toBeNull();
  });
});

describe('the store: openEscapes and replayEscape', () => {
  it('opens the matrix on demand', async () => {
    const store = createLabStore(createEngine());
    expect(store.getState().escapes).toBeNull();
    await store.getState().openEscapes();
    expect(store.getState().escapes?.scenarios.length).toBe(ESCAPES.length);
  });

  it("adds the cell's run as an entry and plays it", async () => {
    const store = createLabStore(createEngine());
    await store.getState().replayEscape('io-uring', 'runc');
    const { entries, playback, escapeCell } = store.getState();
    const entry = entries.at(-1);
    expect(entry?.compared).toBe(true);
    expect(entry?.run.type === 'ran' && entry.run.calls.map((c) => c.line)).toEqual(['io_uring_setup(8, 0x7ffc0000) = -1 EPERM (Operation not permitted)']);
    expect(playback.entryId).toBe(entry?.id);
    expect(escapeCell).toEqual({ scenarioId: 'io-uring', runtime: 'runc', entryId: entry?.id });
  });

  it('prints the matrix for the escapes command, and one scenario for escapes ID', async () => {
    const store = createLabStore(createEngine());
    store.getState().submitLine('escapes');
    const text = store.getState().transcript.map((l) => l.text).join('\n');
    expect(text).toContain('dirty-pipe (CVE-2022-0847)\n  THROUGH: host, runc · contained: gvisor, kata, firecracker · stopped: nabla, unikernel-hvt, lightvm');
    // The command also opens the panel (the matrix is computed once, lazily).
    await vi.waitFor(() => expect(store.getState().escapes).not.toBeNull(), { timeout: 30_000 });
    store.getState().submitLine('escapes module-load');
    expect(store.getState().transcript.map((l) => l.text).join('\n')).toMatch(/runc\s+stopped\s+seccomp\s+EPERM/);
    store.getState().submitLine('escapes nope');
    expect(store.getState().transcript.at(-1)).toMatchObject({ kind: 'error', text: expect.stringContaining("no escape scenario 'nope'") });
  });
});
