import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { offsetOf, type SpecProblem } from '../../store/specPane.ts';

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
    file.text().then((t) => { setDraft(t); setImportNote(`Imported ${file.name} (${t.length} characters). Run it to see whether runc accepts it.`); })
      .catch(() => setImportNote(`Could not read ${file.name}; the editor is unchanged.`));
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
    <section className="spec-edit" aria-label="Edit and run config.json">
      <h3><label htmlFor="spec-editor">Edit config.json{draft !== null && <span className="spec-badge">edited</span>}</label></h3>
      <textarea
        id="spec-editor" ref={area} className="spec-textarea" value={text} spellCheck={false} autoCapitalize="off" autoCorrect="off"
        onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} aria-describedby="spec-help" aria-invalid={problem?.line != null}
      />
      <div className="spec-actions" role="group" aria-label="config.json actions">
        <button type="button" className="spec-primary" onClick={run} disabled={!ready || !text.trim()}>Run this spec</button>
        <label className="spec-file">Import config.json<input type="file" accept=".json,application/json" onChange={onImport} /></label>
        <button type="button" onClick={() => { setDraft(null); setImportNote(null); }} disabled={draft === null}>Discard my edits</button>
        <button type="button" onClick={() => defaultText && setDraft(defaultText)} disabled={!defaultText}>runc spec's default</button>
      </div>
      <p id="spec-help" className="spec-help">
        Run saves the text to <code>/root/mycontainer/config.json</code> and runs <code>runc run -b /root/mycontainer spec-N</code> on the lab's host
        (Ctrl+Enter in the editor). With <code>"terminal": true</code> and a shell in <code>args</code>, the terminal goes into the new container.
      </p>
      {importNote && <p className="spec-note" role="status">{importNote}</p>}
      {problem && (
        <div className="spec-problem" role="alert">
          <p className="spec-where">
            {problem.line != null ? <>Line {problem.line}, column {problem.column ?? 1}</> : <>runc refused it</>}
            {problem.path && <> — <code>{problem.path}</code></>}
            {problem.line != null && <button type="button" onClick={goTo}>Go to line {problem.line}</button>}
          </p>
          <pre className="spec-message">{problem.message}</pre>
        </div>
      )}
    </section>
  );
}
