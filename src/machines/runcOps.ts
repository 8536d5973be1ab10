import { dockerCgroupPath } from '../sim/cgroups/docker.ts';
import { rmdirCgroup } from '../sim/cgroups/tree.ts';
import { removeFlatDir } from '../sim/oci/bundleFs.ts';
import { endRunc, execProgram } from '../sim/oci/bundleInit.ts';
import { runcStartSteps } from '../sim/oci/bundlePlan.ts';
import { readRuncState, removeExecFifo } from '../sim/oci/bundleState.ts';
import { hookSteps } from '../sim/oci/hooksSteps.ts';
import { findExecutable } from '../sim/runtime/imageExec.ts';
import { withRecord, type ContainerRecord } from '../sim/stack/containers.ts';
import { findImage } from '../sim/vfs/images/catalog.ts';
import { SIGNALS } from '../sim/kernel/signals.ts';
import type { CallTrace, Hop } from '../sim/trace.ts';
import { runStartPlan } from './containerStartMachine.ts';
import type { HostState } from './controlTypes.ts';
import { removed } from './dockerAdmin.ts';
import { runCall } from './runCall.ts';
import { lifecycleOf, lifecycleStep } from './runcLifecycle.ts';
import { findRunc } from './runcRecords.ts';
import { asCalls, hop, type RuncDone, refusedCall } from './runcTrace.ts';

/**
 * `runc start`, `runc kill` and `runc delete` on a container runc made: the
 * OCI lifecycle machine says whether the operation is allowed now (with
 * runc's refusal) and which hooks it passes; the signal is a kill(2) through
 * the kernel's dispatch machine, so the kernel decides (an init drops the
 * signals it has no handler for, except SIGKILL from outside).
 * @see opencontainers/runc start.go, kill.go, delete.go (killContainer), libcontainer/container_linux.go Signal, destroy
 */
const missing = (state: HostState, line: string): RuncDone => ({ state, calls: [refusedCall(line, 'container does not exist')], stdout: '', stderr: 'ERRO[0000] container does not exist\n', status: 1 });

export function runcStart(state: HostState, root: string, id: string): RuncDone & { record?: ContainerRecord } {
  const line = `runc start ${id}`;
  const c = findRunc(state.stack, id);
  if (!c) return missing(state, line);
  const bundle = readRuncState(state.host.world, state.host.pid, root, id)?.bundle ?? '';
  const step = lifecycleStep(lifecycleOf(id, bundle, c), { type: 'oci.start' });
  if (step.refusal) return { state, calls: [refusedCall(line, step.refusal, step.state)], stdout: '', stderr: `ERRO[0000] ${step.refusal}\n`, status: 1 };
  const image = findImage(c.imageRef);
  const exe = image ? findExecutable(image, c.spec.process.args[0] ?? '', c.spec.process.env) : null;
  const program = exe ?? { path: c.spec.process.args[0] ?? '', target: c.spec.process.args[0] ?? '' };
  let world = execProgram(state.host.world, c.pid, { comm: (program.path.split('/').pop() ?? '').slice(0, 15), exe: program.target, argv: c.spec.process.args });
  world = removeExecFifo(world, state.host.pid, root, id);
  const record: ContainerRecord = { ...c, status: 'running' };
  const calls = runStartPlan(runcStartSteps(c.spec, id, { path: program.path, argv: c.spec.process.args }, step.hooks)).calls;
  return { state: { host: { ...state.host, world }, stack: withRecord(state.stack, record) }, calls, stdout: '', stderr: '', status: 0, record };
}

/** kill(2) as runc makes it, from the host's namespaces as root: the kernel's verdict, and whether the init is gone. */
function signalInit(state: HostState, c: ContainerRecord, sig: number): { state: HostState; died: boolean; kernel: Hop } {
  const n = (v: number) => ({ type: 'number' as const, value: v, text: String(v) });
  const run = runCall(state.host.world, state.host.pid, { name: 'kill', args: [n(c.pid), n(sig)] });
  const died = run.world.procs[c.pid] === undefined;
  const said = run.trace.hops.find((h) => h.verdict === 'deny') ?? run.trace.hops.find((h) => h.state === 'handler.execute') ?? run.trace.hops.at(-1);
  const kernel = hop('host-kernel', said?.verdict === 'deny' ? 'deny' : 'handled', `${run.trace.line}: ${said?.note ?? ''}`, 5_000, 'sys_kill');
  return { state: { ...state, host: { ...state.host, world: run.world } }, died, kernel };
}

