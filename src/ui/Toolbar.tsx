import { lazy, Suspense, useState } from 'react';
import { labStore } from '../store/labStore.ts';
import type { Language } from '../sim/text/language.ts';
import { LANGUAGES, LANGUAGE_NAMES } from '../store/urlState.ts';
import { setPageState, usePageState } from './embed/pageState.ts';
import { ExportMenu } from './export/ExportMenu.tsx';
import { ShareButton } from './export/ShareButton.tsx';
import { defineMessages } from './i18n/messages.ts';
import { useMessages } from './i18n/useMessages.ts';
import { useLab } from './useLab.ts';

/** Opened on demand: a chunk of its own, so the page's first script stays small (`npm run size`). */
const EmbedDialog = lazy(() => import('./embed/EmbedDialog.tsx').then((m) => ({ default: m.EmbedDialog })));

const messages = defineMessages({
  display: { en: 'Display', zh: '显示' },
  language: { en: 'Language', zh: '语言' },
  dark: { en: 'Dark', zh: '深色' },
  light: { en: 'Light', zh: '浅色' },
  darkTitle: { en: 'Dark theme', zh: '深色主题' },
  smaller: { en: 'Smaller text', zh: '缩小文字' },
  larger: { en: 'Larger text (presenter)', zh: '放大文字（演示）' },
  presenter: { en: 'Presenter', zh: '演示模式' },
  presenterTitle: { en: 'Presenter mode: large type, high contrast, no animation', zh: '演示模式：大字号、高对比度、无动画' },
  embed: { en: 'Embed…', zh: '嵌入…' },
});

/** Language, theme, type size and presenter mode; then Share, Embed and Export: what a lecturer sets before the projector warms up. */
export function Toolbar() {
  const theme = useLab((s) => s.theme);
  const scale = useLab((s) => s.fontScale);
  const language = useLab((s) => s.language);
  const { presenter } = usePageState();
  const [embedOpen, setEmbedOpen] = useState(false);
  const t = useMessages(messages);
  const { setTheme, setFontScale, setLanguage } = labStore.getState();
  return (
    <div className="toolbar" role="group" aria-label={t('display')}>
      <select aria-label={t('language')} title={t('language')} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => <option key={l} value={l} lang={l === 'zh' ? 'zh-Hans' : 'en'}>{LANGUAGE_NAMES[l]}</option>)}
      </select>
      <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')} aria-pressed={theme === 'dark'} title={t('darkTitle')}>
        {theme === 'light' ? t('dark') : t('light')}
      </button>
      <button type="button" onClick={() => setFontScale(scale - 0.125)} disabled={scale <= 0.75} aria-label={t('smaller')} title={t('smaller')}>A−</button>
      <span className="scale" aria-live="polite">{Math.round(scale * 100)}%</span>
      <button type="button" onClick={() => setFontScale(scale + 0.125)} disabled={scale >= 2} aria-label={t('larger')} title={t('larger')}>A+</button>
      <button type="button" aria-pressed={presenter} title={t('presenterTitle')} onClick={() => togglePresenter(!presenter)}>{t('presenter')}</button>
      <ShareButton />
      <button type="button" onClick={() => setEmbedOpen(true)} aria-haspopup="dialog">{t('embed')}</button>
      <ExportMenu />
      {embedOpen && <Suspense fallback={null}><EmbedDialog onClose={() => setEmbedOpen(false)} /></Suspense>}
    </div>
  );
}

/** Presenter mode: large type, high contrast (lab.css), still playback; off puts type and motion back. */
function togglePresenter(on: boolean): void {
  const s = labStore.getState();
  setPageState({ presenter: on });
  s.setStill(on);
  if (on && s.fontScale < 1.5) s.setFontScale(1.5);
  if (!on && s.fontScale === 1.5) s.setFontScale(1);
}
