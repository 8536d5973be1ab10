import type { EscapeView } from './escapes.ts';
import type { LabState } from './labStore.ts';
import type { Entry, RunView } from './views.ts';

/**
 * The escape lab's part of the store (issue 6, point 2): the matrix, computed
 * once when the section first opens, and the cell being replayed. The model
 * part (`escapes.ts`, 72 fresh boots) is a dynamic import, so the page's first
 * script stays small.
 */
export interface EscapeSliceState {
  /** The escape lab's matrix: null until first opened, then computed once from the model. */
  escapes: EscapeView | null;
  /** The escape-matrix cell being replayed, and its entry. */
  escapeCell: { scenarioId: string; runtime: string; entryId: number | null } | null;
  /** Computes the escape matrix (once). */
  openEscapes: () => Promise<void>;
  /** Adds a cell's attack run as an entry and plays it in the diagram. */
  replayEscape: (scenarioId: string, runtime: string) => Promise<void>;
}

interface EscapeDeps {
  set: (partial: Partial<LabState>) => void;
  get: () => LabState;
  /** Adds a run as an entry of its own, like a comparison's column: not saved, not replayed on reload. */
  addRun: (input: string, run: Exclude<RunView, { type: 'idle' }>) => Entry;
  /** Loads an entry's hops into playback. */
  play: (entryId: number, hops: number[]) => void;
}

export function createEscapeSlice({ set, get, addRun, play }: EscapeDeps): EscapeSliceState {
  return {
    escapes: null,
    escapeCell: null,
    openEscapes: async () => {
      if (get().escapes) return;
      const mod = await import('./escapes.ts');
      set({ escapes: mod.escapeView() });
    },
    replayEscape: async (scenarioId, runtime) => {
      const mod = await import('./escapes.ts');
      const replay = mod.escapeReplay(scenarioId, runtime, get().language);
      if (!replay) return;
      const entry = addRun(replay.input, replay.run);
      set({ escapeCell: { scenarioId, runtime, entryId: replay.run.type === 'ran' ? entry.id : null } });
      if (replay.run.type === 'ran') play(entry.id, replay.run.calls.map((c) => c.hops.length));
    },
  };
}