export function runcKill(state: HostState, root: string, id: string, sig: number): RuncDone {
  const name = SIGNALS[sig] ?? String(sig);
  const line = `runc kill ${id} ${name}`;
  const c = findRunc(state.stack, id);
  if (!c) return missing(state, line);
  const snapshot = lifecycleOf(id, readRuncState(state.host.world, state.host.pid, root, id)?.bundle ?? '', c);
  if (c.status === 'exited') {
    const refusal = lifecycleStep(snapshot, { type: 'oci.kill', signal: name }).refusal ?? 'container not running';
    return { state, calls: [refusedCall(line, refusal, 'stopped')], stdout: '', stderr: `ERRO[0000] ${refusal}\n`, status: 1 };
  }
  const sent = signalInit(state, c, sig);
  const after = sent.died ? lifecycleStep(snapshot, { type: 'oci.kill', signal: name }).state : String(snapshot.value);
  const hops = [
    hop('oci-runtime', 'handled', `runc loads ${id} from ${root}/${id}/state.json, checks its init (pid ${c.pid}) is still the same process, and sends it ${name}`, 1_000_000, undefined, after),
    hop('host-syscall', 'pass', 'kill(2) from runc, as root in the host\'s namespaces: no seccomp filter, every capability', 100, undefined, after),
    { ...sent.kernel, state: after },
    hop('container', sent.died ? 'handled' : 'pass', sent.died ? `The init dies: the container is "stopped"${c.spec.linux.namespaces.some((n) => n.type === 'pid') ? ', and with it every process of its pid namespace' : ''}` : `The init lives on: the container stays "${after}"`, 0, undefined, after),
  ];
  const calls: CallTrace[] = [{ name: line, line: `${line} = 0`, retval: 0, errno: null, hops, deniedBy: null, reason: null, servedBy: 'host' }];
  if (!sent.died) return { state: sent.state, calls, stdout: '', stderr: '', status: 0 };
  const world = endRunc(sent.state.host.world, id);
  const record: ContainerRecord = { ...c, status: 'exited', exitCode: 128 + sig };
  return { state: { host: { ...sent.state.host, world }, stack: withRecord(sent.state.stack, record) }, calls, stdout: '', stderr: '', status: 0 };
}

export function runcDelete(state: HostState, root: string, id: string, force: boolean): RuncDone {
  const line = `runc delete${force ? ' -f' : ''} ${id}`;
  const c = findRunc(state.stack, id);
  if (!c) {
    // runc removes a leftover state directory either way; with --force a missing container is not an error.
    const swept = { ...state, host: { ...state.host, world: removeFlatDir(state.host.world, state.host.pid, `${root}/${id}`) } };
    return force ? { state: swept, calls: [], stdout: '', stderr: '', status: 0 } : missing(swept, line);
  }
  const step = lifecycleStep(lifecycleOf(id, readRuncState(state.host.world, state.host.pid, root, id)?.bundle ?? '', c), { type: 'oci.delete', force });
  if (step.refusal) return { state, calls: [refusedCall(line, step.refusal, String(step.state))], stdout: '', stderr: `ERRO[0000] ${step.refusal}\n`, status: 1 };
  const alive = c.status !== 'exited';
  const sent = alive ? signalInit(state, c, 9) : null;
  let world = endRunc((sent?.state ?? state).host.world, id);
  world = removeFlatDir(world, state.host.pid, `${root}/${id}`);
  const cg = rmdirCgroup(world.cgroups, dockerCgroupPath(c.id));
  world = { ...world, cgroups: cg.ok ? cg.value : world.cgroups };
  const hops = [
    hop('oci-runtime', 'handled', `runc ${alive ? `kills the ${c.status} container's init with SIGKILL, waits for it, then ` : ''}removes its cgroup and its state directory ${root}/${id}: the container is gone`, 2_000_000, undefined, step.state),
    ...(sent ? [{ ...sent.kernel, state: step.state }] : []),
  ];
  const calls: CallTrace[] = [{ name: line, line: `${line} = 0`, retval: 0, errno: null, hops, deniedBy: null, reason: null, servedBy: 'host' }, ...asCalls(hookSteps(c.spec, step.hooks, 'requested'), step.state)];
  return { state: { host: { ...state.host, world }, stack: removed(state.stack, c.id) }, calls, stdout: '', stderr: '', status: 0 };
}
