import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { lessonMachine, type LessonEvent } from '../../src/machines/lessonMachine.ts';
import { EMPTY_SNAPSHOT, type LabSnapshot } from '../../src/sim/lessons/index.ts';

const stateOf = (value: unknown): string => (typeof value === 'string' ? value : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}.${stateOf(v)}`).join(','));

function run(events: LessonEvent[]) {
  const actor = createActor(lessonMachine);
  actor.start();
  events.forEach((e) => actor.send(e));
  const snap = actor.getSnapshot();
  actor.stop();
  return { state: stateOf(snap.value), context: snap.context };
}

/** What meets step 1 of seccomp-default (reboot denied at seccomp with EPERM). */
const rebootDenied: LabSnapshot = {
  ...EMPTY_SNAPSHOT,
  entries: [{ input: 'reboot', runtime: 'runc', options: {}, container: null, compared: false, refused: false, status: 1, stdout: '', stderr: '', calls: [
    { name: 'reboot', failed: true, errno: 'EPERM', servedBy: 'host', deniedAt: 'seccomp', hops: [{ layer: 'seccomp', verdict: 'deny', hostCall: null }], path: false },
  ] }],
};
const open = (id: string, step?: number): LessonEvent => ({ type: 'lesson.open', id, ...(step === undefined ? {} : { step }) });
const check = (snapshot: LabSnapshot): LessonEvent => ({ type: 'lesson.check', snapshot });

describe('lessonMachine', () => {
  it.each<[string, LessonEvent[], string, { lessonId: string | null; step: number; hints: number }]>([
    ['starts with no lesson (the free sandbox)', [], 'idle', { lessonId: null, step: 0, hints: 0 }],
    ['ignores a lesson it does not know', [open('nope')], 'idle', { lessonId: null, step: 0, hints: 0 }],
    ['opens a lesson on its first step', [open('seccomp-default')], 'active.working', { lessonId: 'seccomp-default', step: 0, hints: 0 }],
    ['opens at a step, clamped to the lesson', [open('gvisor', 9)], 'active.working', { lessonId: 'gvisor', step: 2, hints: 0 }],
    ['clamps a negative step to the first', [open('gvisor', -3)], 'active.working', { lessonId: 'gvisor', step: 0, hints: 0 }],
    ['stays working when the goal is not met', [open('seccomp-default'), check(EMPTY_SNAPSHOT)], 'active.working', { lessonId: 'seccomp-default', step: 0, hints: 0 }],
    ['meets the goal on a snapshot that meets it', [open('seccomp-default'), check(rebootDenied)], 'active.met', { lessonId: 'seccomp-default', step: 0, hints: 0 }],
    ['stays met once met', [open('seccomp-default'), check(rebootDenied), check(EMPTY_SNAPSHOT)], 'active.met', { lessonId: 'seccomp-default', step: 0, hints: 0 }],
    ['Next goes to the next step, goal not met yet', [open('seccomp-default'), check(rebootDenied), { type: 'lesson.next' }], 'active.working', { lessonId: 'seccomp-default', step: 1, hints: 0 }],
    ['Next is allowed before the goal is met', [open('kata'), { type: 'lesson.next' }], 'active.working', { lessonId: 'kata', step: 1, hints: 0 }],
    ['Next on the last step finishes', [open('kata', 1), { type: 'lesson.next' }], 'finished', { lessonId: 'kata', step: 1, hints: 0 }],
    ['Back from finished returns to the last step', [open('kata', 1), { type: 'lesson.next' }, { type: 'lesson.back' }], 'active.working', { lessonId: 'kata', step: 1, hints: 0 }],
    ['Back goes to the previous step', [open('kata', 1), { type: 'lesson.back' }], 'active.working', { lessonId: 'kata', step: 0, hints: 0 }],
    ['Back on the first step stays', [open('kata'), { type: 'lesson.back' }], 'active.working', { lessonId: 'kata', step: 0, hints: 0 }],
    ['shows hints one at a time, no more than the step has', [open('kata'), { type: 'lesson.hint' }, { type: 'lesson.hint' }], 'active.working', { lessonId: 'kata', step: 0, hints: 1 }],
    ['a new step starts with no hints shown', [open('cgroups'), { type: 'lesson.hint' }, { type: 'lesson.next' }], 'active.working', { lessonId: 'cgroups', step: 1, hints: 0 }],
    ['closes to the free sandbox', [open('kata'), { type: 'lesson.close' }], 'idle', { lessonId: null, step: 0, hints: 0 }],
    ['closes from finished', [open('kata', 1), { type: 'lesson.next' }, { type: 'lesson.close' }], 'idle', { lessonId: null, step: 0, hints: 0 }],
    ['opens another lesson from any state', [open('kata', 1), { type: 'lesson.next' }, open('cgroups')], 'active.working', { lessonId: 'cgroups', step: 0, hints: 0 }],
    ['reopening a met step starts it afresh', [open('seccomp-default'), check(rebootDenied), open('seccomp-default')], 'active.working', { lessonId: 'seccomp-default', step: 0, hints: 0 }],
    ['does not check goals with no lesson open', [check(rebootDenied)], 'idle', { lessonId: null, step: 0, hints: 0 }],
  ])('%s', (_name, events, state, context) => {
    const r = run(events);
    expect(r.state).toBe(state);
    expect(r.context).toEqual(context);
  });
});
