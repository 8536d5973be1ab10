import type { RuntimeReportView } from '../../store/artefacts.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES } from './artefactsMessages.ts';

/** One row per runtime: calls that run, would fail, differ from the log, and who stops them; a row's button shows its failing calls. */
export function RuntimeSummary({ runtimes, chosen, onChoose }: { runtimes: readonly RuntimeReportView[]; chosen: string | null; onChoose: (id: string) => void }) {
  const t = useMessages(ARTEFACTS_MESSAGES);
  return (
    <table className="byo-table byo-summary-table">
      <caption>{t('summaryTable')}</caption>
      <thead>
        <tr><th scope="col">{t('colRuntime')}</th><th scope="col">{t('colRun')}</th><th scope="col">{t('colFail')}</th><th scope="col">{t('colDiffers')}</th><th scope="col">{t('colStoppedBy')}</th></tr>
      </thead>
      <tbody>
        {runtimes.map((r) => (
          <tr key={r.id} aria-current={r.id === chosen ? 'true' : undefined} data-runtime={r.id}>
            <th scope="row"><button type="button" className="byo-link" onClick={() => onChoose(r.id)}>{r.label}</button></th>
            <td>{r.allowed}</td>
            <td className={r.denied > 0 ? 'byo-bad' : undefined}>{r.denied > 0 ? `✗ ${r.denied}` : '0'}</td>
            <td>{r.differs}</td>
            <td>{r.denials.length ? r.denials.map((d) => `${d.count} × ${d.layer} ${d.errno ?? 'SIGSYS'}`).join(', ') : t('none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
