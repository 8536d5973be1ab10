import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import { withRecord } from '../sim/stack/containers.ts';
import { parsePodman, type PodmanCommand } from '../sim/stack/podmanArgs.ts';
import type { RunRequest } from '../sim/stack/runRequest.ts';
import type { Attach, ControlResult, ControlRun, HostState } from './controlTypes.ts';
import { removed, stopped, type Printed } from './dockerAdmin.ts';
import { podmanInspect, podmanPs, podmanRm, podmanStop } from './podmanAdmin.ts';
import { podmanRun } from './podmanRun.ts';
import { runInContainer } from './controlPlane.ts';

/**
 * `podman …` on the lab's host, run as the ordinary user lab: run (the path
 * podman → conmon → crun → the host kernel), ps, inspect, stop, rm.
 * Podman keeps its own containers: docker does not list them, nor podman
 * docker's. `podman run -it IMAGE sh` attaches the terminal as `docker run
 * -it` does.
 * @see containers/podman cmd/podman/containers/run.go
 */
const out = (state: HostState, stdout: string, stderr = '', status = 0): ControlResult => ({ ok: true, value: { ...state, path: null, inner: null, stdout, stderr, status } });
const printed = (p: Printed): ControlResult => out(p.state, p.stdout, p.stderr, p.status);

export function podmanLine(state: HostState, argv: readonly string[], _attached: Attach | null): ControlResult {
  const parsed = parsePodman(argv);
  switch (parsed.type) {
    case 'error': return out(state, '', `${parsed.message}\n`, parsed.status);
    case 'help': return out(state, `${parsed.text}\n`);
    case 'unmodelled': return out(state, '', `${parsed.message}\n`, 125);
    default: return podman(state, parsed);
  }
}

function podman(state: HostState, cmd: PodmanCommand): ControlResult {
  switch (cmd.type) {
    case 'run': return run(state, cmd.request);
    case 'ps': return printed(podmanPs(state, cmd.all, cmd.quiet, cmd.format));
    case 'inspect': return printed(podmanInspect(state, cmd.targets, cmd.format));
    case 'stop': return cmd.all ? printed(podmanStop(state, running(state), cmd.timeout)) : printed(podmanStop(state, cmd.containers, cmd.timeout));
    case 'rm': return cmd.all ? printed(podmanRm(state, every(state), cmd.force)) : printed(podmanRm(state, cmd.containers, cmd.force));
  }
}

const running = (s: HostState) => s.stack.containers.filter((c) => c.via === 'podman' && c.status === 'running').map((c) => c.id);
const every = (s: HostState) => s.stack.containers.filter((c) => c.via === 'podman').map((c) => c.id);

/**
 * run.go's own check before anything starts: --pids-limit is read again as
 * a 32-bit number (createOrUpdateFlags), so a value the flag took can fail here.
 * @see containers/podman cmd/podman/containers/create.go createOrUpdateFlags
 */
function pidsLimitError(req: RunRequest): string | null {
  const text = req.resources.pidsLimit;
  if (text === undefined || Math.abs(Number(text)) <= 2 ** 31 - 1) return null;
  return `Error: strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range\n`;
}

/** What the lab does not model of `podman run`, said plainly; null when it models the request. */
function notModelled(req: RunRequest): string | null {
  const userns = req.usernsMode ?? '';
  if (userns !== '' && userns !== 'host') return `--userns ${userns} is not modelled; the lab runs podman's default, the rootless user namespace every container of lab shares (--userns host)`;
  if (req.seccomp.type === 'profile') return `--security-opt seccomp=${req.seccomp.path} is not modelled; the lab runs podman's default profile or none (seccomp=unconfined)`;
  return null;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/**
 * `podman run`: the path, then where the terminal goes. With -it and a shell
 * it attaches; with -d it prints the id and the container keeps running;
 * otherwise the command runs to its end in the container and the container
 * exits with its status (and `--rm` removes it).
 */
function run(state: HostState, req: RunRequest): ControlResult {
  const pids = pidsLimitError(req);
  if (pids) return out(state, '', pids, 125);
  const skip = notModelled(req);
  if (skip) return out(state, '', `${LAB_PREFIX}${skip}\n`, 125);
  const started = podmanRun(state, req);
  const path = { kind: 'podman' as const, sandboxed: false, calls: started.calls };
  const base: ControlRun = { ...started.state, path, inner: null, stdout: '', stderr: '', status: 0 };
  if (!started.record) return { ok: true, value: { ...base, stderr: `${started.error?.text ?? 'Error: the container did not start'}\n`, status: started.error?.status ?? 125 } };
  const record = started.record;
  const attach: Attach = { id: record.id, name: record.name, runtime: record.runtime, pid: record.pid, image: record.image };
  if (req.detach) return { ok: true, value: { ...base, stdout: `${record.id}\n` } };
  const program = (record.spec.process.args[0] ?? '').split('/').pop() ?? '';
  if (SHELLS.has(program) && record.spec.process.args.length <= 1) {
    if (req.interactive && req.tty) return { ok: true, value: { ...base, attach } };
    // A shell with no terminal and no input reads end-of-file and exits 0.
    return { ok: true, value: finish(base, record.id, 0, req.remove) };
  }
  const inside = runInContainer(started.state, attach, record.spec.process.args.join(' '));
  if (!inside.ok) return { ok: true, value: { ...finish(base, record.id, 127, req.remove), stderr: `${inside.message}\n` } };
  const ran = inside.value;
  return { ok: true, value: { ...finish({ ...ran, path }, record.id, ran.status, req.remove), attach: undefined } };
}

/** The container's program ended: it exits with `code`, and `--rm` removes it. */
function finish(run: ControlRun, id: string, code: number, remove: boolean): ControlRun {
  const c = run.stack.containers.find((x) => x.id === id);
  if (!c) return run;
  const ended = c.status === 'running' ? stopped(run, c, code) : { ...run, stack: withRecord(run.stack, c) };
  const stack = remove ? removed(ended.stack, id) : ended.stack;
  return { ...run, ...ended, stack, status: code };
}
