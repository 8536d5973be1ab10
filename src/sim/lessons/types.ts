import type { RuntimeId } from '../runtime/types.ts';
import type { Localized } from '../text/language.ts';
import type { Goal } from './goals.ts';

/**
 * A lesson is data: steps with text, lines a person can click to run, a goal
 * checked against the lab's state, hints, and the lines that reach the goal
 * (the solution, which the tests replay headlessly).
 */
export interface LessonStep {
  text: Localized;
  /** Literal lines the terminal runs when clicked. */
  commands: readonly string[];
  goal: Goal;
  /** The goal in words, as the panel shows it. */
  goalText: Localized;
  hints: readonly Localized[];
  /** Lines that, run in order from the step's start, meet the goal. */
  solution: readonly string[];
}

/** What a lesson covers (issue 6's list), so a test can check every topic has a lesson. */
export type LessonTopic =
  | 'docker-stack' | 'namespaces' | 'cgroups' | 'capabilities' | 'seccomp-default' | 'seccomp-own' | 'oci-cri'
  | 'gvisor' | 'kata' | 'unikernels' | 'microvms' | 'distroless' | 'threat-model';

export interface Lesson {
  /** Short and URL-safe: `namespaces`, `gvisor`. */
  id: string;
  title: Localized;
  summary: Localized;
  /** The runtime the terminal is put on when the lesson opens. */
  runtime: RuntimeId;
  topics: readonly LessonTopic[];
  steps: readonly LessonStep[];
}
