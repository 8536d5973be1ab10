import { useEffect, useRef, useState } from 'react';
import type { Language } from '../../sim/text/language.ts';
import { labStore, SPEEDS } from '../../store/labStore.ts';
import { encodeSession, sharedOf } from '../../store/urlSession.ts';
import { EMBED_PANELS, LANGUAGES, LANGUAGE_NAMES, NO_SETTINGS, urlOf, type Panel, type UrlSettings } from '../../store/urlState.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useLab } from '../useLab.ts';
import { runtimeText } from '../runtimeText.ts';
import { CopyField } from './CopyField.tsx';
import { embedMessages } from './embedMessages.ts';
import { embedSnippets } from './snippets.ts';
import './embed.css';

const CHOOSABLE: readonly Panel[] = ['terminal', 'diagram', 'timeline', 'inspector', 'spec', 'compare'];

interface Choice {
  panels: Panel[];
  runtime: string;
  commands: string;
  lesson: string;
  step: string;
  theme: '' | 'light' | 'dark';
  lang: '' | Language;
  speed: string;
  presenter: boolean;
  still: boolean;
  session: boolean;
}

/** The URL a choice makes (`s` is the encoded session, when it is included). */
export function settingsOf(c: Choice, runtimeOptions: Record<string, string>, s: string | null): UrlSettings {
  const step = Number(c.step);
  return {
    ...NO_SETTINGS,
    embed: true,
    panels: c.panels.length === EMBED_PANELS.length && EMBED_PANELS.every((p) => c.panels.includes(p)) ? null : c.panels,
    runtime: c.runtime ? { id: c.runtime, options: runtimeOptions } : null,
    run: c.commands.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
    lesson: c.lesson.trim() ? { id: c.lesson.trim(), step: Number.isInteger(step) && step >= 1 ? step : null } : null,
    theme: c.theme || null,
    lang: c.lang || null,
    speed: c.speed ? Number(c.speed) : null,
    presenter: c.presenter,
    still: c.still,
    session: c.session ? s : null,
  };
}

/**
 * Embed: choose what the embedded lab shows, get its URL and the snippet for
 * plain HTML, reveal.js and Slidev (snippets.ts). A modal <dialog>: the page
 * behind is inert while it is open (focus stays inside), Esc closes it, and
 * focus returns to the button that opened it.
 */
export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages(embedMessages);
  const runtimes = useLab((s) => s.runtimes);
  const state = labStore.getState();
  const pageLanguage = useLab((st) => st.language);
  const dialog = useRef<HTMLDialogElement>(null);
  const [c, setC] = useState<Choice>({ panels: [...EMBED_PANELS], runtime: state.runtimeId, commands: '', lesson: '', step: '', theme: '', lang: state.language, speed: '', presenter: false, still: false, session: false });
  const [session, setSession] = useState<string | null>(null);
  useEffect(() => {
    const opener = document.activeElement;
    dialog.current?.showModal();
    return () => {
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  useEffect(() => {
    if (c.session && session === null) void encodeSession(sharedOf(labStore.getState())).then(setSession);
  }, [c.session, session]);
  const set = (patch: Partial<Choice>) => setC({ ...c, ...patch });
  const options = c.runtime === state.runtimeId ? state.options[state.runtimeId] ?? {} : {};
  const url = urlOf(`${window.location.origin}${window.location.pathname}`, settingsOf(c, options, session));
  const snippets = embedSnippets(url, undefined, pageLanguage);
  const togglePanel = (p: Panel) => set({ panels: c.panels.includes(p) ? c.panels.filter((x) => x !== p) : [...c.panels, p] });
  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby="embed-title" onCancel={(e) => { e.preventDefault(); onClose(); }} onKeyDown={(e) => {
      // Esc closes (handled here, so the page's own Esc — give the keyboard back — does not also run).
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    }}>
      <h2 id="embed-title">{t('title')}</h2>
      <p className="embed-intro">{t('intro')}</p>
      <div className="embed-form">
        <fieldset>
          <legend>{t('panels')}</legend>
          {CHOOSABLE.map((p) => (
            <label key={p}><input type="checkbox" checked={c.panels.includes(p)} onChange={() => togglePanel(p)} /> {t(p as 'terminal')}</label>
          ))}
        </fieldset>
        <fieldset>
          <label>{t('runtime')}
            <select value={c.runtime} onChange={(e) => set({ runtime: e.target.value })}>
              <option value="">{t('none')}</option>
              {runtimes.map((r) => <option key={r.id} value={r.id}>{r.id === state.runtimeId ? `${runtimeText(r.label, state.language)} ${t('asNow', { runtime: r.id })}` : runtimeText(r.label, state.language)}</option>)}
            </select>
          </label>
          <label>{t('theme')}
            <select value={c.theme} onChange={(e) => set({ theme: e.target.value as Choice['theme'] })}>
              <option value="">{t('none')}</option><option value="light">{t('light')}</option><option value="dark">{t('dark')}</option>
            </select>
          </label>
          <label>{t('language')}
            <select value={c.lang} onChange={(e) => set({ lang: e.target.value as Choice['lang'] })}>
              <option value="">{t('none')}</option>
              {LANGUAGES.map((l) => <option key={l} value={l}>{LANGUAGE_NAMES[l]}</option>)}
            </select>
          </label>
          <label>{t('speed')}
            <select value={c.speed} onChange={(e) => set({ speed: e.target.value })}>
              <option value="">{t('none')}</option>
              {SPEEDS.map((s) => <option key={s} value={String(s)}>{`${s}×`}</option>)}
            </select>
          </label>
          <label>{t('lesson')}<input value={c.lesson} onChange={(e) => set({ lesson: e.target.value })} /></label>
          <label>{t('step')}<input type="number" min={1} value={c.step} onChange={(e) => set({ step: e.target.value })} /></label>
        </fieldset>
        <label className="embed-commands">{t('commands')}
          <textarea rows={3} value={c.commands} onChange={(e) => set({ commands: e.target.value })} placeholder={'getpid()\ncat /etc/hostname'} />
        </label>
        <fieldset className="embed-flags">
          <label><input type="checkbox" checked={c.presenter} onChange={(e) => set({ presenter: e.target.checked })} /> {t('presenter')}</label>
          <label><input type="checkbox" checked={c.still} onChange={(e) => set({ still: e.target.checked })} /> {t('still')}</label>
          <label><input type="checkbox" checked={c.session} onChange={(e) => set({ session: e.target.checked })} /> {t('session')}</label>
        </fieldset>
      </div>
      <CopyField label={t('url')} text={url} name="url" />
      <CopyField label={t('html')} text={snippets.html} rows={3} name="html" />
      <CopyField label={t('reveal')} text={snippets.reveal} rows={3} name="reveal" />
      <CopyField label={t('slidev')} text={snippets.slidev} rows={4} name="slidev" />
      <div className="embed-actions">
        <a href={url} target="_blank" rel="noopener">{t('preview')}</a>
        <button type="button" onClick={onClose} autoFocus>{t('close')}</button>
      </div>
    </dialog>
  );
}
