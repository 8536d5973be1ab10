import type { LabState } from '../../store/labStore.ts';
import { useLab } from '../useLab.ts';

/** Reads a part of "Bring your own" (the artefacts slice of the lab's one store) and re-renders when it changes. */
export function useArtefacts<T>(select: (state: LabState) => T): T {
  return useLab(select);
}
