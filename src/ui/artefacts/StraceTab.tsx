import { useState, type DragEvent } from 'react';
import { labStore } from '../../store/labStore.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES } from './artefactsMessages.ts';
import { StraceReport } from './StraceReport.tsx';
import { useArtefacts } from './useArtefacts.ts';

/** Characters of a chosen or dropped file the textarea still shows. */
const SHOWN_MAX = 200_000;

/**
 * A real strace log in: pasted, dropped on the zone, or chosen with the file
 * input (the keyboard's way in). Reading runs chunk by chunk in the store,
 * so a log of tens of thousands of lines shows its progress.
 */
export function StraceTab() {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const status = useArtefacts((s) => s.strace);
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const load = (body: string, name: string | null) => void labStore.getState().loadStraceLog(body, name);
  const takeFile = (file: File | undefined) => {
    if (!file) return;
    file.text().then((body) => {
      // A log of megabytes in a textarea makes every keystroke slow: a big file is read, not shown.
      const shown = body.length <= SHOWN_MAX;
      setText(shown ? body : '');
      setNote(t(shown ? 'fileRead' : 'fileReadHidden', { name: file.name, kb: Math.round(body.length / 1024) }));
      load(body, file.name);
    })
      .catch(() => setNote(t('fileUnreadable', { name: file.name })));
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) takeFile(file);
    else { const body = e.dataTransfer.getData('text/plain'); if (body) { setText(body); load(body, null); } }
  };
  return (
    <div className="byo-strace">
      <p className="byo-intro">{t('straceIntro')}</p>
      <div
        className={over ? 'byo-drop over' : 'byo-drop'} onDrop={onDrop}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
      >
        <span aria-hidden="true">⇩ </span>{t('dropZone')}
        <label className="byo-file">{t('chooseFile')}<input type="file" onChange={(e) => { takeFile(e.target.files?.[0]); e.target.value = ''; }} /></label>
      </div>
      <label className="byo-label" htmlFor="byo-strace-text">{t('pasteLabel')}</label>
      <textarea id="byo-strace-text" className="byo-textarea byo-strace-text" value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      <div className="byo-actions">
        <button type="button" className="byo-primary" disabled={!text.trim()} onClick={() => { setNote(null); load(text, null); }}>{t('readLog')}</button>
        {note && <span className="byo-note" role="status">{note}</span>}
      </div>
      {status.type === 'reading' && <p className="byo-progress" role="status">{t('reading', { lines: status.linesRead, percent: status.percent })}</p>}
      {status.type === 'done' && <StraceReport report={status.report} />}
    </div>
  );
}
