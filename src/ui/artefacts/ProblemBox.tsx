import type { RefObject } from 'react';
import type { TextPlace } from '../../store/artefactImport.ts';
import { offsetOf } from '../../store/specPane.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES } from './artefactsMessages.ts';

/** A refusal with where it points in the pasted text, and a button that puts the caret there. */
export function ProblemBox({ area, text, message, place, path }: { area: RefObject<HTMLTextAreaElement | null>; text: string; message: string; place: TextPlace | null; path?: string | null }) {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const goTo = () => {
    const el = area.current;
    if (!el || !place) return;
    const at = offsetOf(text, place.line, place.column);
    el.focus();
    el.setSelectionRange(at, Math.min(text.length, at + 1));
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 24;
    el.scrollTop = Math.max(0, (place.line - 3) * lineHeight);
  };
  return (
    <div className="byo-problem" role="alert">
      <p className="byo-where">
        {place ? t('errorAt', { line: place.line, column: place.column }) : t('errorNoPlace')}
        {path && <> — <code>{path}</code></>}
        {place && <button type="button" onClick={goTo}>{t('goToLine', { line: place.line })}</button>}
      </p>
      <pre className="byo-message">{message}</pre>
    </div>
  );
}
