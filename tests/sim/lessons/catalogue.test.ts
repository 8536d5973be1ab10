import { describe, expect, it } from 'vitest';
import { LESSONS, type LessonTopic } from '../../../src/sim/lessons/index.ts';
import { RUNTIME_IDS } from '../../../src/sim/runtime/registry.ts';
import type { Localized } from '../../../src/sim/text/language.ts';

/** Issue 6, point 1's list of what the lessons teach, in its order. */
const TOPICS: LessonTopic[] = [
  'docker-stack', 'namespaces', 'cgroups', 'capabilities', 'seccomp-default', 'seccomp-own', 'oci-cri',
  'gvisor', 'kata', 'unikernels', 'microvms', 'distroless', 'threat-model',
];

const texts = (l: (typeof LESSONS)[number]): [string, Localized][] => [
  ['title', l.title], ['summary', l.summary],
  ...l.steps.flatMap((s, i): [string, Localized][] => [[`step ${i + 1} text`, s.text], [`step ${i + 1} goal`, s.goalText], ...s.hints.map((h, j): [string, Localized] => [`step ${i + 1} hint ${j + 1}`, h])]),
];

describe('the lessons', () => {
  it('are at least 12, with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });

  it.each(TOPICS)('cover %s', (topic) => {
    expect(LESSONS.some((l) => l.topics.includes(topic))).toBe(true);
  });

  it('follow the issue\'s order: each topic\'s own lesson (its first topic) comes after the previous topic\'s', () => {
    const first = TOPICS.map((t) => LESSONS.findIndex((l) => l.topics[0] === t));
    expect(first).not.toContain(-1);
    expect(first).toEqual([...first].sort((a, b) => a - b));
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: every text has English and a different Chinese text', (_id, lesson) => {
    for (const [where, t] of texts(lesson)) {
      expect(t.en.trim(), where).not.toBe('');
      expect(t.zh.trim(), where).not.toBe('');
      expect(t.zh, where).not.toBe(t.en);
      expect(/[\u4e00-\u9fff]/.test(t.zh), `${where} has no Chinese`).toBe(true);
    }
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s: starts on a runtime the lab has; every step has commands, a hint and a solution', (_id, lesson) => {
    expect(RUNTIME_IDS).toContain(lesson.runtime);
    expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
    for (const s of lesson.steps) {
      expect(s.commands.length).toBeGreaterThan(0);
      expect(s.hints.length).toBeGreaterThan(0);
      expect(s.solution.length).toBeGreaterThan(0);
    }
  });
});
