import { useRef, type ChangeEvent } from 'react';
import { labStore } from '../../store/labStore.ts';
import { PROFILE_PATH, PROFILE_RUN_LINE } from '../../store/artefacts.ts';
import { useLab } from '../useLab.ts';
import { seccompProblemText } from '../../store/artefactsProblems.ts';
import { useLanguage, useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES } from './artefactsMessages.ts';
import { ProblemBox } from './ProblemBox.tsx';
import { VerdictTable } from './VerdictTable.tsx';
import { useArtefacts } from './useArtefacts.ts';

/**
 * The profile editor: Docker's JSON, checked as the person types (the store
 * debounces), errors with line and column, the verdicts against Docker's
 * default, and a button that starts a container under the profile.
 */
export function SeccompTab() {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const language = useLanguage();
  const draft = useArtefacts((s) => s.seccompDraft);
  const check = useArtefacts((s) => s.seccompCheck);
  const ready = useLab((s) => s.ready);
  const area = useRef<HTMLTextAreaElement>(null);
  const { setSeccompDraft, loadDockerDefault, useSeccompProfile: useProfile } = labStore.getState();
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    void file?.text().then((body) => setSeccompDraft(body)).catch(() => undefined);
  };
  const error = draft.trim() && check?.type === 'error' ? check : null;
  return (
    <div className="byo-seccomp">
      <p className="byo-intro">{t('seccompIntro')}</p>
      <div className="byo-actions">
        <button type="button" onClick={() => void loadDockerDefault()}>{t('loadDefault')}</button>
        <label className="byo-file">{t('chooseProfile')}<input type="file" accept=".json,application/json" onChange={onFile} /></label>
      </div>
      <label className="byo-label" htmlFor="byo-seccomp-text">{t('profileLabel')}</label>
      <textarea
        id="byo-seccomp-text" ref={area} className="byo-textarea byo-seccomp-text" value={draft} spellCheck={false}
        aria-invalid={error !== null} onChange={(e) => setSeccompDraft(e.target.value)}
      />
      {!draft.trim() && <p className="byo-help">{t('emptyProfile')}</p>}
      {error && <ProblemBox area={area} text={draft} message={seccompProblemText(error, language)} place={error.line !== null ? { line: error.line, column: error.column ?? 1 } : null} path={error.path} />}
      {draft.trim() && check?.type === 'ok' && (
        <>
          <div className="byo-actions">
            <button type="button" className="byo-primary" disabled={!ready} onClick={() => useProfile()}>{t('useProfile')}</button>
          </div>
          <p className="byo-help">{t('useHelp', { path: PROFILE_PATH, line: PROFILE_RUN_LINE })}</p>
          <p className="byo-good" role="status">{t('profileOk', { rules: check.rules, action: check.defaultAction })}</p>
          {check.defaultChanged && <p className="byo-warn">{t('defaultChanged')}</p>}
          <VerdictTable check={check} />
        </>
      )}
    </div>
  );
}
