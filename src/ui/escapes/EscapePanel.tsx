import type { EscapeView } from '../../store/escapes.ts';
import { labStore } from '../../store/labStore.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useLab } from '../useLab.ts';
import { EscapeDetail } from './EscapeDetail.tsx';
import { EscapeMatrix } from './EscapeMatrix.tsx';
import { escapeMessages } from './escapeMessages.ts';
import { OUTCOME_MARK } from './outcomeMark.ts';
import './escapes.css';

/**
 * The escape lab once computed: the legend, the matrix, and the picked
 * cell's detail with its replay (in EscapeSection's chunk, loaded after the
 * page's first script).
 */
export function EscapePanel({ view }: { view: EscapeView }) {
  const t = useMessages(escapeMessages);
  const picked = useLab((s) => s.escapeCell);
  const scenario = picked && view.scenarios.find((s) => s.id === picked.scenarioId);
  const cell = scenario?.cells.find((c) => c.runtime === picked?.runtime);
  return (
    <>
      <p className="escape-intro">{t('intro')}</p>
      <ul className="escape-legend">
        <li className="outcome-stopped"><span aria-hidden="true">{OUTCOME_MARK.stopped}</span> <strong>{t('stopped')}</strong>: {t('legendStopped')}</li>
        <li className="outcome-contained"><span aria-hidden="true">{OUTCOME_MARK.contained}</span> <strong>{t('contained')}</strong>: {t('legendContained')}</li>
        <li className="outcome-through"><span aria-hidden="true">{OUTCOME_MARK.through}</span> <strong>{t('through')}</strong>: {t('legendThrough')}</li>
        <li className="outcome-not-applicable"><span aria-hidden="true">{OUTCOME_MARK['not-applicable']}</span> <strong>{t('not-applicable')}</strong>: {t('legendNa')}</li>
        <li className="escape-legend-caveat"><span aria-hidden="true">†</span> {t('legendCaveat')}</li>
      </ul>
      <EscapeMatrix view={view} selected={picked} onPick={(id, runtime) => void labStore.getState().replayEscape(id, runtime)} />
      {scenario && cell && picked ? <EscapeDetail scenario={scenario} cell={cell} entryId={picked.entryId} /> : <p className="escape-pick">{t('pick')}</p>}
    </>
  );
}
