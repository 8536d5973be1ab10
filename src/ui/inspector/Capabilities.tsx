import type { InspectorView } from '../../store/inspector.ts';
import { capName } from './inspectorFormat.ts';

/** What the process may do: its effective capabilities, the bounding set against all 41, and its seccomp filter. */
export function Capabilities({ caps, seccomp }: Pick<InspectorView, 'caps' | 'seccomp'>) {
  return (
    <div className="insp-caps">
      <p className="insp-seccomp">
        <strong>Seccomp</strong>{' '}
        <span className={seccomp.mode === 'filter' ? 'insp-badge insp-good' : 'insp-badge insp-bad'}>{seccomp.mode === 'filter' ? 'filter' : 'off'}</span>{' '}
        {seccomp.label}{seccomp.profile && seccomp.profile !== seccomp.label ? <> (<code>{seccomp.profile}</code>)</> : null}
      </p>
      {caps ? (
        <>
          <div className="insp-gauge">
            <div className="insp-gauge-head">
              <strong>Bounding set</strong>
              <span>{caps.bounding} of {caps.all} capabilities</span>
            </div>
            <div className="insp-bar insp-bar-caps" role="meter" aria-label="Bounding set" aria-valuemin={0} aria-valuemax={caps.all} aria-valuenow={caps.bounding} aria-valuetext={`${caps.bounding} of ${caps.all} capabilities`}>
              <span style={{ width: `${(caps.bounding / Math.max(1, caps.all)) * 100}%` }} />
            </div>
          </div>
          <p className="insp-sub">uid {caps.uid} · {caps.permitted} permitted · no_new_privs {caps.noNewPrivs ? 'on' : 'off'}</p>
          <p><strong>Effective ({caps.effective.length})</strong></p>
          <ul className="insp-chips" aria-label="Effective capabilities">
            {caps.effective.map((c) => <li key={c} title={c}>{capName(c)}</li>)}
            {caps.effective.length === 0 && <li className="insp-muted">none</li>}
          </ul>
          {caps.notInBounding.length > 0 && (
            <details className="insp-inner">
              <summary>Dropped from the bounding set ({caps.notInBounding.length})</summary>
              <ul className="insp-chips insp-chips-dropped">
                {caps.notInBounding.map((c) => <li key={c} title={c}>{capName(c)}</li>)}
              </ul>
            </details>
          )}
        </>
      ) : <p className="insp-muted">No credentials could be read.</p>}
    </div>
  );
}
