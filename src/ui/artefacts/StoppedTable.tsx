import { useEffect, useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { type RuntimeReportView } from '../../store/artefacts.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES } from './artefactsMessages.ts';

/** Rows drawn at first and per "show more": tens of thousands of rows would stall the page. */
const PAGE = 100;

/** The calls one runtime would stop, in log order: line, call, the layer that stops it, errno; each row can be played in the diagram. */
export function StoppedTable({ runtime, runtimes, onRuntime }: { runtime: RuntimeReportView; runtimes: readonly RuntimeReportView[]; onRuntime: (id: string) => void }) {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [runtime]);
  const rows = runtime.stopped.slice(0, shown);
  return (
    <section className="byo-stopped" aria-label={`${t('failingFor')} ${runtime.label}`}>
      <h4>
        <label htmlFor="byo-stopped-runtime">{t('failingFor')} </label>
        <select id="byo-stopped-runtime" value={runtime.id} onChange={(e) => onRuntime(e.target.value)}>
          {runtimes.map((r) => <option key={r.id} value={r.id}>{`${r.label} (✗ ${r.denied})`}</option>)}
        </select>
      </h4>
      {runtime.stopped.length === 0 ? <p className="byo-good">{t('allPass', { runtime: runtime.label })}</p> : (
        <table className="byo-table byo-stopped-table">
          <thead>
            <tr><th scope="col">{t('colLine')}</th><th scope="col">{t('colCall')}</th><th scope="col">{t('colGate')}</th><th scope="col">{t('colErrno')}</th><th scope="col">{t('colWhy')}</th><th scope="col"><span className="byo-sr">{t('replay')}</span></th></tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.line}>
                <td className="byo-num">{s.line}</td>
                <td><code>{s.name}</code></td>
                <td>{s.layer}</td>
                <td><code>{s.errno ?? t('killed')}</code></td>
                <td className="byo-why">{s.reason}</td>
                <td><button type="button" onClick={() => labStore.getState().replayStraceLines(s.line, s.line, runtime.id)}>{t('replayRow', { line: s.line })}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runtime.stopped.length > shown && (
        <p className="byo-more">
          {t('shownOf', { shown, total: runtime.stopped.length })}{' '}
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>{t('showMore', { n: Math.min(PAGE, runtime.stopped.length - shown) })}</button>
        </p>
      )}
    </section>
  );
}
