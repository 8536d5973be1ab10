import { useEffect, useId, useRef } from 'react';
import '@xterm/xterm/css/xterm.css';
import type { Completion } from '../../store/completion.ts';
import { labStore, promptText, type LabState } from '../../store/labStore.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useLab } from '../useLab.ts';
import { terminalFontPx } from './fit.ts';
import type { TerminalHandlers } from './xtermView.ts';
import { createXtermView, type XtermView } from './xtermView.ts';
import { terminalMessages } from './terminalMessages.ts';
import './terminal.css';

/** The store's line actions; `submitLine` (lab commands first) and `complete` are optional until the store has them. */
export type TerminalStore = Pick<LabState, 'submitCommand' | 'clearTranscript'> & {
  submitLine?: (text: string) => void;
  complete?: (line: string, cursor: number) => Completion;
};

/** What the terminal asks of the store: a line run (as a lab command when it is one), a completion, a clear screen. */
export function storeHandlers(get: () => TerminalStore): TerminalHandlers {
  return {
    submit: (text) => {
      const s = get();
      (s.submitLine ?? s.submitCommand)(text);
    },
    complete: (line, cursor) => get().complete?.(line, cursor),
    clearScreen: () => get().clearTranscript(),
  };
}

/**
 * The lab's terminal: the store's transcript, coloured by kind, and a prompt
 * with line editing, history and Tab completion (xtermView). It fills its
 * pane; the type follows the presenter size and the theme.
 */
export function Terminal() {
  const transcript = useLab((s) => s.transcript);
  const runtimeId = useLab((s) => s.runtimeId);
  const container = useLab((s) => s.container);
  const theme = useLab((s) => s.theme);
  const fontScale = useLab((s) => s.fontScale);
  const entries = useLab((s) => s.entries);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<XtermView | null>(null);
  const hintId = useId();
  const t = useMessages(terminalMessages);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const v = createXtermView(el, storeHandlers(() => labStore.getState()));
    view.current = v;
    el.querySelector('textarea')?.setAttribute('aria-describedby', hintId);
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => v.fit());
    };
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
    observer?.observe(el);
    fit();
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      v.destroy();
      view.current = null;
    };
  }, [hintId]);

  useEffect(() => {
    view.current?.update({ transcript, prompt: promptText(runtimeId, container), theme, fontPx: terminalFontPx(fontScale), history: entries.filter((e) => !e.compared).map((e) => e.input), welcome: t('welcome') });
  }, [transcript, runtimeId, container, theme, fontScale, entries, t]);

  return (
    <div className="terminal">
      <p className="terminal-hint" id={hintId}>
        {`${t('hintType')} `}<kbd>help</kbd>{`${t('hintAfterHelp')} `}<kbd>Tab</kbd>{` ${t('hintCompletes')} `}<kbd>↑</kbd> <kbd>↓</kbd>
        {` ${t('hintRecall')} `}<kbd>Shift</kbd>+<kbd>Tab</kbd>{` ${t('hintLeaves')}`}
      </p>
      <div className="terminal-host" ref={host} data-theme={theme} />
    </div>
  );
}
