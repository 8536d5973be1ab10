import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore } from '../../src/store/labStore.ts';
import { MAX_LINE, parseDeckMessage, steppedEvent } from '../../src/store/deckMessages.ts';

/** What a slide deck may send to an embedded lab (issue 6, point 4): read, or refused with a reason, never thrown. */
describe('parseDeckMessage', () => {
  it.each([
    [{ isolab: 1, type: 'step' }, { type: 'step' }],
    [{ isolab: 1, type: 'back' }, { type: 'back' }],
    [{ isolab: 1, type: 'play' }, { type: 'play' }],
    [{ isolab: 1, type: 'pause' }, { type: 'pause' }],
    [{ isolab: 1, type: 'reset' }, { type: 'reset' }],
    [{ type: 'isolab:step' }, { type: 'step' }],
    [{ isolab: 1, type: 'run', line: 'getpid()' }, { type: 'run', line: 'getpid()' }],
    [{ isolab: 1, type: 'setRuntime', runtime: 'gvisor' }, { type: 'setRuntime', runtime: 'gvisor', settings: {} }],
    [{ isolab: 1, type: 'setRuntime', runtime: ' gvisor ', settings: { platform: 'kvm' } }, { type: 'setRuntime', runtime: 'gvisor', settings: { platform: 'kvm' } }],
  ])('%j reads as %j', (data, command) => {
    expect(parseDeckMessage(data)).toEqual({ ok: true, command });
  });

  it.each([
    [null, 'not an object'],
    ['step', 'not an object'],
    [[1], 'not an object'],
    [{ type: 'step' }, 'not addressed to the lab'],
    [{ isolab: 2, type: 'step' }, 'not addressed to the lab'],
    [{ isolab: 1, type: 'fly' }, "unknown type 'fly'"],
    [{ isolab: 1 }, "unknown type ''"],
    [{ isolab: 1, type: 'run' }, 'run needs a line'],
    [{ isolab: 1, type: 'run', line: '  ' }, 'run needs a line'],
    [{ isolab: 1, type: 'run', line: 'a\nb' }, 'one line'],
    [{ isolab: 1, type: 'run', line: 'x'.repeat(MAX_LINE + 1) }, 'longer than'],
    [{ isolab: 1, type: 'setRuntime' }, 'setRuntime needs a runtime'],
    [{ isolab: 1, type: 'setRuntime', runtime: 'gvisor', settings: { platform: 3 } }, 'object of strings'],
    [{ isolab: 1, type: 'setRuntime', runtime: 'gvisor', settings: 'kvm' }, 'object of strings'],
  ])('%j is refused: %s', (data, reason) => {
    const parsed = parseDeckMessage(data);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});

describe('steppedEvent', () => {
  it('says where playback is: entry, call, hop, the hop\'s layer and verdict, the strace result', () => {
    const store = createLabStore(createEngine());
    store.getState().chooseRuntime('runc');
    store.getState().submitCommand('reboot(LINUX_REBOOT_CMD_RESTART)');
    store.getState().seek(1, 0, 3);
    const s = store.getState();
    const entry = s.entries[0];
    const call = entry?.run.type === 'ran' ? entry.run.calls[0] : undefined;
    expect(steppedEvent(entry, s.playback)).toEqual({
      isolab: 1, type: 'stepped', entry: { id: 1, input: 'reboot(LINUX_REBOOT_CMD_RESTART)', runtime: 'runc' }, call: 0, hop: 3, playing: false,
      hops: call?.hops.length, layer: call?.hops[3]?.layer, verdict: call?.hops[3]?.verdict, note: call?.hops[3]?.note, result: call?.line,
    });
    expect(call?.line).toMatch(/EPERM/);
  });

  it('with nothing played, says so with nulls', () => {
    expect(steppedEvent(undefined, { call: 0, hop: 0, playing: false })).toMatchObject({ entry: null, layer: null, verdict: null, result: null, hops: 0 });
  });
});
