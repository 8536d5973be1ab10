import { tokenize } from '../sim/shell/tokenize.ts';
import { dockerSeccompUnreadable, parseDocker } from '../sim/stack/dockerArgs.ts';
import { parseSeccompProfile } from '../sim/seccomp/parseProfile.ts';
import type { SeccompProfile } from '../sim/seccomp/profile.ts';
import { readHostFile } from './hostFile.ts';
import type { DockerCommand } from '../sim/stack/dockerCommands.ts';
import { withRecord, type ContainerRecord } from '../sim/stack/containers.ts';
import { reap } from '../sim/kernel/reap.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import type { Session } from '../sim/runtime/types.ts';
import { CONTROL_PROGRAMS, type Attach, type ControlResult, type ControlRun, type HostState } from './controlTypes.ts';
import { dockerImages, dockerInspect, dockerPs, dockerRm, dockerStop, removed, stopped, type Printed } from './dockerAdmin.ts';
import { dockerExec } from './dockerExec.ts';
import { dockerRun } from './dockerRun.ts';
import { runInput } from './runInput.ts';
import { kubectlLine } from './kubectl.ts';
import { podmanLine } from './podman.ts';
import { runcLine } from './runcCli.ts';

/**
 * Lines for the container engines on the lab's host — `docker …` here,
 * `kubectl …`, `podman …` and `runc …` in their own files — and lines typed
 * while the terminal is attached to a container. Every control line runs on
 * the host, whichever shell the terminal shows: the lab's engines are the host's.
 */
export function isControlLine(text: string): boolean {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return (CONTROL_PROGRAMS as readonly string[]).includes(first);
}

const printed = (p: Printed): ControlResult => ({ ok: true, value: { ...p.state, path: null, inner: null, stdout: p.stdout, stderr: p.stderr, status: p.status } });

export function runControlLine(state: HostState, text: string, attached: Attach | null): ControlResult {
  const line = tokenize(text);
  if (!line.ok) {
    // The problem as data too, which the engine passes on for the terminal to word per language (src/store/inputProblems.ts).
    return { ok: false, message: line.message, column: line.column, problem: { type: 'shell', problem: line.problem } };
  }
  const argv = line.value.argv;
  if (argv[0] === 'kubectl') return kubectlLine(state, argv, attached);
  if (argv[0] === 'podman') return podmanLine(state, argv, attached);
  if (argv[0] === 'runc') return runcLine(state, argv, attached);
  if (argv[0] !== 'docker') {
    if (attached) return runInContainer(state, attached, text);
    return { ok: false, message: `${LAB_PREFIX}${argv[0] ?? ''} is not a control-plane command` };
  }
  const parsed = parseDocker(argv);
  switch (parsed.type) {
    case 'error': return printed({ state, stdout: '', stderr: `${parsed.message}\n`, status: parsed.status });
    case 'help': return printed({ state, stdout: `${parsed.text}\n`, stderr: '', status: 0 });
    case 'unmodelled': return printed({ state, stdout: '', stderr: `${parsed.message}\n`, status: 1 });
    default: return docker(state, parsed);
  }
}

