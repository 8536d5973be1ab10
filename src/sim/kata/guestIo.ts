import { planFdCall, FD_CALLS } from './fdPlan.ts';
import { guestStateOf, type KataGuestState } from './guestState.ts';
import { planNetCall, NET_CALLS } from './netPlan.ts';
import type { KataSettings } from './options.ts';
import { isEmptyPathStat, planPathCall, PATH_CALLS } from './pathPlan.ts';
import { NO_IO, type CallFacts, type IoPlan, type PlanCtx } from './planTypes.ts';

/**
 * Which of a call's effects leave the VM, given what the guest kernel did
 * with it and what the guest remembers: the plan the Kata call machine
 * follows after the guest kernel's checks (requests the guest waits for)
 * and after its work (packets and terminal output it only queues). Any call
 * not named here is the guest kernel's alone.
 */
export function planGuestIo(facts: CallFacts, settings: KataSettings): IoPlan {
  const state: KataGuestState = guestStateOf(facts.world);
  const x: PlanCtx = { facts, settings, state, now: facts.world.timeNs };
  const name = facts.call.name;
  if (facts.deniedBy === 'seccomp' || !facts.world.procs[facts.pid]) return NO_IO(state);
  if (NET_CALLS.has(name)) {
    const net = planNetCall(x);
    if (net) return net;
  }
  if ((name === 'newfstatat' || name === 'statx') && isEmptyPathStat(x)) return planFdCall(x);
  if (PATH_CALLS.has(name)) return planPathCall(x);
  if (FD_CALLS.has(name)) return planFdCall(x);
  return NO_IO(state);
}
