import { labStore } from '../store/labStore.ts';
import { CompareView } from './compare/CompareView.tsx';
import { Diagram } from './diagram/Diagram.tsx';
import { useMessages } from './i18n/useMessages.ts';
import { labPartsMessages } from './labPartsMessages.ts';
import { useLab } from './useLab.ts';

/**
 * `compare`: the same input in 2–4 runtimes side by side, in step (the
 * playback position drives every column), each from a fresh boot.
 */
export function CompareSection() {
  const t = useMessages(labPartsMessages);
  const comparison = useLab((s) => s.comparison);
  const open = useLab((s) => s.showCompare);
  const entries = useLab((s) => s.entries);
  const figures = useLab((s) => s.compareView);
  const message = useLab((s) => s.compareMessage);
  if (!comparison || !open) return null;
  const columns = comparison.columns.map((c) => ({ ...c, entry: entries.find((e) => e.id === c.entryId) }));
  return (
    <section className="compare-section" aria-label={t('comparisonOf', { input: comparison.input })}>
      <div className="compare-head">
        <h2>{t('compareHeading')} <code>{comparison.input}</code></h2>
        <button type="button" onClick={() => labStore.getState().setShowCompare(false)}>{t('close')}</button>
      </div>
      {message && <p className="message" role="alert">{message}</p>}
      {figures && (
        <CompareView
          view={figures}
          heading={false}
          renderDiagram={(row, i) => {
            const col = columns[i];
            return row.ok && col?.entry?.run.type === 'ran' ? <Diagram entryId={col.entryId} compact /> : null;
          }}
        />
      )}
    </section>
  );
}
