import type { InspectorView } from '../../store/inspector.ts';
import { useLocalized, useMessages } from '../i18n/useMessages.ts';
import { capName } from './inspectorFormat.ts';
import { inspectorMessages } from './inspectorMessages.ts';

/** What the process may do: its effective capabilities, the bounding set against all 41, and its seccomp filter. */
export function Capabilities({ caps, seccomp }: Pick<InspectorView, 'caps' | 'seccomp'>) {
  const t = useMessages(inspectorMessages);
  const pick = useLocalized();
  return (
    <div className="insp-caps">
      <p className="insp-seccomp">
        <strong>Seccomp</strong>{' '}
        <span className={seccomp.mode === 'filter' ? 'insp-badge insp-good' : 'insp-badge insp-bad'}>{seccomp.mode === 'filter' ? t('filterOn') : t('filterOff')}</span>{' '}
        {pick(seccomp.label)}{seccomp.profile && seccomp.profile !== seccomp.label.en ? <> (<code>{seccomp.profile}</code>)</> : null}
      </p>
      {caps ? (
        <>
          <div className="insp-gauge">
            <div className="insp-gauge-head">
              <strong>{t('boundingSet')}</strong>
              <span>{t('capsOf', { n: caps.bounding, all: caps.all })}</span>
            </div>
            <div className="insp-bar insp-bar-caps" role="meter" aria-label={t('boundingSet')} aria-valuemin={0} aria-valuemax={caps.all} aria-valuenow={caps.bounding} aria-valuetext={t('capsOf', { n: caps.bounding, all: caps.all })}>
              <span style={{ width: `${(caps.bounding / Math.max(1, caps.all)) * 100}%` }} />
            </div>
          </div>
          <p className="insp-sub">{t('credentials', { uid: caps.uid, permitted: caps.permitted, nnp: caps.noNewPrivs ? t('on') : t('off') })}</p>
          <p><strong>{t('effective', { n: caps.effective.length })}</strong></p>
          <ul className="insp-chips" aria-label={t('effectiveCaps')}>
            {caps.effective.map((c) => <li key={c} title={c}>{capName(c)}</li>)}
            {caps.effective.length === 0 && <li className="insp-muted">{t('none')}</li>}
          </ul>
          {caps.notInBounding.length > 0 && (
            <details className="insp-inner">
              <summary>{t('dropped', { n: caps.notInBounding.length })}</summary>
              <ul className="insp-chips insp-chips-dropped">
                {caps.notInBounding.map((c) => <li key={c} title={c}>{capName(c)}</li>)}
              </ul>
            </details>
          )}
        </>
      ) : <p className="insp-muted">{t('noCredentials')}</p>}
    </div>
  );
}
