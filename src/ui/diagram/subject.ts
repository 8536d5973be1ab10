import type { CallRow, Entry, LabState, RuntimeRow } from '../../store/labStore.ts';
import type { Focus } from './focus.ts';

/** What one diagram shows: a runtime's layers and, when a call is being played on it, that call at a hop. */
export interface DiagramSubject {
  runtime: RuntimeRow | undefined;
  /** The runtime id asked for, kept to name it when it is unknown. */
  runtimeId: string;
  entry: Entry | undefined;
  callIndex: number;
  call: CallRow | undefined;
  hop: number;
}

export interface SubjectProps {
  /** Show this entry rather than the played one (a compare view's column). */
  entryId?: number;
  /** Show this runtime's layers (with the entry only when it ran on this runtime). */
  runtimeId?: string;
}

type Source = Pick<LabState, 'runtimes' | 'runtimeId' | 'entries' | 'playback'>;

/** Picks the runtime and entry, then the call and hop of the playback position, clamped to that entry. */
export function diagramSubject(s: Source, props: SubjectProps, focus: Focus): DiagramSubject {
  const played = s.entries.find((e) => e.id === s.playback.entryId);
  let entry: Entry | undefined;
  let runtimeId: string;
  if (props.entryId !== undefined) {
    entry = s.entries.find((e) => e.id === props.entryId);
    runtimeId = props.runtimeId ?? entry?.runtime ?? s.runtimeId;
  } else if (props.runtimeId !== undefined) {
    runtimeId = props.runtimeId;
    entry = played?.runtime === runtimeId ? played : undefined;
  } else {
    const showEntry = played && (focus === 'entry' || played.runtime === s.runtimeId);
    entry = showEntry ? played : undefined;
    runtimeId = entry?.runtime ?? s.runtimeId;
  }
  if (entry && entry.runtime !== runtimeId) entry = undefined;
  const runtime = s.runtimes.find((r) => r.id === runtimeId);
  const calls = entry?.run.type === 'ran' ? entry.run.calls : [];
  // A comparison plays its columns as one run of hops (the store loads the longest column's count):
  // each column walks its own calls with that flat hop index, and stops at its own end.
  if (entry?.compared && props.entryId !== undefined) return { runtime, runtimeId, entry, ...flatPosition(calls, s.playback.hop) };
  // Diagrams of other entries follow the played one in step, each held to its own calls and hops.
  const callIndex = clamp(s.playback.call, calls.length);
  const call = calls[callIndex];
  return { runtime: onStack(runtime, entry, call), runtimeId, entry, callIndex, call, hop: clamp(s.playback.hop, call?.hops.length ?? 0) };
}

/** A call that runs through another layer list (a `docker run`'s path through the stack) is drawn on that list. */
function onStack(runtime: RuntimeRow | undefined, entry: Entry | undefined, call: CallRow | undefined): RuntimeRow | undefined {
  const stack = call?.stack && entry?.run.type === 'ran' ? entry.run.stacks?.find((st) => st.id === call.stack) : undefined;
  return stack && runtime ? { ...runtime, label: stack.label, layers: stack.layers } : runtime;
}

const clamp = (i: number, length: number) => Math.max(0, Math.min(Number.isFinite(i) ? Math.floor(i) : 0, length - 1));

/** The call and hop at a flat hop index across `calls` (the last hop of the last call past the end). */
export function flatPosition(calls: readonly CallRow[], flat: number): { callIndex: number; call: CallRow | undefined; hop: number } {
  let left = Math.max(0, Number.isFinite(flat) ? Math.floor(flat) : 0);
  for (const [i, call] of calls.entries()) {
    if (left < call.hops.length) return { callIndex: i, call, hop: left };
    left -= call.hops.length;
  }
  const last = calls.length - 1;
  return { callIndex: Math.max(0, last), call: calls[last], hop: Math.max(0, (calls[last]?.hops.length ?? 1) - 1) };
}
