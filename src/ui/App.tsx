import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { PANELS, type Panel } from '../store/urlState.ts';
import { CompareSection } from './CompareSection.tsx';
import { EscapeLab } from './escapes/EscapeLab.tsx';
import { Diagram } from './diagram/Diagram.tsx';
import { usePageState } from './embed/pageState.ts';
import { useEscapeReleasesFocus } from './embed/useEscapeReleasesFocus.ts';
import { defineMessages } from './i18n/messages.ts';
import { useMessages } from './i18n/useMessages.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { LessonPanel } from './lessons/LessonPanel.tsx';
import { Controls } from './playback/Controls.tsx';
import { Narration } from './playback/Narration.tsx';
import { Timeline } from './playback/Timeline.tsx';
import { RuntimePicker } from './RuntimePicker.tsx';
import { RuntimeTable } from './RuntimeTable.tsx';
import { SpecPane } from './spec/SpecPane.tsx';
import { Terminal } from './terminal/Terminal.tsx';
import { Toolbar } from './Toolbar.tsx';
import { TryIt } from './TryIt.tsx';
import { useLab } from './useLab.ts';
import './lab.css';

/** Below the fold and folded: a chunk of its own, so the page's first script stays small (`npm run size`). */
const Artefacts = lazy(() => import('./artefacts/Artefacts.tsx').then((m) => ({ default: m.Artefacts })));

const messages = defineMessages({
  terminal: { en: 'Terminal', zh: '终端' },
  diagram: { en: 'Diagram', zh: '调用路径图' },
  state: { en: 'Simulated state', zh: '模拟状态' },
  playback: { en: 'Playback', zh: '回放' },
  runtimes: { en: 'Runtimes', zh: '运行时' },
});

/**
 * The lab: the runtime and its settings on top; the terminal and the
 * syscall's path side by side; the simulated state and the timeline below.
 * Theme, contrast and presenter size are on the root. The URL (main.tsx,
 * pageState.ts) may hide panels, or embed the lab without its header bar
 * and reference sections (`embed=1`) for a slide.
 */
export function App() {
  const theme = useLab((s) => s.theme);
  const scale = useLab((s) => s.fontScale);
  const language = useLab((s) => s.language);
  const still = useLab((s) => s.still);
  const page = usePageState();
  const t = useMessages(messages);
  useEscapeReleasesFocus();
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-Hans' : 'en';
  }, [language]);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.setProperty('--scale', String(scale));
    root.dataset.contrast = page.presenter ? 'high' : 'normal';
    root.dataset.still = String(still);
    root.dataset.embed = String(page.embed);
  }, [theme, scale, page.presenter, page.embed, still]);
  const shows = (p: Panel) => page.panels.includes(p);
  const pane = (p: Panel, label: string, body: ReactNode) => shows(p) && <section className={`pane pane-${p}`} aria-label={label}>{body}</section>;
  return (
    <div className={page.embed ? 'app embedded' : 'app'}>
      {!page.embed && (
        <header className="bar">
          <h1>Isolation Lab</h1>
          <RuntimePicker />
          <Toolbar />
        </header>
      )}
      {shows('lessons') && <LessonPanel />}
      <main className={page.panels.length === PANELS.length ? 'panes' : 'panes chosen'}>
        {pane('terminal', t('terminal'), <Terminal />)}
        {pane('diagram', t('diagram'), <Diagram />)}
        {pane('inspector', t('state'), <InspectorPane />)}
        {pane('timeline', t('playback'), <><Controls /><Narration /><Timeline /></>)}
      </main>
      {shows('spec') && <SpecPane />}
      {shows('artefacts') && <Suspense fallback={null}><Artefacts /></Suspense>}
      {shows('compare') && <CompareSection />}
      {shows('escape') && <EscapeLab />}
      {!page.embed && shows('reference') && (
        <section className="reference" aria-label={t('runtimes')}>
          <TryIt />
          <RuntimeTable />
        </section>
      )}
    </div>
  );
}

/** The inspector reads its own slice, so a new run re-renders only it. */
function InspectorPane() {
  return <Inspector view={useLab((s) => s.inspector)} />;
}
