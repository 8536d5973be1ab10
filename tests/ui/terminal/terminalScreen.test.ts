import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../../src/store/labStore.ts';
import { CLEAR_ALL } from '../../../src/ui/terminal/screen.ts';
import { createTerminalScreen, type Editing } from '../../../src/ui/terminal/terminalScreen.ts';

/** A terminal that records what is written, with ANSI codes stripped for reading. */
function recorder(cols = 80) {
  const writes: string[] = [];
  const editing: Editing = { prompt: 'runc$ ', line: '', cursor: 0 };
  const screen = createTerminalScreen({ write: (d) => writes.push(d), cols }, () => editing);
  // eslint-disable-next-line no-control-regex
  const plain = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  return { writes, editing, screen, last: () => plain(writes.at(-1) ?? '') };
}
const L = (text: string, kind: TranscriptLine['kind'] = 'stdout'): TranscriptLine => ({ kind, text });

describe('terminalScreen', () => {
  it('starts with the welcome and the prompt on a clear screen', () => {
    const r = recorder();
    r.screen.rewrite([]);
    expect(r.writes[0]?.startsWith(CLEAR_ALL)).toBe(true);
    expect(r.last()).toContain('Type help');
    expect(r.last().endsWith('runc$ \r')).toBe(true);
  });

  it('shows the welcome it is given (the page passes it in the chosen language)', () => {
    const writes: string[] = [];
    const screen = createTerminalScreen({ write: (d) => writes.push(d), cols: 80 }, () => ({ prompt: 'runc$ ', line: '', cursor: 0 }), () => L('输入 help', 'info'));
    screen.rewrite([]);
    expect(writes[0]).toContain('输入 help');
    expect(writes[0]).not.toContain('Type help');
  });

  it('appends only the new lines, erasing the prompt block first and drawing it after', () => {
    const r = recorder();
    const a = L('runc$ getpid()', 'input');
    const b = L('getpid() = 1', 'call');
    r.screen.rewrite([]);
    r.screen.show([a, b]);
    expect(r.writes[1]?.startsWith('\r\x1b[J')).toBe(true);
    expect(r.last()).toBe('\rrunc$ getpid()\r\ngetpid() = 1\r\nrunc$ \r');
    const c = L('more');
    r.screen.show([a, b, c]);
    expect(r.last()).toBe('\rmore\r\nrunc$ \r');
  });

  it('writes nothing when the transcript did not change', () => {
    const r = recorder();
    const lines = [L('a')];
    r.screen.show(lines);
    const count = r.writes.length;
    r.screen.show([...lines]);
    expect(r.writes).toHaveLength(count);
  });

  it('rewrites from a clear screen when the transcript was cleared', () => {
    const r = recorder();
    r.screen.show([L('a'), L('b')]);
    r.screen.show([]);
    expect(r.writes.at(-1)?.startsWith(CLEAR_ALL)).toBe(true);
    expect(r.last()).not.toContain('a\r\n');
  });

  it('draws the line being edited with the cursor in it, and erases from the cursor row next time', () => {
    const r = recorder(10);
    r.editing.line = 'abcdefghijkl';
    r.editing.cursor = 2;
    r.screen.redraw();
    // 18 characters on 10 columns: the cursor (offset 8) is on row 0; the text ends on row 1.
    expect(r.writes.at(-1)).toBe('\r\x1b[J\x1b[1mrunc$ abcdefghijkl\x1b[0m\x1b[1A\r\x1b[8C');
    r.editing.cursor = 12;
    r.screen.redraw();
    r.screen.redraw();
    // The cursor (offset 18) is on row 1: erasing goes up one row first.
    expect(r.writes.at(-1)?.startsWith('\r\x1b[1A\x1b[J')).toBe(true);
  });

  it('puts the terminal\'s own lines above the prompt', () => {
    const r = recorder();
    r.screen.above('hostname  hosts\r\n');
    expect(r.last()).toBe('\rhostname  hosts\r\nrunc$ \r');
  });
});
