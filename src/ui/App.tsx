import { useEffect } from 'react';
import { CompareSection } from './CompareSection.tsx';
import { Diagram } from './diagram/Diagram.tsx';
import { Inspector } from './inspector/Inspector.tsx';
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

/**
 * The lab: the runtime and its settings on top; the terminal and the
 * syscall's path side by side; the simulated state and the timeline below.
 * Theme and presenter size are CSS variables on the root.
 */
export function App() {
  const theme = useLab((s) => s.theme);
  const scale = useLab((s) => s.fontScale);
  const language = useLab((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-Hans' : 'en';
  }, [language]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--scale', String(scale));
  }, [theme, scale]);
  return (
    <div className="app">
      <header className="bar">
        <h1>Isolation Lab</h1>
        <RuntimePicker />
        <Toolbar />
      </header>
      <main className="panes">
        <section className="pane pane-terminal" aria-label="Terminal">
          <Terminal />
        </section>
        <section className="pane pane-diagram" aria-label="Diagram">
          <Diagram />
        </section>
        <section className="pane pane-inspector" aria-label="Simulated state">
          <InspectorPane />
        </section>
        <section className="pane pane-timeline" aria-label="Playback">
          <Controls />
          <Narration />
          <Timeline />
        </section>
      </main>
      <SpecPane />
      <CompareSection />
      <section className="reference" aria-label="Runtimes">
        <TryIt />
        <RuntimeTable />
      </section>
    </div>
  );
}

/** The inspector reads its own slice, so a new run re-renders only it. */
function InspectorPane() {
  return <Inspector view={useLab((s) => s.inspector)} />;
}
