import { SPEEDS } from '../../store/labStore.ts';

/**
 * Playback's keyboard shortcuts, the keys a video player uses (YouTube's):
 * k or Space play/pause, `,` and `.` step one hop, `<` and `>` change speed.
 * Never while the person types: in a field, a select, the terminal (xterm
 * reads keys from a textarea) or anything editable; and Space is left to a
 * focused button or link, which it already presses.
 */

export type PlaybackAction = 'toggle' | 'back' | 'forward' | 'slower' | 'faster';

export { SPEEDS };

export const SHORTCUTS: Record<PlaybackAction, string> = {
  toggle: 'K or Space',
  back: ',',
  forward: '.',
  slower: '<',
  faster: '>',
};

export interface KeyInfo {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Lower-case tag name of the event's target. */
  tag: string;
  editable?: boolean;
}

const TYPING = new Set(['input', 'textarea', 'select']);
const PRESSABLE = new Set(['button', 'a', 'summary']);

export function shortcutFor(k: KeyInfo): PlaybackAction | null {
  if (k.ctrlKey || k.metaKey || k.altKey) return null;
  if (k.editable || TYPING.has(k.tag)) return null;
  switch (k.key) {
    case 'k':
    case 'K':
      return 'toggle';
    case ' ':
      return PRESSABLE.has(k.tag) ? null : 'toggle';
    case ',':
      return 'back';
    case '.':
      return 'forward';
    case '<':
      return 'slower';
    case '>':
      return 'faster';
    default:
      return null;
  }
}

/** The next speed step up or down from `speed`, held at the ends. */
export function stepSpeed(speed: number, direction: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed - 1e-9);
  const at = i === -1 ? SPEEDS.length - 1 : i;
  const exact = SPEEDS[at] !== undefined && Math.abs((SPEEDS[at] ?? 0) - speed) < 1e-9;
  const next = direction === 1 ? (exact ? at + 1 : at) : at - 1;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, next))] ?? speed;
}
