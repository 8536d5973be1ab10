import { useSyncExternalStore } from 'react';
import { PANELS, type Panel } from '../../store/urlState.ts';

/**
 * How the page itself is laid out, set from the URL on load (main.tsx) and by
 * the toolbar: embedded (no header bar, no reference sections), which panels
 * show, presenter mode. Not lab state: a shared session does not carry it,
 * the link's own parameters do.
 */
export interface PageState {
  embed: boolean;
  panels: readonly Panel[];
  /** Large type, high contrast, still playback. */
  presenter: boolean;
}

let state: PageState = { embed: false, panels: PANELS, presenter: false };
const listeners = new Set<() => void>();

export function setPageState(next: Partial<PageState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export const pageState = (): PageState => state;

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function usePageState(): PageState {
  return useSyncExternalStore(subscribe, pageState, pageState);
}
