import { createActor } from 'xstate';
import { lessonMachine, lessonOf, stepOf } from '../machines/lessonMachine.ts';
import { LESSONS } from '../sim/lessons/index.ts';
import type { RuntimeId } from '../sim/runtime/types.ts';
import type { Localized } from '../sim/text/language.ts';
import type { Engine } from './engine.ts';
import type { LabState } from './labStore.ts';
import { buildSnapshot, markNow, type LessonMark } from './lessonState.ts';

/**
 * The lesson slice of the store (issue 6, point 1): the lesson machine's
 * actor, the view the panel reads, and the progress (which steps' goals were
 * met, per lesson). After each line the person runs, the step's goal is
 * checked on a snapshot of what happened since the step began.
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
}

export const lessonSummaries = (progress: LessonProgress): LessonSummary[] =>
  LESSONS.map((l) => ({ id: l.id, title: l.title, summary: l.summary, stepCount: l.steps.length, done: (progress[l.id] ?? []).filter((i) => i < l.steps.length).length }));

type Set = (partial: Partial<LabState>) => void;
type Get = () => LabState;

/** The slice, and the hook the store calls after each line it runs. */
export function createLessonSlice(set: Set, get: Get, engine: () => Engine | null, whenReady: (work: () => void) => void): { state: LessonSliceState; afterLine: (text: string) => void } {
  const actor = createActor(lessonMachine);
  let mark: LessonMark | null = null;
  let lines: string[] = [];
  const facts = () => {
    const { runtimeId, options, container, entries } = get();
    return { runtimeId, options, container, entries, lines };
  };
  const remark = () => {
    const m = engine();
    if (!m) return;
    lines = [];
    mark = markNow(facts(), m.lessonFacts());
  };
  const record = (id: string, step: number) => {
    const progress = get().lessonProgress;
    const met = progress[id] ?? [];
    if (met.includes(step)) return;
    const next = { ...progress, [id]: [...met, step].sort((a, b) => a - b) };
    set({ lessonProgress: next, lessons: lessonSummaries(next) });
  };
  const project = () => {
    const snap = actor.getSnapshot();
    const lesson = lessonOf(snap.context);
    const step = stepOf(snap.context);
    if (!lesson || !step || snap.matches('idle')) return set({ lesson: null });
    const goalMet = snap.matches({ active: 'met' });
    if (goalMet) record(lesson.id, snap.context.step);
    set({
      lesson: {
        id: lesson.id, title: lesson.title, summary: lesson.summary, runtime: lesson.runtime, step: snap.context.step, stepCount: lesson.steps.length,
        text: step.text, commands: step.commands, goal: step.goalText, goalMet, done: (get().lessonProgress[lesson.id] ?? []).includes(snap.context.step),
        hints: step.hints.slice(0, snap.context.hints), hintCount: step.hints.length, finished: snap.matches('finished'),
      },
    });
  };
  actor.start();
  /** Moves the machine, then begins the step afresh if it changed. */
  const move = (send: () => void) => {
    const before = actor.getSnapshot().context;
    send();
    const after = actor.getSnapshot().context;
    if (after.lessonId !== before.lessonId || after.step !== before.step) whenReady(remark);
    project();
  };
  const state: LessonSliceState = {
    lesson: null,
    lessons: lessonSummaries({}),
    lessonProgress: {},
    openLesson: (id, step) => {
      const known = LESSONS.find((l) => l.id === id);
      if (!known) return;
      actor.send({ type: 'lesson.open', id, ...(step === undefined ? {} : { step }) });
      // The lesson's runtime, out of any container; then the step begins (after lines still waiting for the model).
      whenReady(() => get().chooseRuntime(known.runtime));
      whenReady(remark);
      project();
    },
    closeLesson: () => move(() => actor.send({ type: 'lesson.close' })),
    lessonNext: () => move(() => actor.send({ type: 'lesson.next' })),
    lessonBack: () => move(() => actor.send({ type: 'lesson.back' })),
    showHint: () => move(() => actor.send({ type: 'lesson.hint' })),
  };
  const afterLine = (text: string) => {
    lines.push(text);
    const m = engine();
    if (!m || !mark || actor.getSnapshot().matches('idle')) return;
    // `reset` forgot every run and container: what comes after it is all new, whatever its id or order.
    if ((get().entries.at(-1)?.id ?? 0) < mark.entryId) mark = { entryId: 0, containerSeq: -1, lines: mark.lines };
    actor.send({ type: 'lesson.check', snapshot: buildSnapshot(facts(), m.lessonFacts(), mark) });
    project();
  };
  return { state, afterLine };
}
