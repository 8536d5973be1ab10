import type { TranscriptLine } from '../../store/labStore.ts';
import { CLEAR_ALL, drawBlock, eraseBlock, planTranscript, styled, WELCOME } from './screen.ts';

/**
 * What is on the terminal's screen and how to change it: the transcript
 * written so far, then the prompt block (the prompt and the line being
 * edited), which is erased and drawn again around every write so that output
 * never lands in the middle of a line. Works on any `write`/`cols`: xterm in
 * the page, a recorder in tests.
 */

export interface ScreenTarget {
  write: (data: string) => void;
  readonly cols: number;
}

/** The prompt block's content: the prompt, the line and where the cursor is in it. */
export interface Editing {
  prompt: string;
  line: string;
  cursor: number;
}

export interface TerminalScreen {
  /** Brings the screen to the store's transcript: appends what is new, or rewrites it all when it shrank or was replaced. */
  show: (transcript: readonly TranscriptLine[]) => void;
  /** Everything again from a clear screen (a clear, or a new width). */
  rewrite: (lines?: readonly TranscriptLine[]) => void;
  /** The terminal's own lines above the prompt (^C, completion candidates), not part of the transcript. */
  above: (text: string) => void;
  /** Draws the prompt block again (an edit, a new prompt). */
  redraw: () => void;
}

export function createTerminalScreen(target: ScreenTarget, editing: () => Editing, welcome: () => TranscriptLine = () => WELCOME): TerminalScreen {
  let written: readonly TranscriptLine[] = [];
  let cursorRow = 0;
  const block = () => {
    const e = editing();
    const b = drawBlock(e.prompt, e.line, e.cursor, target.cols);
    cursorRow = b.cursorRow;
    return b.text;
  };
  const lines = (list: readonly TranscriptLine[]) => list.map((l) => styled(l, target.cols)).join('');
  const above = (text: string) => target.write(`${eraseBlock(cursorRow)}${text}${block()}`);
  const rewrite = (list: readonly TranscriptLine[] = written) => {
    written = list;
    target.write(`${CLEAR_ALL}${lines(list.length ? list : [welcome()])}${block()}`);
  };
  return {
    show: (transcript) => {
      const plan = planTranscript(written, transcript);
      if (plan.type === 'rewrite') return rewrite(plan.lines);
      written = transcript;
      if (plan.type === 'append') above(lines(plan.lines));
    },
    rewrite,
    above,
    redraw: () => above(''),
  };
}
