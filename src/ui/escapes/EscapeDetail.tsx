import type { EscapeCellView, EscapeScenarioView } from '../../store/escapes.ts';
import { Diagram } from '../diagram/Diagram.tsx';
import { useMessages, useLocalized } from '../i18n/useMessages.ts';
import { escapeMessages } from './escapeMessages.ts';
import { OUTCOME_MARK } from './outcomeMark.ts';

interface Props {
  scenario: EscapeScenarioView;
  cell: EscapeCellView;
  /** The entry the diagram replays; null when the cell has no call to replay. */
  entryId: number | null;
}

/** The picked cell: its verdict, the scenario's setup and attack, its source and what the lab simplifies, and the replay. */
export function EscapeDetail({ scenario, cell, entryId }: Props) {
  const t = useMessages(escapeMessages);
  const l = useLocalized();
  return (
    <div className="escape-detail" aria-live="polite">
      <div className="escape-text">
        <h3>{l(scenario.title)} — {cell.runtime}</h3>
        <p>{l(scenario.summary)}</p>
        <p className={`escape-verdict outcome-${cell.outcome}`}>
          <strong><span aria-hidden="true">{OUTCOME_MARK[cell.outcome]} </span>{t('verdict')}: {t(cell.outcome)}</strong>{cell.gate ? ` (${cell.gate}${cell.errno ? `, ${cell.errno}` : ''})` : ''} — {l(cell.sentence)}
        </p>
        {cell.caveat && <p className="escape-caveat"><strong>† {t('caveat')}:</strong> {l(cell.caveat)}</p>}
        <dl>
          <dt>{t('setup')}</dt>
          <dd><code>{cell.setup}</code></dd>
          <dt>{t('attack')}</dt>
          <dd>{scenario.attack.map((a) => <code key={a} className="escape-line">{a}</code>)}</dd>
          <dt>{t('reaches')}</dt>
          <dd>{l(scenario.reaches)}</dd>
          <dt>{t('source')}</dt>
          <dd>
            {scenario.citation.cve ?? t('noCve')} — {scenario.citation.source} — <a href={scenario.citation.url} target="_blank" rel="noreferrer">{scenario.citation.url}</a>
          </dd>
          <dt>{t('simplifies')}</dt>
          <dd>{l(scenario.simplifies)}</dd>
        </dl>
      </div>
      <div className="escape-replay">
        {entryId !== null ? (
          <>
            <p className="escape-replay-label">{t('replaying')}</p>
            <Diagram entryId={entryId} compact />
          </>
        ) : <p>{t('noReplay')}</p>}
      </div>
    </div>
  );
}
