import { useId, useState } from 'react';
import { useMessages } from '../i18n/useMessages.ts';
import { embedMessages } from './embedMessages.ts';

/** A labelled read-only text with a Copy button; when the clipboard is refused it says so, and the text is there to select. */
export function CopyField({ label, text, rows = 1, name }: { label: string; text: string; rows?: number; name: string }) {
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const t = useMessages(embedMessages);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('refused');
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {rows > 1
        ? <textarea id={id} readOnly rows={rows} value={text} data-snippet={name} onFocus={(e) => e.currentTarget.select()} />
        : <input id={id} readOnly value={text} data-snippet={name} onFocus={(e) => e.currentTarget.select()} />}
      <button type="button" onClick={() => void copy()}>{t('copy')}</button>
      <span className="copy-state" aria-live="polite">{state === 'copied' ? t('copied') : state === 'refused' ? t('copyRefused') : ''}</span>
    </div>
  );
}
