import type { LabStore } from './labStore.ts';
import type { LessonProgress } from './lessons.ts';
import type { KeyValueStore } from './persistence.ts';
import type { Language } from '../sim/text/language.ts';
import { translate, type Vars } from './localize.ts';
import { progressText } from './storeTextMessages.ts';

/**
 * Lesson progress (which steps' goals were met, per lesson), saved in the
 * browser under its own key, apart from the session. A saved value that
 * cannot be read is reported in the terminal and replaced, never a crash.
 */
export const LESSONS_KEY = 'isolation-lab/lessons';
const VERSION = 1;

interface SavedProgress {
  version: number;
  done: Readonly<Record<string, readonly number[]>>;
}

export type LoadedProgress = { type: 'none' } | { type: 'ok'; progress: LessonProgress } | { type: 'corrupt'; message: string };

type Problem = { key: keyof typeof progressText; vars?: Vars };

/** Why the value is not saved progress, else null. Unknown lessons and steps are dropped, not errors (lessons change). */
function problem(d: unknown): Problem | null {
  if (typeof d !== 'object' || d === null) return { key: 'notObject' };
  const s = d as Partial<SavedProgress>;
  if (s.version !== VERSION) return { key: 'badVersion', vars: { version: String(s.version), expected: VERSION } };
  if (typeof s.done !== 'object' || s.done === null || Array.isArray(s.done)) return { key: 'noSteps' };
  const bad = Object.entries(s.done).find(([, steps]) => !Array.isArray(steps) || !steps.every((n) => Number.isInteger(n) && n >= 0));
  return bad ? { key: 'badSteps', vars: { id: bad[0] } } : null;
}

/**
 * Each lesson's steps, once each, in order. Which lessons and steps still
 * exist is checked by the lesson slice once the lessons have loaded (they
 * come with the model, after the page's first script: lessons.ts).
 */
const tidy = (done: SavedProgress['done']): LessonProgress =>
  Object.fromEntries(Object.entries(done).map(([id, steps]) => [id, [...new Set(steps)].sort((a, b) => a - b)]));

/** The saved progress, or why it cannot be read (a sentence in `language`). */
export function loadProgress(storage: KeyValueStore, language: Language = 'en'): LoadedProgress {
  const t = (key: keyof typeof progressText, vars?: Vars) => translate(progressText, language, key, vars);
  let text: string | null;
  try {
    text = storage.getItem(LESSONS_KEY);
  } catch (e) {
    return { type: 'corrupt', message: t('refused', { error: e instanceof Error ? e.message : String(e) }) };
  }
  if (text === null) return { type: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { type: 'corrupt', message: t('notJson') };
  }
  const why = problem(data);
  return why ? { type: 'corrupt', message: t(why.key, why.vars) } : { type: 'ok', progress: tidy((data as SavedProgress).done) };
}

/** Restores the saved progress (or says why not) and saves it as it changes. Returns a function that stops saving. */
export function attachLessonProgress(store: LabStore, storage: KeyValueStore): () => void {
  const language = store.getState().language;
  const loaded = loadProgress(storage, language);
  if (loaded.type === 'ok') store.getState().restoreLessonProgress(loaded.progress);
  if (loaded.type === 'corrupt') store.getState().print([{ kind: 'error', text: translate(progressText, language, 'replaced', { message: loaded.message }) }]);
  const save = (progress: LessonProgress) => {
    try {
      storage.setItem(LESSONS_KEY, JSON.stringify({ version: VERSION, done: progress } satisfies SavedProgress));
    } catch {
      // Storage full or refused: lessons keep working, the progress just will not survive a reload.
    }
  };
  if (loaded.type !== 'ok') save(store.getState().lessonProgress);
  return store.subscribe((state, prev) => {
    if (state.lessonProgress !== prev.lessonProgress) save(state.lessonProgress);
  });
}
