import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { labStore, type Entry, type LabState } from '../../../src/store/labStore.ts';
import { Diagram } from '../../../src/ui/diagram/Diagram.tsx';
import { Controls } from '../../../src/ui/playback/Controls.tsx';
import { Narration } from '../../../src/ui/playback/Narration.tsx';
import { Timeline } from '../../../src/ui/playback/Timeline.tsx';
import { GVISOR, RUNC, RUNC_KEYCTL } from '../diagram/fixtures.ts';

/**
 * The components' first render (what server rendering gives; effects and d3
 * run in the browser, covered by tests/e2e/diagram.test.ts). They read the
 * page's store, so each test sets its state; server rendering reads a
 * store's initial state, so here that is pointed at the current one.
 */
const KEYCTL: Entry = {
  id: 1, runtime: 'runc', options: {}, input: 'keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL)',
  run: {
    type: 'ran', runtime: 'runc', input: 'keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL)', stdout: '', stderr: '', status: 1,
    calls: [{ line: 'keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL) = -1 EPERM (Operation not permitted)', name: 'keyctl', failed: true, reason: 'seccomp', servedBy: 'host', hops: RUNC_KEYCTL }],
  },
};
const REFUSED: Entry = { id: 2, runtime: 'runc', options: {}, input: 'opnat()', run: { type: 'refused', runtime: 'runc', input: 'opnat()', message: "unknown syscall 'opnat'", column: 1 } };

const set = (s: Partial<LabState>) => labStore.setState({
  ready: true,
  runtimes: [{ id: 'runc', label: 'runc (Docker default)', summary: '', layers: RUNC, options: [] }, { id: 'gvisor', label: 'gVisor', summary: '', layers: GVISOR, options: [] }],
  runtimeId: 'runc',
  ...s,
});

vi.spyOn(labStore, 'getInitialState').mockImplementation(() => labStore.getState());
beforeEach(() => set({ entries: [], playback: { entryId: null, call: 0, hop: 0, playing: false, speed: 1 } }));

describe('Controls', () => {
  it('names every control and its shortcut, and offers 0.25× to 4×', () => {
    const html = renderToString(<Controls />);
    for (const name of ['aria-label="Step back"', 'aria-label="Play"', 'aria-label="Step forward"']) expect(html).toContain(name);
    for (const title of ['Step back one hop (,)', 'Play (K or Space)', 'Step forward one hop (.)', 'Playback speed (&lt; slower, &gt; faster)']) expect(html).toContain(title);
    expect([...html.matchAll(/<option value="([\d.]+)"/g)].map((m) => m[1])).toEqual(['0.25', '0.5', '1', '1.5', '2', '4']);
  });

  it.each([
    { name: 'nothing to play: disabled', playback: { entryId: null, playing: false }, disabled: true, label: 'Play' },
    { name: 'a run loaded and playing: Pause', playback: { entryId: 1, playing: true }, disabled: false, label: 'Pause' },
  ])('$name', ({ playback, disabled, label }) => {
    set({ entries: [KEYCTL], playback: { call: 0, hop: 0, speed: 1, ...playback } });
    const html = renderToString(<Controls />);
    expect(html).toContain(`aria-label="${label}"`);
    expect(/<button[^>]*disabled=""[^>]*aria-label="Step back"/.test(html)).toBe(disabled);
  });
});

describe('Narration', () => {
  it('reads the current hop in a polite live region', () => {
    set({ entries: [KEYCTL], playback: { entryId: 1, call: 0, hop: 3, playing: false, speed: 1 } });
    const html = renderToString(<Narration />);
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('Hop 4 of 5, seccomp, deny: seccomp deny');
  });
});

describe('Timeline', () => {
  it('says what it will hold before any run', () => {
    expect(renderToString(<Timeline />)).toContain('Nothing run yet');
  });

  it('opens the played entry and call, marks the current hop and shows a refused line with its message', () => {
    set({ entries: [KEYCTL, REFUSED], playback: { entryId: 1, call: 0, hop: 3, playing: false, speed: 1 } });
    const html = renderToString(<Timeline />);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="step"[^>]*>.*?<span class="tl-n">4<\/span>/);
    expect(html.match(/class="tl-hop( now)?"/g)).toHaveLength(5);
    expect(html).toContain('not run: unknown syscall &#x27;opnat&#x27;');
    expect(html).toContain('aria-expanded="true"');
  });
});

describe('Diagram', () => {
  it.each([
    { name: 'idle: the runtime and what to do', props: {}, text: ['Path through runc (Docker default)', 'Run a syscall or a command'] },
    { name: 'compact, for a compare column', props: { compact: true, runtimeId: 'gvisor' }, text: ['<h3', 'gVisor'] },
    { name: 'an unknown runtime: a message', props: { runtimeId: 'nope' }, text: ['No runtime named “nope”'] },
  ])('$name', ({ props, text }) => {
    const html = renderToString(<Diagram {...props} />);
    for (const t of text) expect(html).toContain(t);
  });

  it('shows the counters of the played call', () => {
    set({ entries: [KEYCTL], playback: { entryId: 1, call: 0, hop: 3, playing: false, speed: 1 } });
    const html = renderToString(<Diagram />);
    expect(html).toContain('137 ns');
    expect(html).toMatch(/host syscalls<\/dt><dd>1<\/dd>/);
  });

  it('while the model loads, says so rather than naming a runtime missing', () => {
    set({ ready: false, runtimes: [] });
    const html = renderToString(<Diagram />);
    expect(html).toContain('Loading');
    expect(html).not.toContain('No runtime named');
  });
});
