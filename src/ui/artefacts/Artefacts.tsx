import { useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES, type ArtefactsKey } from './artefactsMessages.ts';
import { ImportTab } from './ImportTab.tsx';
import { SeccompTab } from './SeccompTab.tsx';
import { StraceTab } from './StraceTab.tsx';
import './artefacts.css';

const TABS = [
  { id: 'strace', label: 'tabStrace' },
  { id: 'seccomp', label: 'tabSeccomp' },
  { id: 'run', label: 'tabRun' },
] as const satisfies readonly { id: string; label: ArtefactsKey }[];
type TabId = (typeof TABS)[number]['id'];

/**
 * "Bring your own": a person's real artefacts in the lab (issue 6). Three
 * tabs, all kept mounted so text pasted in one is still there after a look
 * at another; the section folds like the Spec pane.
 */
export function Artefacts() {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const [tab, setTab] = useState<TabId>('strace');
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((x) => x.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(at + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    buttons.current[next.id]?.focus();
  };
  return (
    <section className="byo-section" aria-label={t('title')}>
      <details className="byo-pane">
        <summary>
          <span className="byo-title">{t('title')}</span>
          <span className="byo-summary">{t('summary')}</span>
        </summary>
        <div className="byo-tabs" role="tablist" aria-label={t('tabs')} onKeyDown={onKey}>
          {TABS.map((x) => (
            <button
              key={x.id} ref={(el) => { buttons.current[x.id] = el; }} type="button" role="tab" id={`byo-tab-${x.id}`}
              aria-selected={tab === x.id} aria-controls={`byo-panel-${x.id}`} tabIndex={tab === x.id ? 0 : -1} onClick={() => setTab(x.id)}
            >
              {t(x.label)}
            </button>
          ))}
        </div>
        <div className="byo-panel" role="tabpanel" id="byo-panel-strace" aria-labelledby="byo-tab-strace" hidden={tab !== 'strace'}><StraceTab /></div>
        <div className="byo-panel" role="tabpanel" id="byo-panel-seccomp" aria-labelledby="byo-tab-seccomp" hidden={tab !== 'seccomp'}><SeccompTab /></div>
        <div className="byo-panel" role="tabpanel" id="byo-panel-run" aria-labelledby="byo-tab-run" hidden={tab !== 'run'}><ImportTab /></div>
      </details>
    </section>
  );
}
