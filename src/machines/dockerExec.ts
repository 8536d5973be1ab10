import { findExecutable } from '../sim/runtime/imageExec.ts';
import { execProcess } from '../sim/runtime/execProcess.ts';
import type { DockerCommand } from '../sim/stack/dockerCommands.ts';
import { findContainer, withRecord, type ContainerRecord } from '../sim/stack/containers.ts';
import { findImage } from '../sim/vfs/images/catalog.ts';
import { imageAccounts } from '../sim/oci/dockerUser.ts';
import type { Attach, ControlResult, ControlRun, HostState } from './controlTypes.ts';
import { runInContainer } from './controlPlane.ts';
import { reap } from '../sim/kernel/reap.ts';
import { dockerExecNotFound } from '../sim/vfs/images/execNotFound.ts';

/**
 * `docker exec`: a new process in a running container (runc exec joins the
 * init's namespaces and cgroup and takes its capabilities and filter). With
 * -it and a shell the terminal attaches to it; otherwise the command runs to
 * its end and the process goes. A program the image does not have fails as
 * runc fails it.
 * @see moby/moby daemon/exec.go, opencontainers/runc exec.go
 */
type Exec = Extract<DockerCommand, { type: 'exec' }>;

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

const out = (state: HostState, stdout: string, stderr: string, status: number): ControlResult => ({ ok: true, value: { ...state, path: null, inner: null, stdout, stderr, status } });

export function dockerExec(state: HostState, cmd: Exec): ControlResult {
  const c = findContainer(state.stack, cmd.container);
  if ('error' in c) return out(state, '', `Error response from daemon: ${c.error}\n`, 1);
  if (c.status !== 'running') return out(state, '', `Error response from daemon: container ${c.id} is not running\n`, 1);
  const image = findImage(c.imageRef);
  const program = cmd.command[0] ?? '';
  const exe = image ? findExecutable(image, program, c.spec.process.env) : null;
  if (!exe) {
    const failed = dockerExecNotFound(program);
    return out(state, failed.output.replace(/\r\n$/, '\n'), '', failed.exitCode);
  }
  const user = cmd.user !== undefined ? execUser(cmd.user, c) : undefined;
  if (user === null) return out(state, '', `unable to find user ${cmd.user ?? ''}: no matching entries in passwd file\n`, 126);
  const world = c.sandbox ? c.sandbox.world : state.host.world;
  const init = world.procs[c.pid];
  if (!init) return out(state, '', `Error response from daemon: container ${c.id} is not running\n`, 1);
  const made = execProcess(world, init, cmd.command, exe.target, user);
  const next: HostState = c.sandbox ? { ...state, stack: withRecord(state.stack, { ...c, sandbox: { ...c.sandbox, world: made.world } }) } : { ...state, host: { ...state.host, world: made.world } };
  const attach: Attach = { id: c.id, name: c.name, runtime: c.runtime, pid: made.pid, image: c.image };
  if (cmd.interactive && cmd.tty && SHELLS.has(program.split('/').pop() ?? '') && cmd.command.length === 1) return { ok: true, value: { ...next, path: null, inner: null, stdout: '', stderr: '', status: 0, attach } };
  const ran = runInContainer(next, attach, cmd.command.join(' '));
  if (!ran.ok) return ran;
  return { ok: true, value: { ...ran.value, ...execEnded(ran.value, c.id, made.pid), attach: undefined } };
}

/** The exec'd process ends once its command has. */
export function execEnded(run: ControlRun, id: string, pid: number): HostState {
  const record = run.stack.containers.find((x) => x.id === id);
  if (record?.sandbox) {
    const proc = record.sandbox.world.procs[pid];
    return proc ? { ...run, stack: withRecord(run.stack, { ...record, sandbox: { ...record.sandbox, world: reap(record.sandbox.world, proc) } }) } : run;
  }
  const proc = run.host.world.procs[pid];
  return proc ? { ...run, host: { ...run.host, world: reap(run.host.world, proc) } } : run;
}

/** `-u 1000`, `-u 1000:1000`, `-u nobody`: a name is looked up in the image's /etc/passwd; null when it is not there. */
function execUser(text: string, c: ContainerRecord): { uid: number; gid: number } | null {
  const [u = '', g] = text.split(':');
  const files = new Map((findImage(c.imageRef)?.entries() ?? []).map((e) => [e.path, e.content ?? '']));
  const accounts = imageAccounts(files.get('/etc/passwd') ?? '', files.get('/etc/group') ?? '');
  const byName = /^\d+$/.test(u) ? { uid: Number(u), gid: Number(g ?? 0) } : accounts.lookupUser(u);
  if (!byName) return null;
  return { uid: byName.uid, gid: g !== undefined && /^\d+$/.test(g) ? Number(g) : byName.gid };
}
