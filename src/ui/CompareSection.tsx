import { labStore } from '../store/labStore.ts';
import { Diagram } from './diagram/Diagram.tsx';
import { useLab } from './useLab.ts';

/**
 * `compare`: the same input in 2–4 runtimes side by side, in step (the
 * playback position drives every column), each from a fresh boot.
 */
export function CompareSection() {
  const comparison = useLab((s) => s.comparison);
  const open = useLab((s) => s.showCompare);
  const entries = useLab((s) => s.entries);
  if (!comparison || !open) return null;
  const columns = comparison.columns.map((c) => ({ ...c, entry: entries.find((e) => e.id === c.entryId) }));
  return (
    <section className="compare-section" aria-label={`Comparison of ${comparison.input}`}>
      <div className="compare-head">
        <h2>Compare: <code>{comparison.input}</code></h2>
        <button type="button" onClick={() => labStore.getState().setShowCompare(false)}>Close</button>
      </div>
      <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
        {columns.map((c) => (
          <div className="compare-column" key={c.entryId} data-runtime={c.label}>
            <h3>{c.label}</h3>
            {c.entry?.run.type === 'refused'
              ? <p className="message" role="alert">{c.entry.run.message}</p>
              : <Diagram entryId={c.entryId} compact />}
          </div>
        ))}
      </div>
    </section>
  );
}
