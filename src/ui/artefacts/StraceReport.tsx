import { useState } from 'react';
import type { StraceReportView } from '../../store/artefacts.ts';
import { straceProblemText } from '../../store/artefactsProblems.ts';
import { useLanguage, useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES } from './artefactsMessages.ts';
import { ReplayChart } from './ReplayChart.tsx';
import { ReplayForm } from './ReplayForm.tsx';
import { RuntimeSummary } from './RuntimeSummary.tsx';
import { StoppedTable } from './StoppedTable.tsx';

/** Listed before "show more": a long list must not make the page slow to draw. */
const UNREADABLE_SHOWN = 50;

/** The report on one log: totals, the chart, the table per runtime, the calls one runtime would stop, and the lines the reader could not read. */
export function StraceReport({ report }: { report: StraceReportView }) {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const language = useLanguage();
  const firstDenying = report.runtimes.find((r) => r.denied > 0)?.id ?? report.runtimes[0]?.id ?? 'runc';
  const [runtime, setRuntime] = useState<string>(firstDenying);
  const chosen = report.runtimes.find((r) => r.id === runtime) ?? report.runtimes[0];
  return (
    <div className="byo-report" aria-live="polite">
      <p className="byo-totals">{t('totals', { lines: report.lines, calls: report.calls, unreadable: report.unreadable.length })}</p>
      {report.calls === 0 ? <p className="byo-warn">{t('noCalls')}</p> : (
        <>
          <ReplayChart runtimes={report.runtimes} />
          <RuntimeSummary runtimes={report.runtimes} chosen={chosen?.id ?? null} onChoose={setRuntime} />
          {chosen && <StoppedTable runtime={chosen} runtimes={report.runtimes} onRuntime={setRuntime} />}
          <ReplayForm runtimes={report.runtimes} runtime={chosen?.id ?? 'runc'} onRuntime={setRuntime} lines={report.lines} />
        </>
      )}
      {report.unreadable.length > 0 && (
        <details className="byo-unreadable" open={report.calls === 0 || report.unreadable.length <= 5}>
          <summary>{t('unreadableTitle', { n: report.unreadable.length })}</summary>
          <ul>
            {report.unreadable.slice(0, UNREADABLE_SHOWN).map((u) => (
              <li key={u.line}><strong>{t('lineN', { line: u.line })}</strong>{t('lineSep')}{straceProblemText(u.problem, language)}<br /><code>{u.text.length > 160 ? `${u.text.slice(0, 160)}…` : u.text}</code></li>
            ))}
          </ul>
          {report.unreadable.length > UNREADABLE_SHOWN && <p>{t('shownOf', { shown: UNREADABLE_SHOWN, total: report.unreadable.length })}</p>}
        </details>
      )}
    </div>
  );
}
