import { dockerCgroupPath } from '../sim/cgroups/docker.ts';
import { highestNamedSyscall } from '../sim/kernel/enosysStub.ts';
import { isCapability } from '../sim/kernel/capabilities.ts';
import type { InstalledFilter } from '../sim/kernel/seccompGate.ts';
import { pathKind } from '../sim/oci/bundleFs.ts';
import { holdAtExecFifo, runcProcess, settleRunc } from '../sim/oci/bundleInit.ts';
import { runcCreatePlan } from '../sim/oci/bundlePlan.ts';
import { readRuncState, removeExecFifo, rfc3339Nano, writeRuncState } from '../sim/oci/bundleState.ts';
import type { OciSpec } from '../sim/oci/spec.ts';
import { ociSeccompToProfile } from '../sim/oci/specSeccomp.ts';
import { findExecutable } from '../sim/runtime/imageExec.ts';
import { createSpecContainer, type ContainerBlueprint } from '../sim/runtime/specContainer.ts';
import type { CliError } from '../sim/stack/cliResult.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import { containerId, type ContainerRecord } from '../sim/stack/containers.ts';
import { runcCreateSteps } from '../sim/stack/runcSteps.ts';
import { defaultRequest, type RunRequest } from '../sim/stack/runRequest.ts';
import type { StartState } from '../sim/stack/startPlan.ts';
import { lookPathError } from '../sim/vfs/images/execNotFound.ts';
import type { CallTrace } from '../sim/trace.ts';
import { runStartPlan } from './containerStartMachine.ts';
import type { HostState } from './controlTypes.ts';
import { loadBundle, type LoadedBundle } from './runcBundle.ts';
import { lifecycleOf, lifecycleStep } from './runcLifecycle.ts';
import { runcRecord } from './runcRecords.ts';

/**
 * `runc create` and `runc run` (the create half, and for run the start):
 * runc's checks in runc's order, then the container made from the bundle's
 * config.json in the host's kernel (runtime/specContainer.ts), recorded
 * with via `runc`, its state directory written, and the path through the
 * runc stack's layers played by the start machine.
 * @see opencontainers/runc utils_linux.go (startContainer, createContainer, runner.run, checkTerminal), libcontainer/factory_linux.go Create
 */
export interface CreateCmd {
  verb: 'create' | 'run';
  id: string;
  bundle?: string;
  consoleSocket?: string;
  /** run -d; create always detaches. */
  detach: boolean;
  keep: boolean;
  laterError: CliError | null;
  argv: readonly string[];
  /** runc's --root (default /run/runc). */
  root: string;
  imageByName?: boolean;
}

export interface CreateOutcome {
  state: HostState;
  record: ContainerRecord | null;
  calls: CallTrace[];
  /** What runc printed (and the lab's own lines), and its exit status. */
  stderr: string;
  status: number;
}

const erro = (message: string) => `ERRO[0000] ${message}\n`;
const lines = (notes: string[]) => notes.map((n) => `${n}\n`).join('');

export function runcCreate(start: HostState, cmd: CreateCmd): CreateOutcome {
  const loaded = loadBundle(start, cmd);
  if (!loaded.ok) return refuse(loaded.state, cmd, 'requested', loaded.error, loaded.notes, null);
  const b = loaded.value;
  const refused = (message: string, at: StartState = 'specWritten', notes = b.notes) => refuse(b.state, cmd, at, message, notes, b);
  if (cmd.laterError) return refused(cmd.laterError.message.replace(/^ERRO\[0000\] /, ''));
  if (b.state.stack.containers.some((c) => c.via === 'runc' && c.name === cmd.id) || readRuncState(b.state.host.world, b.state.host.pid, cmd.root, cmd.id)) {
    return refused(`runc ${cmd.verb} failed: container with given ID already exists`);
  }
  const tty = b.spec.process.terminal === true;
  const detach = cmd.verb === 'create' || cmd.detach;
  if (detach && tty && !cmd.consoleSocket) {
    return refused(`runc ${cmd.verb} failed: cannot allocate tty if runc will detach without setting console socket`, 'specWritten',
      [...b.notes, `${LAB_PREFIX}config.json has "terminal": true. Set process.terminal to false (and process.args to a program that runs on its own) in the Spec pane, or use runc run, which keeps the terminal.`]);
  }
  if ((!detach || !tty) && cmd.consoleSocket) return refused(`runc ${cmd.verb} failed: cannot use console socket if runc will not detach or allocate tty`);
  if (cmd.consoleSocket) {
    const sock = pathKind(b.state.host.world, b.state.host.pid, cmd.consoleSocket);
    return refused(`runc ${cmd.verb} failed: dial unix ${cmd.consoleSocket}: connect: ${sock.ok ? 'connection refused' : 'no such file or directory'}`, 'specWritten',
      [...b.notes, `${LAB_PREFIX}nothing on the lab's host listens for a console (recvtty); runc run keeps the terminal instead.`]);
  }
  const joined = b.spec.linux.namespaces.findIndex((n) => n.path);
  if (joined >= 0) return refused(`${LAB_PREFIX}linux.namespaces[${joined}].path: joining an existing namespace is not modelled; the lab makes each namespace the spec lists. Remove "path" to get a new one.`);
  return make(b, cmd);
}

