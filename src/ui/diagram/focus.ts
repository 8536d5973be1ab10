/**
 * Which runtime the main diagram shows: the played entry's, or the one just
 * picked. Picking a runtime should show its layers at once (a lecturer
 * explains the stack before typing anything); seeking, stepping or playing an
 * older entry on the timeline should show that entry's run. So the most
 * recent of those two kinds of act wins. A tick of playback is not an act:
 * it changes the position while playing.
 */

export interface FocusInput {
  runtimeId: string;
  entryId: number | null;
  call: number;
  hop: number;
  playing: boolean;
}

export type Focus = 'entry' | 'runtime';

export function nextFocus(prev: FocusInput | null, next: FocusInput, focus: Focus): Focus {
  if (prev === null) return 'entry';
  if (next.runtimeId !== prev.runtimeId) return 'runtime';
  if (next.entryId !== prev.entryId && next.entryId !== null) return 'entry';
  if (next.playing && !prev.playing) return 'entry';
  const moved = next.call !== prev.call || next.hop !== prev.hop;
  if (moved && !next.playing) return 'entry';
  return focus;
}

export const sameFocusInput = (a: FocusInput | null, b: FocusInput): boolean =>
  a !== null && a.runtimeId === b.runtimeId && a.entryId === b.entryId && a.call === b.call && a.hop === b.hop && a.playing === b.playing;
