import { removeFlatDir } from '../sim/oci/bundleFs.ts';
import { endRunc } from '../sim/oci/bundleInit.ts';
import { COMMANDS } from '../sim/shell/commands/index.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import type { ContainerRecord } from '../sim/stack/containers.ts';
import type { Session } from '../sim/runtime/types.ts';
import type { ControlRun, HostState } from './controlTypes.ts';
import { removed, stopped } from './dockerAdmin.ts';
import { runInput } from './runInput.ts';
import { attachOf } from './runcRecords.ts';

/**
 * What happens once a runc container's program runs (`runc run`, `runc
 * start`). In the foreground (`runc run` without -d), runc holds the
 * terminal: a shell gets the person's lines (through the pty when
 * process.terminal is true, through runc's pipes otherwise) and the terminal
 * attaches to it; when the program ends runc deletes the container unless
 * --keep. A program the lab's shell knows runs to its end and the container
 * stops. Anything else (sleep, a server) the lab does not run: it stays
 * running until it is killed, and the lab says so.
 * @see opencontainers/runc utils_linux.go runner.run (setupIO, destroy unless --keep), signals.go forward
 */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

export interface AfterStart {
  foreground: boolean;
  keep: boolean;
  root: string;
}

export function afterStart(base: ControlRun, c: ContainerRecord, how: AfterStart): ControlRun {
  const args = c.spec.process.args;
  const program = (args[0] ?? '').split('/').pop() ?? '';
  if (SHELLS.has(program) && args.length === 1) {
    if (!how.foreground) return base;
    const piped = c.spec.process.terminal === true ? '' : `${LAB_PREFIX}process.terminal is false: the shell reads your lines through runc's pipes and prints no prompt of its own.\n`;
    return { ...base, stderr: base.stderr + piped, attach: attachOf(c) };
  }
  if (!COMMANDS[program]) {
    return { ...base, stderr: `${base.stderr}${LAB_PREFIX}the lab does not run \`${args.join(' ')}\`: the container's process stays running until it is killed (runc kill ${c.name} KILL).\n` };
  }
  const session: Session = { runtime: 'runc', world: base.host.world, pid: c.pid, options: {} };
  const ran = runInput(session, args.join(' '));
  if (!ran.ok) return { ...base, stderr: `${base.stderr}${ran.message}\n`, status: 1 };
  const inner = { runtime: 'runc' as const, calls: ran.value.calls };
  const after: HostState = { host: { ...base.host, world: ran.value.session.world }, stack: base.stack };
  const ended = programEnded(after, c, ran.value.status, how);
  return { ...base, ...ended, inner, stdout: base.stdout + ran.value.stdout, stderr: base.stderr + ran.value.stderr, status: how.foreground ? ran.value.status : base.status };
}

/** The program is over: the container stops; `runc run` in the foreground deletes it unless --keep. */
function programEnded(state: HostState, c: ContainerRecord, code: number, how: AfterStart): HostState {
  const done = stopped(state, { ...c, status: 'running' }, code);
  if (!how.foreground || how.keep) return done;
  const world = removeFlatDir(endRunc(done.host.world, c.name), done.host.pid, `${how.root}/${c.name}`);
  return { host: { ...done.host, world }, stack: removed(done.stack, c.id) };
}
