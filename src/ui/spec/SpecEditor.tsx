import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { offsetOf, type SpecProblem } from '../../store/specPane.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { specMessages, withNodes } from './specMessages.ts';

/**
 * The config.json editor. Until the person types, it follows the
 * container's config.json (or `runc spec`'s); once they have edited it,
 * nothing replaces their text but their own action (Copy, Import, runc
 * spec's default), and a refused spec leaves it as it was, with the place
 * the refusal names one key press away.
 */
export interface SpecEditorProps {
  /** What the editor shows until the person edits: the container's config.json, else runc spec's. */
  current: string | null;
  defaultText: string | null;
  problem: SpecProblem | null;
  ready: boolean;
  onRun: (text: string) => void;
}

export function SpecEditor({ current, defaultText, problem, ready, onRun }: SpecEditorProps) {
  const t = useMessages(specMessages);
  const [draft, setDraft] = useState<string | null>(null);
  const [importNote, setImportNote] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const text = draft ?? current ?? '';
  const run = () => { if (text.trim()) onRun(text); };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  };
  const onImport = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    file.text().then((read) => { setDraft(read); setImportNote(t('imported', { name: file.name, n: read.length })); })
      .catch(() => setImportNote(t('unreadable', { name: file.name })));
  };
  const goTo = () => {
    const el = area.current;
    if (!el || problem?.line == null) return;
    const at = offsetOf(text, problem.line, problem.column ?? 1);
    el.focus();
    el.setSelectionRange(at, Math.min(text.length, at + 1));
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 24;
    el.scrollTop = Math.max(0, (problem.line - 3) * lineHeight);
  };
  return (
    <section className="spec-edit" aria-label={t('editRegion')}>
      <h3><label htmlFor="spec-editor">{t('editHeading')}{draft !== null && <span className="spec-badge">{t('edited')}</span>}</label></h3>
      <textarea
        id="spec-editor" ref={area} className="spec-textarea" value={text} spellCheck={false} autoCapitalize="off" autoCorrect="off"
        onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} aria-describedby="spec-help" aria-invalid={problem?.line != null}
      />
      <div className="spec-actions" role="group" aria-label={t('actions')}>
        <button type="button" className="spec-primary" onClick={run} disabled={!ready || !text.trim()}>{t('run')}</button>
        <label className="spec-file">{t('import')}<input type="file" accept=".json,application/json" onChange={onImport} /></label>
        <button type="button" onClick={() => { setDraft(null); setImportNote(null); }} disabled={draft === null}>{t('discard')}</button>
        <button type="button" onClick={() => defaultText && setDraft(defaultText)} disabled={!defaultText}>{t('runcDefault')}</button>
      </div>
      <p id="spec-help" className="spec-help">
        {withNodes(t('help'), { path: <code>/root/mycontainer/config.json</code>, command: <code>runc run -b /root/mycontainer spec-N</code>, terminal: <code>"terminal": true</code>, args: <code>args</code> })}
      </p>
      {importNote && <p className="spec-note" role="status">{importNote}</p>}
      {problem && (
        <div className="spec-problem" role="alert">
          <p className="spec-where">
            {problem.line != null ? t('lineColumn', { line: problem.line, column: problem.column ?? 1 }) : t('refused')}
            {problem.path && <> — <code>{problem.path}</code></>}
            {problem.line != null && <button type="button" onClick={goTo}>{t('goTo', { line: problem.line })}</button>}
          </p>
          <pre className="spec-message">{problem.message}</pre>
        </div>
      )}
    </section>
  );
}