function docker(state: HostState, cmd: DockerCommand): ControlResult {
  switch (cmd.type) {
    case 'run': return runResult(state, cmd.request);
    case 'exec': return dockerExec(state, cmd);
    case 'ps': return printed(dockerPs(state, cmd.all, cmd.quiet));
    case 'inspect': return printed(dockerInspect(state, cmd.targets, cmd.format));
    case 'stop': case 'kill': return printed(dockerStop(state, cmd.containers));
    case 'rm': return printed(dockerRm(state, cmd.containers, cmd.force));
    case 'images': return printed(dockerImages(state));
    default: return printed({ state, stdout: '', stderr: `${LAB_PREFIX}docker ${cmd.type} is read but not modelled; the lab runs docker run, ps, exec, inspect, stop, kill, rm and images\n`, status: 1 });
  }
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/**
 * `docker run`: the path, then where the terminal goes. With -it and a
 * shell it attaches; with -d the container keeps running; otherwise the
 * command runs to its end in the container (the lab runs it in the init, as
 * the shell model runs commands) and the container exits with its status.
 */
function runResult(state: HostState, req: Parameters<typeof dockerRun>[1]): ControlResult {
  const profile = seccompFile(state, req);
  if (profile.error) return printed({ state, stdout: '', stderr: `${profile.error}\n`, status: 125 });
  const started = dockerRun(state, req, profile.profile);
  const path = { kind: 'docker' as const, sandboxed: started.sandboxed, calls: started.calls };
  const base: ControlRun = { ...started.state, path, inner: null, stdout: '', stderr: '', status: 0 };
  if (!started.record) {
    // As docker CLI 28+ prints a daemon's refusal (cli/command/container/run.go, cli/cobra.go).
    const error = started.error ?? 'the container did not start';
    return { ok: true, value: { ...base, stderr: `docker: ${error}\n\nRun 'docker run --help' for more information\n`, status: error.includes('executable file not found') ? 127 : 125 } };
  }
  const record = started.record;
  const program = (record.spec.process.args[0] ?? '').split('/').pop() ?? '';
  const attach: Attach = { id: record.id, name: record.name, runtime: record.runtime, pid: record.pid, image: record.image };
  if (req.detach) return { ok: true, value: { ...base, stdout: `${record.id}\n` } };
  if (SHELLS.has(program) && req.command.length <= 1) {
    if (req.interactive && req.tty) return { ok: true, value: { ...base, attach } };
    // A shell with no terminal and no input reads end-of-file and exits 0.
    return { ok: true, value: finish(base, record.id, 0, req.remove) };
  }
  const inside = runInContainer(started.state, attach, req.command.join(' '));
  if (!inside.ok) return { ok: true, value: { ...finish(base, record.id, 127, req.remove), stderr: `${inside.message}\n` } };
  const ran = inside.value;
  return { ok: true, value: { ...finish({ ...ran, path, stdout: ran.stdout, stderr: ran.stderr }, record.id, ran.status, req.remove), attach: undefined } };
}

/** `--security-opt seccomp=FILE`: the CLI reads and parses the file on the host before it asks the daemon. */
function seccompFile(state: HostState, req: Parameters<typeof dockerRun>[1]): { profile?: SeccompProfile; error?: string } {
  if (req.seccomp.type !== 'profile') return {};
  const file = readHostFile(state.host.world, req.seccomp.path);
  if (!file.ok) return { error: dockerSeccompUnreadable(req.seccomp.path, file.reason).message };
  const parsed = parseSeccompProfile(file.text, { label: `the seccomp profile ${req.seccomp.path}` });
  return parsed.ok ? { profile: parsed.profile } : { error: `docker: Error response from daemon: decoding seccomp profile failed: ${parsed.message}\n\nRun 'docker run --help' for more information` };
}

/** The container's program ended: it exits with `code`, and `--rm` removes it. */
function finish(run: ControlRun, id: string, code: number, remove: boolean): ControlRun {
  const c = run.stack.containers.find((x) => x.id === id);
  if (!c) return run;
  const ended = c.status === 'running' ? stopped(run, c, code) : run;
  const stack = remove ? removed(ended.stack, id) : ended.stack;
  return { ...run, ...ended, stack, status: code };
}

/** A line typed while attached: it runs in the container's process; `exit` ends that process. */
export function runInContainer(state: HostState, attach: Attach, text: string): ControlResult {
  const found = state.stack.containers.find((c) => c.id === attach.id);
  if (!found || found.status !== 'running') return { ok: false, message: `the container ${attach.name} is not running any more; pick a runtime, or start another container` };
  const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(text);
  if (exit) return { ok: true, value: leave(state, attach, Number(exit[1] ?? 0)) };
  const session: Session = found.sandbox ? { ...found.sandbox, pid: attach.pid } : { runtime: 'runc', world: state.host.world, pid: attach.pid, options: {} };
  const result = runInput(session, text);
  if (!result.ok) return result;
  const { session: after, calls, stdout, stderr, status } = result.value;
  const next: HostState = found.sandbox
    ? { ...state, stack: withRecord(state.stack, { ...found, sandbox: { ...after, pid: found.pid } }) }
    : { host: { ...state.host, world: after.world }, stack: state.stack };
  const alive = after.world.procs[attach.pid] !== undefined;
  const run: ControlRun = { ...next, path: null, inner: { runtime: found.runtime, calls }, stdout, stderr, status };
  if (alive) return { ok: true, value: run };
  // The attached process died (killed by the OOM killer, a signal): an init takes its container with it.
  const ended = attach.pid === found.pid ? stopped(next, { ...found, ...(found.sandbox ? { sandbox: { ...after, pid: found.pid } } : {}) }, status) : next;
  return { ok: true, value: { ...run, ...ended, attach: null } };
}

/** `exit`: the attached shell ends; if it is the container's init, the container stops. */
function leave(state: HostState, attach: Attach, code: number): ControlRun {
  const c = state.stack.containers.find((x) => x.id === attach.id);
  const base: ControlRun = { ...state, path: null, inner: null, stdout: '', stderr: '', status: code, attach: null };
  if (!c) return base;
  if (attach.pid === c.pid) {
    const ended = stopped(state, c, code);
    return { ...base, ...ended, stack: c.request.remove ? removed(ended.stack, c.id) : ended.stack };
  }
  return { ...base, ...exitProcess(state, c, attach.pid) };
}

function exitProcess(state: HostState, c: ContainerRecord, pid: number): HostState {
  if (c.sandbox) {
    const proc = c.sandbox.world.procs[pid];
    return proc ? { ...state, stack: withRecord(state.stack, { ...c, sandbox: { ...c.sandbox, world: reap(c.sandbox.world, proc) } }) } : state;
  }
  const proc = state.host.world.procs[pid];
  return proc ? { ...state, host: { ...state.host, world: reap(state.host.world, proc) } } : state;
}
