import type { Lesson } from './types.ts';
import { dockerStackLesson } from './stack.ts';
import { namespacesLesson } from './namespaces.ts';
import { cgroupsLesson } from './cgroups.ts';
import { capabilitiesLesson } from './capabilities.ts';
import { seccompDefaultLesson, seccompOwnLesson } from './seccomp.ts';
import { ociCriLesson } from './ociCri.ts';
import { gvisorLesson } from './gvisor.ts';
import { kataLesson } from './kata.ts';
import { unikernelsLesson } from './unikernels.ts';
import { microvmsLesson } from './microvms.ts';
import { distrolessLesson } from './distroless.ts';
import { threatModelLesson } from './threatModel.ts';

export type { Lesson, LessonStep, LessonTopic } from './types.ts';
export type { Goal } from './goals.ts';
export { goalMet } from './goals.ts';
export type { LabSnapshot, SnapshotCall, SnapshotContainer, SnapshotEntry, SnapshotHop } from './snapshot.ts';
export { EMPTY_SNAPSHOT } from './snapshot.ts';

/** Every lesson, in teaching order: the stack, the kernel's own mechanisms, then the sandboxes, then choosing. */
export const LESSONS: readonly Lesson[] = [
  dockerStackLesson, namespacesLesson, cgroupsLesson, capabilitiesLesson, seccompDefaultLesson, seccompOwnLesson,
  ociCriLesson, gvisorLesson, kataLesson, unikernelsLesson, microvmsLesson, distrolessLesson, threatModelLesson,
];

export const findLesson = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);
