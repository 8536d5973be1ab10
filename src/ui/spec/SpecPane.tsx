import { useEffect, useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { runcDefaultSpec, type SpecProblem } from '../../store/specPane.ts';
import { useLab } from '../useLab.ts';
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
  const [fallback, setFallback] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (ready && fallback === null) void runcDefaultSpec().then((t) => live && setFallback(t)).catch(() => undefined);
    return () => { live = false; };
  }, [ready, fallback]);
  return (
    <SpecPaneView
      specText={specText} containerName={container?.name ?? null} problem={problem} ready={ready} defaultText={fallback}
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
  const whose = p.containerName ? <>of <code>{p.containerName}</code>, as the runtime was given it</> : <>no container yet</>;
  return (
    <section className="spec-section" aria-label="OCI runtime spec">
      <details className="spec-pane" open={p.open ?? false}>
        <summary>
          <span className="spec-title">OCI runtime spec (config.json)</span>
          <span className="spec-summary">{whose}</span>
        </summary>
        <div className="spec-body">
          <section className="spec-current" aria-label="The container's config.json">
            <h3>config.json {whose}</h3>
            {p.specText ? (
              <pre className="spec-view" tabIndex={0} aria-label={`config.json of ${p.containerName ?? 'the container'}`}>{p.specText}</pre>
            ) : (
              <p className="spec-empty">
                Run <code>docker run -it …</code> or <code>runc run</code> to see a container's config.json.
                Until then the editor starts from what <code>runc spec</code> writes.
              </p>
            )}
          </section>
          <SpecEditor current={p.specText ?? p.defaultText} defaultText={p.defaultText} problem={p.problem} ready={p.ready} onRun={p.onRun} />
        </div>
      </details>
    </section>
  );
}
