import { useEffect, useRef, useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { useLab } from '../useLab.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { playbackMessages } from './messages.ts';
import { EntryItem, type Expansion } from './TimelineEntry.tsx';
import './playback.css';

/**
 * Every line run this session, its calls and each call's hops, oldest first.
 * A click (or Enter) on any of them seeks playback there; the current hop is
 * marked and kept in view. The played entry and call are open; the rest open
 * on demand, so a long session stays a short list.
 */
export function Timeline() {
  const entries = useLab((s) => s.entries);
  const playback = useLab((s) => s.playback);
  const { seek } = labStore.getState();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const list = useRef<HTMLElement>(null);
  const t = useMessages(playbackMessages);

  useEffect(() => {
    const container = list.current;
    const current = container?.querySelector<HTMLElement>('[aria-current="step"]');
    if (container && current) keepInView(container, current);
  }, [playback.entryId, playback.call, playback.hop]);

  const expansion: Expansion = {
    isOpen: (key, byDefault) => expanded[key] ?? byDefault,
    toggle: (key, byDefault) => setExpanded((m) => ({ ...m, [key]: !(m[key] ?? byDefault) })),
  };
  return (
    <nav className="timeline" aria-label={t('timeline')} ref={list}>
      {entries.length === 0 ? (
        <p className="tl-empty">{t('empty')}</p>
      ) : (
        <ol className="tl-entries">
          {entries.map((e) => (
            <EntryItem key={e.id} entry={e} playback={playback} seek={seek} expansion={expansion} />
          ))}
        </ol>
      )}
    </nav>
  );
}

/** Scrolls the timeline itself (not the page) just enough to show the current hop. */
function keepInView(container: HTMLElement, el: HTMLElement): void {
  const box = container.getBoundingClientRect();
  const at = el.getBoundingClientRect();
  if (at.top < box.top) container.scrollTop += at.top - box.top - 8;
  else if (at.bottom > box.bottom) container.scrollTop += at.bottom - box.bottom + 8;
}
