import { assign, setup } from 'xstate';
import { findLesson, goalMet, type LabSnapshot, type Lesson, type LessonStep } from '../sim/lessons/index.ts';

/**
 * A person's way through a lesson (issue 6, point 1): no lesson open
 * (`idle`, the free sandbox), on a step whose goal is not met yet
 * (`active.working`), on a step whose goal is met (`active.met`), or past the
 * last step (`finished`). The goal is checked on a snapshot of the lab after
 * each line the person runs (`lesson.check`); Next and Back move between
 * steps whether or not the goal is met (a lecturer may skip ahead); a hint is
 * shown one at a time.
 */
export interface LessonContext {
  lessonId: string | null;
  step: number;
  /** How many of the step's hints are shown. */
  hints: number;
}

export type LessonEvent =
  | { type: 'lesson.open'; id: string; step?: number }
  | { type: 'lesson.close' }
  | { type: 'lesson.check'; snapshot: LabSnapshot }
  | { type: 'lesson.next' }
  | { type: 'lesson.back' }
  | { type: 'lesson.hint' };

/** The lesson and step the context points at. */
export const lessonOf = (c: LessonContext): Lesson | undefined => (c.lessonId === null ? undefined : findLesson(c.lessonId));
export const stepOf = (c: LessonContext): LessonStep | undefined => lessonOf(c)?.steps[c.step];

/** A requested step, clamped to the lesson's steps (a URL may ask for any number). */
const clampStep = (id: string, step: number | undefined): number => {
  const count = findLesson(id)?.steps.length ?? 1;
  return Math.min(count - 1, Math.max(0, Number.isInteger(step) ? (step ?? 0) : 0));
};

export const lessonMachine = setup({
  types: { context: {} as LessonContext, events: {} as LessonEvent },
  guards: {
    lessonExists: ({ event }) => event.type === 'lesson.open' && findLesson(event.id) !== undefined,
    goalReached: ({ context, event }) => event.type === 'lesson.check' && stepOf(context) !== undefined && goalMet(stepOf(context)!.goal, event.snapshot),
    isLastStep: ({ context }) => context.step >= (lessonOf(context)?.steps.length ?? 1) - 1,
    isFirstStep: ({ context }) => context.step <= 0,
    hasMoreHints: ({ context }) => context.hints < (stepOf(context)?.hints.length ?? 0),
  },
  actions: {
    open: assign(({ event }) => (event.type === 'lesson.open' ? { lessonId: event.id, step: clampStep(event.id, event.step), hints: 0 } : {})),
    close: assign({ lessonId: null, step: 0, hints: 0 }),
    forward: assign(({ context }) => ({ step: context.step + 1, hints: 0 })),
    backward: assign(({ context }) => ({ step: Math.max(0, context.step - 1), hints: 0 })),
    toLastStep: assign(({ context }) => ({ step: (lessonOf(context)?.steps.length ?? 1) - 1, hints: 0 })),
    hint: assign(({ context }) => ({ hints: context.hints + 1 })),
  },
}).createMachine({
  id: 'lesson',
  context: { lessonId: null, step: 0, hints: 0 },
  initial: 'idle',
  on: {
    'lesson.open': { guard: 'lessonExists', target: '.active', reenter: true, actions: 'open' },
  },
  states: {
    idle: {},
    active: {
      initial: 'working',
      on: {
        'lesson.close': { target: 'idle', actions: 'close' },
        'lesson.next': [
          { guard: 'isLastStep', target: 'finished' },
          { target: '.working', reenter: true, actions: 'forward' },
        ],
        // On the first step Back stays put (the guard takes the event, nothing happens).
        'lesson.back': [
          { guard: 'isFirstStep' },
          { target: '.working', reenter: true, actions: 'backward' },
        ],
        'lesson.hint': { guard: 'hasMoreHints', actions: 'hint' },
      },
      states: {
        working: {
          on: { 'lesson.check': { guard: 'goalReached', target: 'met' } },
        },
        met: {},
      },
    },
    finished: {
      on: {
        'lesson.close': { target: 'idle', actions: 'close' },
        'lesson.back': { target: 'active', actions: 'toLastStep' },
      },
    },
  },
});
