import { labStore } from '../../store/labStore.ts';
import { useLab } from '../useLab.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { playbackMessages } from './messages.ts';
import { SHORTCUTS, SPEEDS } from './shortcuts.ts';
import { usePlaybackKeys } from './usePlaybackKeys.ts';
import './playback.css';

/** The speed as the select shows it: `0.25×`, `1×`. */
export const speedLabel = (s: number) => `${s}×`;

/**
 * Play/pause, a hop back, a hop forward and the speed; the keyboard
 * shortcuts (shortcuts.ts) are live while the controls are on the page and
 * named in each control's title.
 */
export function Controls() {
  const playback = useLab((s) => s.playback);
  const entries = useLab((s) => s.entries);
  const { play, pause, stepBack, stepForward, setSpeed } = labStore.getState();
  usePlaybackKeys();
  const t = useMessages(playbackMessages);
  const toggleKey = t('keyToggle');
  const entry = entries.find((e) => e.id === playback.entryId);
  const loaded = entry?.run.type === 'ran' && entry.run.calls.some((c) => c.hops.length > 0);
  const speeds = SPEEDS.includes(playback.speed as (typeof SPEEDS)[number]) ? SPEEDS : [...SPEEDS, playback.speed].sort((a, b) => a - b);
  return (
    <div className="playback-controls" role="group" aria-label={t('playback')}>
      <button type="button" onClick={stepBack} disabled={!loaded} aria-label={t('stepBack')} title={t('stepBackTitle', { key: SHORTCUTS.back })}>
        <span aria-hidden="true">◀ </span>{t('back')}
      </button>
      <button
        type="button"
        className="play"
        onClick={playback.playing ? pause : play}
        disabled={!loaded}
        aria-label={playback.playing ? t('pause') : t('play')}
        title={`${playback.playing ? t('pause') : t('play')} (${toggleKey})`}
      >
        <span aria-hidden="true">{playback.playing ? '❚❚ ' : '▶ '}</span>
        {playback.playing ? t('pause') : t('play')}
      </button>
      <button type="button" onClick={stepForward} disabled={!loaded} aria-label={t('stepForward')} title={t('stepForwardTitle', { key: SHORTCUTS.forward })}>
        {t('step')}<span aria-hidden="true"> ▶</span>
      </button>
      <label className="speed" title={t('speedTitle', { slower: SHORTCUTS.slower, faster: SHORTCUTS.faster })}>
        {t('speed')}
        <select value={String(playback.speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
          {speeds.map((s) => (
            <option key={s} value={String(s)}>{speedLabel(s)}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
