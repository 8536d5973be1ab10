import { useState, type FormEvent } from 'react';
import { labStore } from '../../store/labStore.ts';
import { type RuntimeReportView } from '../../store/artefacts.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES } from './artefactsMessages.ts';

/** A range of the log's lines run under a runtime: one entry in the timeline, which the diagram plays. */
export function ReplayForm({ runtimes, runtime, onRuntime, lines }: { runtimes: readonly RuntimeReportView[]; runtime: string; onRuntime: (id: string) => void; lines: number }) {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const [from, setFrom] = useState('1');
  const [to, setTo] = useState(String(Math.min(lines, 10)));
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = Number.parseInt(from, 10);
    const b = Number.parseInt(to, 10);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return;
    const count = labStore.getState().replayStraceLines(a, b, runtime);
    setNote(count === 0 ? { ok: false, text: t('replayNone', { from: Math.min(a, b), to: Math.max(a, b) }) } : { ok: true, text: t('replayed', { n: count }) });
  };
  return (
    <form className="byo-replay" onSubmit={submit} aria-label={t('replayTitle')}>
      <h4>{t('replayTitle')}</h4>
      <div className="byo-replay-row">
        <label>{t('fromLine')} <input type="number" min={1} max={lines} value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>{t('toLine')} <input type="number" min={1} max={lines} value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>{t('underRuntime')}{' '}
          <select value={runtime} onChange={(e) => onRuntime(e.target.value)}>
            {runtimes.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </label>
        <button type="submit" className="byo-primary">{t('replay')}</button>
      </div>
      <p className="byo-help">{t('replayHelp')}</p>
      {note && <p className={note.ok ? 'byo-good' : 'byo-bad'} role="status">{note.text}</p>}
    </form>
  );
}
