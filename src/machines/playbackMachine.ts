import { assign, setup } from 'xstate';

/**
 * Playback of a run's trace: a position (call, hop) that advances one hop per
 * tick while playing, at a speed from 0.25× to 4×. The diagram, the timeline
 * and the narration all read the position; nothing else moves. Driven by
 * events; the tick is XState's delay, so tests drive it with a simulated clock.
 */
export interface PlaybackContext {
  /** Hops per call of the loaded run. */
  hops: number[];
  call: number;
  hop: number;
  speed: number;
}

export type PlaybackEvent =
  | { type: 'playback.load'; hops: number[]; at?: 'start' | 'end' }
  | { type: 'playback.play' }
  | { type: 'playback.pause' }
  | { type: 'playback.step' }
  | { type: 'playback.back' }
  | { type: 'playback.seek'; call: number; hop: number }
  | { type: 'playback.speed'; speed: number };

/** One hop takes this long at 1×. */
export const HOP_MS = 700;
export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 4] as const;

type Ctx = { context: PlaybackContext };

const clampSpeed = (s: number) => Math.min(4, Math.max(0.25, Number.isFinite(s) ? s : 1));

/** The position after one step forward, or null at the end. */
export function nextPosition(c: PlaybackContext): { call: number; hop: number } | null {
  if (c.hop + 1 < (c.hops[c.call] ?? 0)) return { call: c.call, hop: c.hop + 1 };
  for (let k = c.call + 1; k < c.hops.length; k++) if ((c.hops[k] ?? 0) > 0) return { call: k, hop: 0 };
  return null;
}

export function previousPosition(c: PlaybackContext): { call: number; hop: number } | null {
  if (c.hop > 0) return { call: c.call, hop: c.hop - 1 };
  for (let k = c.call - 1; k >= 0; k--) if ((c.hops[k] ?? 0) > 0) return { call: k, hop: (c.hops[k] ?? 1) - 1 };
  return null;
}

function endPosition(hops: number[]): { call: number; hop: number } {
  for (let k = hops.length - 1; k >= 0; k--) if ((hops[k] ?? 0) > 0) return { call: k, hop: (hops[k] ?? 1) - 1 };
  return { call: 0, hop: 0 };
}

export const playbackMachine = setup({
  types: { context: {} as PlaybackContext, events: {} as PlaybackEvent },
  actions: {
    load: assign(({ event }: { event: PlaybackEvent }) => {
      if (event.type !== 'playback.load') return {};
      const at = event.at === 'end' ? endPosition(event.hops) : { call: 0, hop: 0 };
      return { hops: event.hops, ...at };
    }),
    forward: assign(({ context: c }: Ctx) => nextPosition(c) ?? {}),
    backward: assign(({ context: c }: Ctx) => previousPosition(c) ?? {}),
    seek: assign(({ context: c, event }: Ctx & { event: PlaybackEvent }) => {
      if (event.type !== 'playback.seek') return {};
      const call = Math.min(Math.max(0, event.call), Math.max(0, c.hops.length - 1));
      return { call, hop: Math.min(Math.max(0, event.hop), Math.max(0, (c.hops[call] ?? 1) - 1)) };
    }),
    speed: assign(({ event }: { event: PlaybackEvent }) => (event.type === 'playback.speed' ? { speed: clampSpeed(event.speed) } : {})),
  },
  guards: {
    isAtEnd: ({ context: c }: Ctx) => nextPosition(c) === null,
  },
  delays: {
    hop: ({ context: c }: Ctx) => HOP_MS / c.speed,
  },
}).createMachine({
  id: 'playback',
  context: { hops: [], call: 0, hop: 0, speed: 1 },
  initial: 'paused',
  on: {
    'playback.load': { target: '.playing', actions: 'load' },
    'playback.seek': { target: '.paused', actions: 'seek' },
    'playback.speed': { actions: 'speed' },
    'playback.step': { target: '.paused', actions: 'forward' },
    'playback.back': { target: '.paused', actions: 'backward' },
  },
  states: {
    paused: {
      on: { 'playback.play': [{ guard: 'isAtEnd', target: 'playing', actions: assign({ call: 0, hop: 0 }) }, { target: 'playing' }] },
    },
    playing: {
      always: { guard: 'isAtEnd', target: 'paused' },
      after: { hop: { target: 'playing', reenter: true, actions: 'forward' } },
      on: { 'playback.pause': 'paused' },
    },
  },
});
