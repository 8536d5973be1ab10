import { useEffect, useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { runcDefaultSpec, type SpecProblem } from '../../store/specPane.ts';
import { useLab } from '../useLab.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { specMessages, withNodes } from './specMessages.ts';
import { SpecEditor } from './SpecEditor.tsx';
import './spec.css';

/**
 * The OCI runtime spec: the config.json the terminal's container was made
 * from, exactly as the runtime was given it, and an editor to change it (or
 * import one) and run it as runc would. The pane folds; folded, its summary
 * still says whose config.json it holds.
 */
export function SpecPane() {
  const specText = useLab((s) => s.specText);
  const container = useLab((s) => s.container);
  const problem = useLab((s) => s.specProblem);
  const ready = useLab((s) => s.ready);
  const language = useLab((s) => s.language);
  const [fallback, setFallback] = useState<string | null>(null);
  // The reader's refusal comes worded in both languages (the engine words it): shown in the page's.
  const shown = problem?.worded ? { ...problem, message: problem.worded[language] } : problem;
  useEffect(() => {
    let live = true;
    if (ready && fallback === null) void runcDefaultSpec().then((t) => live && setFallback(t)).catch(() => undefined);
    return () => { live = false; };
  }, [ready, fallback]);
  return (
    <SpecPaneView
      specText={specText} containerName={container?.name ?? null} problem={shown} ready={ready} defaultText={fallback}
      onRun={(text) => labStore.getState().applySpec(text)}
    />
  );
}

export interface SpecPaneViewProps {
  specText: string | null;
  containerName: string | null;
  problem: SpecProblem | null;
  ready: boolean;
  /** `runc spec`'s config.json, once loaded. */
  defaultText: string | null;
  onRun: (text: string) => void;
  open?: boolean;
}

export function SpecPaneView(p: SpecPaneViewProps) {
  const t = useMessages(specMessages);
  const name = p.containerName ? <code>{p.containerName}</code> : null;
  const whose = name ? withNodes(t('whoseOf'), { name }) : t('none');
  return (
    <section className="spec-section" aria-label={t('region')}>
      <details className="spec-pane" open={p.open ?? false}>
        <summary>
          <span className="spec-title">{t('title')}</span>
          <span className="spec-summary">{whose}</span>
        </summary>
        <div className="spec-body">
          <section className="spec-current" aria-label={t('currentRegion')}>
            <h3>{name ? withNodes(t('headingOf'), { name }) : t('headingNone')}</h3>
            {p.specText ? (
              <pre className="spec-view" tabIndex={0} aria-label={t('viewLabel', { name: p.containerName ?? t('theContainer') })}>{p.specText}</pre>
            ) : (
              <p className="spec-empty">
                {withNodes(t('empty'), { docker: <code>docker run -it …</code>, runc: <code>runc run</code>, spec: <code>runc spec</code> })}
              </p>
            )}
          </section>
          <SpecEditor current={p.specText ?? p.defaultText} defaultText={p.defaultText} problem={p.problem} ready={p.ready} onRun={p.onRun} />
        </div>
      </details>
    </section>
  );
}
