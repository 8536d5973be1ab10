import { useEffect } from 'react';
import { labStore } from '../../store/labStore.ts';
import { shortcutFor, stepSpeed, type PlaybackAction } from './shortcuts.ts';

/** What each shortcut does to the store. */
export function runAction(action: PlaybackAction): void {
  const s = labStore.getState();
  switch (action) {
    case 'toggle':
      if (s.playback.entryId === null) return;
      if (s.playback.playing) s.pause();
      else s.play();
      return;
    case 'back':
      return s.stepBack();
    case 'forward':
      return s.stepForward();
    case 'slower':
      return s.setSpeed(stepSpeed(s.playback.speed, -1));
    case 'faster':
      return s.setSpeed(stepSpeed(s.playback.speed, 1));
  }
}

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('.xterm') !== null);

/** Playback's keyboard shortcuts on the whole page, while mounted (shortcuts.ts says which keys and when not). */
export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only while the lab has the keyboard: in a slide's iframe that is after a click into it (never on load).
      if (e.defaultPrevented || e.repeat || !document.hasFocus()) return;
      const tag = e.target instanceof Element ? e.target.tagName.toLowerCase() : '';
      const action = shortcutFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, tag, editable: isEditable(e.target) });
      if (!action) return;
      e.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
