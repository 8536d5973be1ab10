import { assign, emit, enqueueActions, setup } from 'xstate';
import { chargeWouldOom, cpuWouldThrottle, forkWouldBeRefused, isCgroupAtLimit, rmdirCgroup, writeWouldOom } from '../sim/cgroups/index.ts';
import { applyCgroupEvent, forkRefusedFact, initialCgroupContext, oomKilledFacts, rejectedFacts, throttledFact } from './cgroupMachineSteps.ts';
import type { CgroupEmitted, CgroupEvent, CgroupMachineContext, CgroupMachineInput } from './cgroupMachineTypes.ts';

export type { CgroupEmitted, CgroupEvent, CgroupMachineContext, CgroupMachineInput, CgroupLimitFile } from './cgroupMachineTypes.ts';

/**
 * One cgroup under load. While it lives it is `underLimit` or `atLimit` (the
 * next fork would be refused, or memory is within 10 % of a memory.max on the
 * way up); a charge or a lowered memory.max that runs into the limit passes
 * through `oomKilling`, where the kernel's OOM killer takes its victims, and
 * settles back. `cgroup.remove` is rmdir: allowed only once it is empty.
 * The model is src/sim/cgroups; this machine is its control flow and names
 * what happened (`cgroup.oomKilled`, `cgroup.forkRefused`, `cgroup.throttled`).
 * @see Documentation/admin-guide/cgroup-v2.rst, mm/oom_kill.c, kernel/cgroup/pids.c, kernel/sched/fair.c
 */
export const cgroupMachine = setup({
  types: {
    context: {} as CgroupMachineContext,
    events: {} as CgroupEvent,
    input: {} as CgroupMachineInput,
    emitted: {} as CgroupEmitted,
  },
  actions: {
    apply: assign(({ context, event }) => applyCgroupEvent(context, event)),
    reportKills: enqueueActions(({ context, event, enqueue }) => oomKilledFacts(context, event).forEach((fact) => enqueue.emit(fact))),
    reportError: enqueueActions(({ context, event, enqueue }) => rejectedFacts(context, event).forEach((fact) => enqueue.emit(fact))),
    reportForkRefused: emit(({ context, event }) => forkRefusedFact(context, event)),
    reportThrottled: emit(({ context }) => throttledFact(context)),
  },
  guards: {
    isAtLimit: ({ context }) => isCgroupAtLimit(context.tree, context.path),
    isUnderLimit: ({ context }) => !isCgroupAtLimit(context.tree, context.path),
    isOomNeeded: ({ context, event }) => event.type === 'cgroup.charge' && chargeWouldOom(context.tree, event.pid, event.bytes),
    isLimitBelowUsage: ({ context, event }) => event.type === 'cgroup.setLimit' && writeWouldOom(context.tree, context.path, event.file, event.value),
    isForkRefused: ({ context, event }) => event.type === 'cgroup.fork' && forkWouldBeRefused(context.tree, event.parentPid),
    isThrottledRun: ({ context, event }) => event.type === 'cgroup.runCpu' && cpuWouldThrottle(context.tree, context.path, event.demandUsec, event.wallUsec),
    canRemove: ({ context }) => rmdirCgroup(context.tree, context.path).ok,
  },
}).createMachine({
  id: 'cgroup',
  context: ({ input }) => initialCgroupContext(input),
  initial: 'active',
  states: {
    active: {
      initial: 'underLimit',
      on: {
        'cgroup.charge': [
          { guard: 'isOomNeeded', target: '.oomKilling', actions: ['apply', 'reportError'] },
          { actions: ['apply', 'reportError'] },
        ],
        'cgroup.setLimit': [
          { guard: 'isLimitBelowUsage', target: '.oomKilling', actions: ['apply', 'reportError'] },
          { actions: ['apply', 'reportError'] },
        ],
        'cgroup.fork': [
          { guard: 'isForkRefused', actions: ['apply', 'reportForkRefused'] },
          { actions: ['apply', 'reportError'] },
        ],
        'cgroup.runCpu': [
          { guard: 'isThrottledRun', actions: ['apply', 'reportThrottled'] },
          { actions: ['apply', 'reportError'] },
        ],
        'cgroup.uncharge': { actions: ['apply', 'reportError'] },
        'cgroup.exit': { actions: ['apply', 'reportError'] },
        'cgroup.attach': { actions: ['apply', 'reportError'] },
        'cgroup.remove': [
          { guard: 'canRemove', target: 'removed', actions: 'apply' },
          { actions: ['apply', 'reportError'] },
        ],
      },
      states: {
        underLimit: { always: { guard: 'isAtLimit', target: 'atLimit' } },
        atLimit: { always: { guard: 'isUnderLimit', target: 'underLimit' } },
        oomKilling: {
          entry: 'reportKills',
          always: [{ guard: 'isAtLimit', target: 'atLimit' }, { target: 'underLimit' }],
        },
      },
    },
    removed: { type: 'final' },
  },
});
