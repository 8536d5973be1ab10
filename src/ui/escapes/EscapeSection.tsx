import { useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useLab } from '../useLab.ts';
import { escapeLabMessages } from './escapeLabMessages.ts';
import { EscapePanel } from './EscapePanel.tsx';
import './escapeLab.css';

/**
 * The escape lab's section (issue 6): the matrix of attacks × runtimes,
 * computed on demand (the button, or the `escapes` command); a cell replays
 * its run in the diagram and shows its source and what the lab simplifies.
 */
export default function EscapeSection() {
  const t = useMessages(escapeLabMessages);
  const view = useLab((s) => s.escapes);
  const [busy, setBusy] = useState(false);
  const open = () => {
    setBusy(true);
    void labStore.getState().openEscapes().finally(() => setBusy(false));
  };
  return (
    <section className="escape-lab" aria-labelledby="escape-lab-heading">
      <h2 id="escape-lab-heading">{t('heading')}</h2>
      {!view && <p className="escape-intro">{t('lead')}</p>}
      {!view && (
        <button type="button" className="escape-run" onClick={open} disabled={busy} aria-busy={busy}>
          {busy ? t('running') : t('run')}
        </button>
      )}
      {view && (
        <EscapePanel view={view} />
      )}
    </section>
  );
}
