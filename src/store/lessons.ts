import { createActor, type Actor } from 'xstate';
import type { Lesson } from '../sim/lessons/index.ts';
import type { RuntimeId } from '../sim/runtime/types.ts';
import type { Localized } from '../sim/text/language.ts';
import type { Engine } from './engine.ts';
import type { LabState } from './labStore.ts';
import type { LessonEvent } from '../machines/lessonMachine.ts';
import type { LessonKit } from './lessonKit.ts';
import type { LessonMark } from './lessonState.ts';

/**
 * The lesson slice of the store (issue 6, point 1): the lesson machine's
 * actor, the view the panel reads, and the progress (which steps' goals were
 * met, per lesson). After each line the person runs, the step's goal is
 * checked on a snapshot of what happened since the step began.
 *
 * The lessons, their machine and the snapshot code come with the engine
 * (`Engine.lessonKit`, a lazy chunk): until it is installed `lessons` is
 * empty, and a lesson opened (a link's `lesson=`) waits for it.
 */

/** The open lesson as the panel shows it. */
export interface LessonView {
  id: string;
  title: Localized;
  summary: Localized;
  runtime: RuntimeId;
  /** 0-based. */
  step: number;
  stepCount: number;
  text: Localized;
  /** Lines a click runs in the terminal. */
  commands: readonly string[];
  goal: Localized;
  /** Met since the step began. */
  goalMet: boolean;
  /** Met on an earlier visit (saved progress). */
  done: boolean;
  /** The hints shown so far. */
  hints: readonly Localized[];
  hintCount: number;
  /** Past the last step. */
  finished: boolean;
}

export interface LessonSummary {
  id: string;
  title: Localized;
  summary: Localized;
  stepCount: number;
  /** How many of its steps' goals were met. */
  done: number;
}

/** Steps whose goals were met, by lesson id. */
export type LessonProgress = Readonly<Record<string, readonly number[]>>;

export interface LessonSliceState {
  lesson: LessonView | null;
  lessons: LessonSummary[];
  lessonProgress: LessonProgress;
  /** Opens a lesson (at a step, 0-based; clamped) and puts the terminal on its runtime. */
  openLesson: (id: string, step?: number) => void;
  /** The free sandbox: leaves the lesson, keeps the terminal and everything run. */
  closeLesson: () => void;
  lessonNext: () => void;
  lessonBack: () => void;
  showHint: () => void;
  /** Saved progress (lessonProgress.ts): kept as it is until the lessons are known, then only what matches them. */
  restoreLessonProgress: (progress: LessonProgress) => void;
}

/** Keeps the lessons and steps that still exist (saved progress outlives lessons that change). */
export const knownProgress = (lessons: readonly Pick<Lesson, 'id' | 'steps'>[], done: LessonProgress): LessonProgress =>
  Object.fromEntries(lessons.flatMap((l) => {
    const steps = [...new Set(done[l.id] ?? [])].filter((n) => Number.isInteger(n) && n >= 0 && n < l.steps.length).sort((a, b) => a - b);
    return steps.length ? [[l.id, steps]] : [];
  }));

/** The picker's list: every lesson with its steps done (progress for lessons it does not know is left out). */
export const lessonSummaries = (lessons: readonly Lesson[], progress: LessonProgress): LessonSummary[] =>
  lessons.map((l) => ({ id: l.id, title: l.title, summary: l.summary, stepCount: l.steps.length, done: (progress[l.id] ?? []).filter((i) => i < l.steps.length).length }));

type Set = (partial: Partial<LabState>) => void;
type Get = () => LabState;

/** The slice; the hook the store calls after each line it runs; and `install`, called with the engine's lesson kit once it has loaded. */
export interface LessonSlice {
  state: LessonSliceState;
  afterLine: (text: string) => void;
  install: (kit: LessonKit) => void;
}

