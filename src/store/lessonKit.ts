import { lessonMachine, lessonOf, stepOf } from '../machines/lessonMachine.ts';
import { LESSONS, type Lesson } from '../sim/lessons/index.ts';
import { buildSnapshot, markNow } from './lessonState.ts';

/**
 * What the lesson slice (lessons.ts) needs from the lessons themselves: their
 * texts and goals, the lesson machine, and the snapshot its goals are checked
 * on. Only engine.ts imports it, so the 13 lessons in two languages and the
 * machine travel in the lazily loaded model chunk, not in the page's first
 * script (issue 6: the first script's size); the slice gets it when the
 * engine is installed.
 */
export interface LessonKit {
  lessons: readonly Lesson[];
  machine: typeof lessonMachine;
  lessonOf: typeof lessonOf;
  stepOf: typeof stepOf;
  buildSnapshot: typeof buildSnapshot;
  markNow: typeof markNow;
}

export const lessonKit: LessonKit = { lessons: LESSONS, machine: lessonMachine, lessonOf, stepOf, buildSnapshot, markNow };

