import type { ReactNode } from 'react';
import type { CompareView as CompareData, CompareViewRow } from '../../store/compareView.ts';
import { CompareTable } from './CompareTable.tsx';
import { HopLadder } from './HopLadder.tsx';
import { useLanguage, useMessages } from '../i18n/useMessages.ts';
import { focusCall, resultLines, resultSummary, rowFailed } from './compareFormat.ts';
import { runtimeText } from '../runtimeText.ts';
import { compareMessages } from './compareMessages.ts';
import './compare.css';

export interface CompareViewProps {
  view: CompareData;
  /** Slot for a diagram per column (the lead's d3 diagram), given the row and its column index; nothing when absent. */
  renderDiagram?: (row: CompareViewRow, index: number) => ReactNode;
  /** False when the surrounding section already names the input in its own heading. */
  heading?: boolean;
}

/**
 * One input under 2–4 runtimes side by side: per column the runtime, what
 * strace would print (red with the reason when it failed) and the call's hop
 * ladder; under the columns, the figures table.
 */
export function CompareView({ view, renderDiagram, heading = true }: CompareViewProps) {
  const t = useMessages(compareMessages);
  const rows = view.rows.slice(0, 4);
  if (rows.length === 0) return <p className="cmp-muted">{t('empty')}</p>;
  return (
    <section className="cmp" aria-label={t('comparisonOf', { input: view.input })}>
      {heading && <h2 className="cmp-input">{t('compare')} <code>{view.input}</code></h2>}
      <div className="cmp-columns" style={{ gridTemplateColumns: `repeat(${rows.length}, minmax(0, 1fr))` }}>
        {rows.map((row, i) => <Column key={i} row={row} diagram={renderDiagram?.(row, i)} />)}
      </div>
      <CompareTable rows={rows} />
    </section>
  );
}

function ResultLine({ text, failed, reason }: { text: string; failed: boolean; reason: string | null }) {
  return (
    <li className={failed ? 'cmp-bad' : 'cmp-good'}>
      <code>{text}</code>
      {reason && <span className="cmp-reason">← {reason}</span>}
    </li>
  );
}

function Column({ row, diagram }: { row: CompareViewRow; diagram?: ReactNode }) {
  const t = useMessages(compareMessages);
  const language = useLanguage();
  const { lines, more } = resultLines(row);
  const call = focusCall(row);
  return (
    <article className="cmp-column" data-runtime={row.label} aria-label={row.label}>
      <h3><code>{row.label}</code><span className="cmp-sub">{runtimeText(row.runtimeLabel, language)}</span></h3>
      {row.ok && row.calls.length > 1 && <p className={rowFailed(row) ? 'cmp-summary cmp-bad' : 'cmp-summary'}>{resultSummary(row, language)}</p>}
      <ul className="cmp-result" role={row.ok ? undefined : 'alert'}>
        {lines.map((l, i) => <ResultLine key={i} {...l} />)}
      </ul>
      {more > 0 && row.ok && (
        <details className="cmp-all">
          <summary>{t('allCalls', { n: row.calls.length })}</summary>
          <ul className="cmp-result">
            {row.calls.map((c, i) => <ResultLine key={i} text={c.line} failed={c.failed} reason={c.reason} />)}
          </ul>
        </details>
      )}
      {diagram !== undefined && diagram !== null && <div className="cmp-diagram">{diagram}</div>}
      {call && call.hops.length > 0 && (
        <>
          <p className="cmp-ladder-title">{t('pathOf')} <code>{call.name}</code> {t('hopsCount', { n: call.hops.length })}</p>
          <HopLadder call={call} />
        </>
      )}
    </article>
  );
}
