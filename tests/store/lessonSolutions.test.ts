import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/labStore.ts';
import { createEngine } from '../../src/store/engine.ts';
import { LESSONS } from '../../src/sim/lessons/index.ts';

/**
 * Issue 6, point 1: "A test replays every lesson's solution headlessly and
 * checks its goals." For each lesson, from a fresh store: open it, and for
 * each step check the goal is not met before its solution lines and is met
 * after them; then Next.
 */
describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('each step\'s goal is met by its solution and not before', () => {
    const store = createLabStore(createEngine());
    store.getState().openLesson(lesson.id);
    expect(store.getState().runtimeId).toBe(lesson.runtime);
    lesson.steps.forEach((step, i) => {
      const before = store.getState().lesson;
      expect(before?.step, `step ${i + 1}`).toBe(i);
      expect(before?.goalMet, `step ${i + 1} met before its solution`).toBe(false);
      for (const line of step.solution) store.getState().submitLine(line);
      const after = store.getState().lesson;
      const tail = store.getState().transcript.slice(-12).map((t) => t.text).join('\n');
      expect(after?.goalMet, `step ${i + 1} not met by ${JSON.stringify(step.solution)}:\n${tail}`).toBe(true);
      store.getState().lessonNext();
    });
    expect(store.getState().lesson?.finished).toBe(true);
    expect(store.getState().lessons.find((l) => l.id === lesson.id)?.done).toBe(lesson.steps.length);
  });
});
