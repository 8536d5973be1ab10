import { labStore } from '../../store/labStore.ts';
import { useLab } from '../useLab.ts';
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
  const entry = entries.find((e) => e.id === playback.entryId);
  const loaded = entry?.run.type === 'ran' && entry.run.calls.some((c) => c.hops.length > 0);
  const speeds = SPEEDS.includes(playback.speed as (typeof SPEEDS)[number]) ? SPEEDS : [...SPEEDS, playback.speed].sort((a, b) => a - b);
  return (
    <div className="playback-controls" role="group" aria-label="Playback">
      <button type="button" onClick={stepBack} disabled={!loaded} aria-label="Step back" title={`Step back one hop (${SHORTCUTS.back})`}>
        <span aria-hidden="true">◀ </span>Back
      </button>
      <button
        type="button"
        className="play"
        onClick={playback.playing ? pause : play}
        disabled={!loaded}
        aria-label={playback.playing ? 'Pause' : 'Play'}
        title={`${playback.playing ? 'Pause' : 'Play'} (${SHORTCUTS.toggle})`}
      >
        <span aria-hidden="true">{playback.playing ? '❚❚ ' : '▶ '}</span>
        {playback.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={stepForward} disabled={!loaded} aria-label="Step forward" title={`Step forward one hop (${SHORTCUTS.forward})`}>
        Step<span aria-hidden="true"> ▶</span>
      </button>
      <label className="speed" title={`Playback speed (${SHORTCUTS.slower} slower, ${SHORTCUTS.faster} faster)`}>
        Speed
        <select value={String(playback.speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
          {speeds.map((s) => (
            <option key={s} value={String(s)}>{speedLabel(s)}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
