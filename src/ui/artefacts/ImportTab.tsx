import { useRef, useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { type ImportResult } from '../../store/artefacts.ts';
import { specMessageIn } from '../../store/specProblems.ts';
import { useLab } from '../useLab.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES, type ArtefactsKey } from './artefactsMessages.ts';
import { ProblemBox } from './ProblemBox.tsx';
import { useArtefacts } from './useArtefacts.ts';

const LAB_REASON: Record<Exclude<Extract<ImportResult, { type: 'error' }>['reason'], 'tool'>, ArtefactsKey> = {
  empty: 'importEmpty', notRun: 'importNotRun', loading: 'loading',
};

/** A `docker run` line (or its flags) or a config.json: the lab's container configured from it, or the tool's refusal with where it points. */
export function ImportTab() {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const result = useArtefacts((s) => s.importResult);
  const ready = useLab((s) => s.ready);
  const language = useLab((s) => s.language);
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  return (
    <div className="byo-import">
      <p className="byo-intro">{t('runIntro')}</p>
      <label className="byo-label" htmlFor="byo-import-text">{t('runLabel')}</label>
      <textarea
        id="byo-import-text" ref={area} className="byo-textarea byo-import-text" value={text} spellCheck={false}
        placeholder="docker run -it --memory 64m --cap-drop ALL debian sh" onChange={(e) => setText(e.target.value)}
      />
      <div className="byo-actions">
        <button type="button" className="byo-primary" disabled={!ready || !text.trim()} onClick={() => labStore.getState().importArtefact(text)}>{t('runIt')}</button>
      </div>
      {result?.type === 'ok' && <p className="byo-good" role="status">{result.what === 'spec' ? t('runOkSpec') : t('runOkDocker', { line: result.line })}</p>}
      {result?.type === 'error' && (
        <ProblemBox area={area} text={text} place={result.place} message={result.reason !== 'tool' ? t(LAB_REASON[result.reason]) : result.spec !== undefined ? specMessageIn(result.spec, result.message, language) : result.message} />
      )}
    </div>
  );
}