function make(b: LoadedBundle, cmd: CreateCmd): CreateOutcome {
  const { spec } = b;
  const seq = b.state.stack.made;
  const hexId = containerId(seq);
  const shellPid = b.state.host.pid;
  // runc wires no network: a new network namespace gets only its loopback, which runc brings up (specconv: Networks = loopback when NEWNET is private).
  const bp: ContainerBlueprint = { id: hexId, spec, image: b.image, filter: filterOf(spec), network: 'none', shim: runcProcess([...cmd.argv]) };
  const made = createSpecContainer(b.state.host.world, bp);
  const exe = findExecutable(b.image, spec.process.args[0] ?? '', spec.process.env);
  const running = cmd.verb === 'run';
  let machine = lifecycleStep(lifecycleOf(cmd.id, b.bundle), { type: 'oci.create', pid: made.ok ? made.value.pid : 0 });
  const hooks = [...machine.hooks];
  if (running && made.ok) {
    machine = lifecycleStep(machine.snapshot, { type: 'oci.start' });
    hooks.push(...machine.hooks);
  }
  const hostPid = made.ok ? made.value.pid : b.state.host.world.nextPid + 1;
  const cgroupPath = made.ok ? (made.value.world.procs[hostPid]?.cgroup ?? dockerCgroupPath(hexId)) : dockerCgroupPath(hexId);
  const kernel = runcCreateSteps({ spec, id: hexId, hostPid, cgroupPath, filterRules: bp.filter ? spec.linux.seccomp?.syscalls?.length ?? 0 : null });
  const failure = made.ok ? null : failureText(cmd.verb, spec, made.reason);
  const calls = runStartPlan(runcCreatePlan({
    verb: cmd.verb, id: cmd.id, bundle: b.bundle, spec, kernel, cgroupPath, hooks,
    refusal: failure ? { state: 'credentialed', message: failure } : null,
    exec: exe ? { path: exe.path, argv: spec.process.args } : null,
  })).calls;
  if (!made.ok) return { state: b.state, record: null, calls, stderr: lines(b.notes) + erro(failure ?? 'the container was not made'), status: 1 };
  let world = settleRunc(made.value.world, hostPid, shellPid, running && !cmd.detach);
  if (!running) world = holdAtExecFifo(world, hostPid);
  const written = writeRuncState(world, shellPid, cmd.root, { id: cmd.id, initPid: hostPid, created: rfc3339Nano(world), rootfs: b.rootfs, bundle: b.bundle, ociVersion: spec.ociVersion });
  world = written.ok ? written.value : world;
  if (running) world = removeExecFifo(world, shellPid, cmd.root, cmd.id);
  const record = runcRecord({ hexId, id: cmd.id, image: b.image.ref, spec, pid: hostPid, seq, status: running ? 'running' : 'created', request: requestOf(b, cmd) });
  const state: HostState = { host: { ...b.state.host, world }, stack: { ...b.state.stack, containers: [...b.state.stack.containers, record], made: seq + 1 } };
  return { state, record, calls, stderr: lines(b.notes), status: 0 };
}

function refuse(state: HostState, cmd: CreateCmd, at: StartState, message: string, notes: string[], b: LoadedBundle | null): CreateOutcome {
  const calls = runStartPlan(runcCreatePlan({
    verb: cmd.verb, id: cmd.id, bundle: b?.bundle ?? cmd.bundle ?? '.', spec: b?.spec ?? null, kernel: [], cgroupPath: '', hooks: [],
    refusal: { state: b ? at : 'requested', message }, exec: null,
  })).calls;
  const text = message.startsWith(LAB_PREFIX) ? `${message}\n` : erro(message);
  return { state, record: null, calls, stderr: lines(notes) + text, status: 1 };
}

/** The container builder's reason as runc words it: the init's error comes back wrapped (execNotFound.ts has the chain). */
function failureText(verb: string, spec: OciSpec, reason: string): string {
  if (reason.startsWith('exec: ')) return `runc ${verb} failed: unable to start container process: error during container init: ${lookPathError(spec.process.args[0] ?? '')}`;
  return `runc ${verb} failed: ${reason.replace(/^runc create failed: /, '')}`;
}

/** runc compiles linux.seccomp as it stands, adding its ENOSYS stub for syscalls newer than the filter knows. */
function filterOf(spec: OciSpec): InstalledFilter | null {
  if (!spec.linux.seccomp) return null;
  const profile = ociSeccompToProfile(spec.linux.seccomp, "config.json's seccomp filter");
  const caps = (spec.process.capabilities?.bounding ?? []).filter(isCapability);
  return { label: "config.json's seccomp filter", profile, caps, enosysAbove: highestNamedSyscall(profile) };
}

/** What the record keeps of the command (the fields docker-shaped views read). */
function requestOf(b: LoadedBundle, cmd: CreateCmd): RunRequest {
  const has = (t: string) => b.spec.linux.namespaces.some((n) => n.type === t);
  const tty = b.spec.process.terminal === true;
  return {
    ...defaultRequest(b.image.ref), name: cmd.id, command: [...b.spec.process.args], interactive: tty, tty, detach: cmd.verb === 'create' || cmd.detach,
    remove: cmd.verb === 'run' && !cmd.detach && !cmd.keep, network: has('network') ? 'none' : 'host', pid: has('pid') ? 'private' : 'host',
    readOnly: b.spec.root.readonly === true,
  };
}
