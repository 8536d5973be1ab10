import { useStore } from 'zustand';
import { labStore, type LabState } from '../store/labStore.ts';

/** Reads a slice of the lab's store and re-renders when it changes. */
export function useLab<T>(select: (state: LabState) => T): T {
  return useStore(labStore, select);
}