/** The open lesson as the panel shows it, from the machine's snapshot; null in the free sandbox. */
function lessonView(kit: LessonKit, actor: Actor<LessonKit['machine']>, progress: LessonProgress): LessonView | null {
  const snap = actor.getSnapshot();
  const lesson = kit.lessonOf(snap.context);
  const step = kit.stepOf(snap.context);
  if (!lesson || !step || snap.matches('idle')) return null;
  return {
    id: lesson.id, title: lesson.title, summary: lesson.summary, runtime: lesson.runtime, step: snap.context.step, stepCount: lesson.steps.length,
    text: step.text, commands: step.commands, goal: step.goalText, goalMet: snap.matches({ active: 'met' }), done: (progress[lesson.id] ?? []).includes(snap.context.step),
    hints: step.hints.slice(0, snap.context.hints), hintCount: step.hints.length, finished: snap.matches('finished'),
  };
}

export function createLessonSlice(set: Set, get: Get, engine: () => Engine | null, whenReady: (work: () => void) => void): LessonSlice {
  let kit: LessonKit | null = null;
  let actor: Actor<LessonKit['machine']> | null = null;
  let mark: LessonMark | null = null;
  let lines: string[] = [];
  const facts = () => {
    const { runtimeId, options, container, entries } = get();
    return { runtimeId, options, container, entries, lines };
  };
  const remark = () => {
    const m = engine();
    if (!m || !kit) return;
    lines = [];
    mark = kit.markNow(facts(), m.lessonFacts());
  };
  const setProgress = (progress: LessonProgress) => {
    if (!kit) return set({ lessonProgress: progress });
    const known = knownProgress(kit.lessons, progress);
    set({ lessonProgress: known, lessons: lessonSummaries(kit.lessons, known) });
  };
  const record = (id: string, step: number) => {
    const progress = get().lessonProgress;
    const met = progress[id] ?? [];
    if (!met.includes(step)) setProgress({ ...progress, [id]: [...met, step].sort((a, b) => a - b) });
  };
  const project = () => {
    if (!kit || !actor) return;
    const view = lessonView(kit, actor, get().lessonProgress);
    if (view?.goalMet) record(view.id, view.step);
    set({ lesson: view && { ...view, done: (get().lessonProgress[view.id] ?? []).includes(view.step) } });
  };
  /** Moves the machine, then begins the step afresh if it changed; before the lessons have loaded, once they have (in order). */
  const move = (event: LessonEvent) => {
    if (!actor) return whenReady(() => move(event));
    const before = actor.getSnapshot().context;
    actor.send(event);
    const after = actor.getSnapshot().context;
    if (after.lessonId !== before.lessonId || after.step !== before.step) whenReady(remark);
    project();
  };
  const openLesson = (id: string, step?: number) => {
    if (!kit || !actor) return whenReady(() => openLesson(id, step));
    const known = kit.lessons.find((l) => l.id === id);
    if (!known) return;
    actor.send({ type: 'lesson.open', id, ...(step === undefined ? {} : { step }) });
    // The lesson's runtime, out of any container; then the step begins (after lines still waiting for the model).
    whenReady(() => get().chooseRuntime(known.runtime));
    whenReady(remark);
    project();
  };
  const state: LessonSliceState = {
    lesson: null,
    lessons: [],
    lessonProgress: {},
    openLesson,
    closeLesson: () => move({ type: 'lesson.close' }),
    lessonNext: () => move({ type: 'lesson.next' }),
    lessonBack: () => move({ type: 'lesson.back' }),
    showHint: () => move({ type: 'lesson.hint' }),
    restoreLessonProgress: setProgress,
  };
  const afterLine = (text: string) => {
    lines.push(text);
    const m = engine();
    if (!m || !kit || !actor || !mark || actor.getSnapshot().matches('idle')) return;
    // `reset` forgot every run and container: what comes after it is all new, whatever its id or order.
    if ((get().entries.at(-1)?.id ?? 0) < mark.entryId) mark = { entryId: 0, containerSeq: -1, lines: mark.lines };
    actor.send({ type: 'lesson.check', snapshot: kit.buildSnapshot(facts(), m.lessonFacts(), mark) });
    project();
  };
  const install = (k: LessonKit) => {
    if (kit) return;
    kit = k;
    actor = createActor(k.machine);
    actor.start();
    setProgress(get().lessonProgress);
  };
  return { state, afterLine, install };
}
