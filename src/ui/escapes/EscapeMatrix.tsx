import type { EscapeView } from '../../store/escapes.ts';
import { useMessages, useLocalized } from '../i18n/useMessages.ts';
import { escapeMessages } from './escapeMessages.ts';
import { OUTCOME_MARK } from './outcomeMark.ts';

interface Props {
  view: EscapeView;
  selected: { scenarioId: string; runtime: string } | null;
  onPick: (scenarioId: string, runtime: string) => void;
}

/** Scenarios as rows, runtimes as columns; each cell a button with its outcome's mark, word and gate. */
export function EscapeMatrix({ view, selected, onPick }: Props) {
  const t = useMessages(escapeMessages);
  const l = useLocalized();
  return (
    <div className="escape-matrix-wrap">
      <table className="escape-matrix" aria-label={t('matrixLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('scenario')}</th>
            {view.runtimes.map((r) => <th scope="col" key={r.id}>{r.id}</th>)}
          </tr>
        </thead>
        <tbody>
          {view.scenarios.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <span className="escape-title">{l(s.title)}</span>
              </th>
              {s.cells.map((c) => {
                const on = selected?.scenarioId === s.id && selected.runtime === c.runtime;
                const gate = c.gate ? ` · ${c.gate}` : '';
                return (
                  <td key={c.runtime} className={`escape-cell outcome-${c.outcome}`}>
                    <button
                      type="button"
                      aria-pressed={on}
                      data-cell={`${s.id}/${c.runtime}`}
                      title={l(c.sentence)}
                      aria-label={`${t('cellLabel', { scenario: l(s.title), runtime: c.runtime, outcome: t(c.outcome), gate })}${c.caveat ? t('caveatMark') : ''}`}
                      onClick={() => onPick(s.id, c.runtime)}
                    >
                      <span className="mark" aria-hidden="true">{OUTCOME_MARK[c.outcome]}</span>
                      <span className="word-line">
                        <span className="word">{t(c.outcome)}</span>
                        {c.caveat && <sup className="caveat-mark" aria-hidden="true">†</sup>}
                      </span>
                      {c.gate && <span className="gate">{c.gate}</span>}
                      {c.errno && <span className="errno">{c.errno}</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
