import { Terminal as Xterm } from '@xterm/xterm';
import type { TranscriptLine } from '../../store/labStore.ts';
import { estimateCell, fitSize, FONT_FAMILY, LINE_HEIGHT, MIN_CONTRAST, terminalTheme, type Size } from './fit.ts';
import { actionsOf, createEditor, edit, HISTORY_LIMIT, type Complete, type EditorEffect, type EditorState } from './lineEditor.ts';
import { columns, paint, visible, WELCOME } from './screen.ts';
import { createTerminalScreen, type TerminalScreen } from './terminalScreen.ts';

/**
 * The terminal as a create/update/destroy object around xterm, for React
 * effects (src/ui/CONTEXT.md). React says what to show (the transcript, the
 * prompt, theme and size); terminalScreen writes only what changed, and the
 * line editor (lineEditor.ts) runs on the keys xterm reads.
 */

export interface TerminalFrame {
  transcript: readonly TranscriptLine[];
  /** `runc$ ` */
  prompt: string;
  theme: 'light' | 'dark';
  fontPx: number;
  /** Lines run earlier (a restored session), for ↑ before anything is typed. */
  history: readonly string[];
  /** What an empty terminal shows, in the page's language. */
  welcome?: string;
}

export interface TerminalHandlers {
  submit: (text: string) => void;
  complete: Complete;
  /** Ctrl-L: the store forgets the transcript. */
  clearScreen: () => void;
}

export interface XtermView {
  update: (frame: TerminalFrame) => void;
  /** Fits columns and rows to the host element (on resize). */
  fit: () => void;
  focus: () => void;
  destroy: () => void;
}

/** xterm measures its cell after rendering; @xterm/addon-fit reads the same private field. */
type Measured = { _core?: { _renderService?: { dimensions?: { css?: { cell?: Size } } } } };
const cellOf = (term: Xterm, fontPx: number): Size => {
  const cell = (term as unknown as Measured)._core?._renderService?.dimensions?.css?.cell;
  return cell && cell.width > 0 && cell.height > 0 ? cell : estimateCell(fontPx);
};

/** The host's size inside its padding: what xterm's rows and columns may fill. */
function contentBox(el: HTMLElement): Size {
  const style = getComputedStyle(el);
  const px = (v: string) => Number.parseFloat(v) || 0;
  return {
    width: el.clientWidth - px(style.paddingLeft) - px(style.paddingRight),
    height: el.clientHeight - px(style.paddingTop) - px(style.paddingBottom),
  };
}

/**
 * Keys the browser should have rather than xterm. Keyboard users must be able
 * to leave: Shift-Tab, or Escape then Tab, moves focus on as the page would.
 * Paste (Ctrl-V) and copy of a selection (Ctrl-C) are the browser's; xterm
 * would send ^V and ^C.
 */
function browserKeys(term: Xterm): (e: KeyboardEvent) => boolean {
  let escaped = false;
  return (e) => {
    if (e.type !== 'keydown') return true;
    const wasEscaped = escaped;
    escaped = e.key === 'Escape';
    const ctrl = (e.ctrlKey || e.metaKey) && !e.altKey;
    if (e.key === 'Tab' && (e.shiftKey || wasEscaped)) return false;
    if (ctrl && (e.key === 'v' || e.key === 'V')) return false;
    if (ctrl && (e.key === 'c' || e.key === 'C') && term.hasSelection()) return false;
    return e.key !== 'Escape';
  };
}

/** Runs xterm's input through the editor and does what the editor says. */
function onInput(state: { editor: EditorState }, screen: TerminalScreen, handlers: TerminalHandlers, prompt: () => string, cols: () => number) {
  const effect = (e: EditorEffect) => {
    if (e.type === 'submitted') handlers.submit(e.text);
    else if (e.type === 'interrupted') screen.above(`${paint('1', prompt() + visible(e.line))}^C\r\n`);
    else if (e.type === 'screenCleared') {
      screen.rewrite([]);
      handlers.clearScreen();
    } else if (e.type === 'candidatesListed') screen.above(columns(e.candidates, cols()).map((row) => `${paint('36', row)}\r\n`).join(''));
  };
  return (data: string) => {
    for (const action of actionsOf(data)) {
      const before = state.editor;
      const r = edit(before, action, handlers.complete);
      state.editor = r.state;
      // An entered line leaves the prompt empty until the store echoes it into the transcript.
      if (r.state.line !== before.line || r.state.cursor !== before.cursor) screen.redraw();
      r.effects.forEach(effect);
    }
  };
}

export function createXtermView(host: HTMLElement, handlers: TerminalHandlers): XtermView {
  let frame: TerminalFrame = { transcript: [], prompt: '$ ', theme: 'light', fontPx: 18, history: [] };
  const term = new Xterm({
    fontFamily: FONT_FAMILY, fontSize: frame.fontPx, lineHeight: LINE_HEIGHT, theme: terminalTheme(frame.theme), minimumContrastRatio: MIN_CONTRAST,
    cursorBlink: false, cursorStyle: 'block', scrollback: 10_000, screenReaderMode: true, allowProposedApi: false,
  });
  const state = { editor: createEditor() };
  const screen = createTerminalScreen(term, () => ({ prompt: frame.prompt, line: state.editor.line, cursor: state.editor.cursor }), () => ({ ...WELCOME, text: frame.welcome ?? WELCOME.text }));
  term.attachCustomKeyEventHandler(browserKeys(term));
  const data = term.onData(onInput(state, screen, handlers, () => frame.prompt, () => term.cols));
  term.open(host);
  screen.rewrite([]);
  let refit = 0;

  const fit = () => {
    const size = fitSize(contentBox(host), cellOf(term, frame.fontPx));
    if (!size || (size.cols === term.cols && size.rows === term.rows)) return;
    term.resize(size.cols, size.rows);
    // Writes still queued were laid out for the old width; drawing everything again leaves nothing misplaced.
    screen.rewrite();
  };

  const update = (next: TerminalFrame) => {
    if (next.theme !== frame.theme) term.options.theme = terminalTheme(next.theme);
    if (next.fontPx !== frame.fontPx) {
      term.options.fontSize = next.fontPx;
      // xterm measures the new cell when it next renders: fit then.
      cancelAnimationFrame(refit);
      refit = requestAnimationFrame(fit);
    }
    if (state.editor.history.length === 0 && next.history.length > 0) state.editor = { ...state.editor, history: next.history.slice(-HISTORY_LIMIT) };
    const promptChanged = next.prompt !== frame.prompt;
    const welcomeChanged = next.welcome !== frame.welcome;
    frame = next;
    // An empty terminal shows the welcome line: a new language writes it again.
    if (welcomeChanged && next.transcript.length === 0) screen.rewrite([]);
    else screen.show(next.transcript);
    if (promptChanged) screen.redraw();
  };

  return {
    update,
    fit,
    focus: () => term.focus(),
    destroy: () => {
      cancelAnimationFrame(refit);
      data.dispose();
      term.dispose();
    },
  };
}
