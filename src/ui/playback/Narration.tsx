import { useLab } from '../useLab.ts';
import { narrationText } from './narration.ts';
import './playback.css';

/**
 * The current hop in words, in a polite live region: a screen reader reads
 * each hop as playback reaches it, and the sentence is on screen for the room.
 */
export function Narration() {
  const text = useLab((s) => narrationText(s.entries.find((e) => e.id === s.playback.entryId), s.playback.call, s.playback.hop, s.language));
  return (
    <p className="narration" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
