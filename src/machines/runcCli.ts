import { dirNames, removeFlatDir, writeText } from '../sim/oci/bundleFs.ts';
import { endRunc } from '../sim/oci/bundleInit.ts';
import { TUTORIAL_BUNDLE } from '../sim/oci/bundleRootfs.ts';
import { RUNC_ROOT } from '../sim/oci/bundleState.ts';
import { parseSpec } from '../sim/oci/specParse.ts';
import { specToJson } from '../sim/oci/specJson.ts';
import { LAB_PREFIX } from '../sim/stack/cliResult.ts';
import { parseRunc, type RuncCommand } from '../sim/stack/runcArgs.ts';
import type { Attach, ControlResult, ControlRun, HostState } from './controlTypes.ts';
import { withTutorialBundle } from './runcBundle.ts';
import { runcCreate, type CreateOutcome } from './runcCreate.ts';
import { runcDelete, runcKill, runcStart } from './runcOps.ts';
import { findRunc } from './runcRecords.ts';
import { afterStart } from './runcRun.ts';
import { runcList, runcSpecCommand, runcState } from './runcShow.ts';
import { refusedCall, type RuncDone } from './runcTrace.ts';

/**
 * runc's own command line on the lab's host, run by the host's root shell
 * (its working directory is runc's), and a container made from a
 * config.json a person edited or imported in the Spec pane. Together they
 * teach the OCI lifecycle: `runc spec` writes config.json into a bundle,
 * `runc create` makes the container and leaves its init waiting on
 * exec.fifo ("created"), `runc start` lets it exec ("running"), `runc kill`
 * signals it ("stopped" if it dies), `runc delete` removes it; `runc run`
 * is create and start in one, holding the terminal.
 * @see opencontainers/runc main.go and the command files named in runcArgs.ts; runtime-spec runtime.md
 */
const run = (state: HostState, r: Partial<ControlRun> & { calls?: RuncDone['calls'] }): ControlRun => {
  const { calls = [], ...rest } = r;
  return { host: state.host, stack: state.stack, path: calls.length ? { kind: 'runc', sandboxed: false, calls } : null, inner: null, stdout: '', stderr: '', status: 0, ...rest };
};

const done = (r: RuncDone): ControlRun => run(r.state, { calls: r.calls, stdout: r.stdout, stderr: r.stderr, status: r.status });

export function runcLine(start: HostState, argv: readonly string[], attached: Attach | null): ControlResult {
  const cmd = parseRunc(argv);
  if (cmd.type === 'error') return { ok: true, value: run(start, { stderr: `${cmd.message}\n`, status: cmd.status }) };
  if (cmd.type === 'help') return { ok: true, value: run(start, { stdout: `${cmd.text}\n` }) };
  if (cmd.type === 'unmodelled') return { ok: true, value: run(start, { stderr: `${cmd.message}\n`, status: 1 }) };
  const root = cmd.globals.root ?? RUNC_ROOT;
  const value = command(sweep(start, root), cmd, root, argv);
  // The terminal leaves a container that runc has just stopped or deleted.
  const gone = attached && !value.stack.containers.some((c) => c.id === attached.id && c.status === 'running');
  return { ok: true, value: gone && value.attach === undefined ? { ...value, attach: null } : value };
}

function command(state: HostState, cmd: RuncCommand, root: string, argv: readonly string[]): ControlRun {
  switch (cmd.type) {
    case 'spec': return done(runcSpecCommand(state, cmd.rootless, cmd.bundle));
    case 'create': return created(runcCreate(state, { verb: 'create', id: cmd.id, detach: true, keep: false, laterError: cmd.laterError, argv, root, ...opt(cmd) }));
    case 'run': {
      const made = runcCreate(state, { verb: 'run', id: cmd.id, detach: cmd.detach, keep: cmd.keep, laterError: cmd.laterError, argv, root, ...opt(cmd) });
      return made.record ? afterStart(created(made), made.record, { foreground: !cmd.detach, keep: cmd.keep, root }) : created(made);
    }
    case 'start': {
      const started = runcStart(state, root, cmd.id);
      return started.record ? afterStart(done(started), started.record, { foreground: false, keep: true, root }) : done(started);
    }
    case 'state': return done(runcState(state, root, cmd.id));
    case 'list': return done(runcList(state, root, cmd.quiet, cmd.format));
    case 'kill': {
      if (!findRunc(state.stack, cmd.id)) return done(runcKill(state, root, cmd.id, cmd.signal ?? 15));
      if (cmd.laterError || cmd.signal === null) {
        const message = cmd.laterError?.message ?? 'ERRO[0000] unknown signal';
        return run(state, { calls: [refusedCall(`runc kill ${cmd.id}`, message.replace(/^ERRO\[0000\] /, ''))], stderr: `${message}\n`, status: 1 });
      }
      return done(runcKill(state, root, cmd.id, cmd.signal));
    }
    case 'delete': return done(runcDelete(state, root, cmd.id, cmd.force));
    case 'version': return run(state, { stdout: 'runc version 1.5.1\nspec: 1.3.0\n', stderr: `${LAB_PREFIX}the commit, go and libseccomp lines runc also prints are left out.\n` });
    default: return run(state, { stderr: `${LAB_PREFIX}the lab reads 'runc ${cmd.type}' but does not run it; it runs runc spec, create, start, run, state, list, kill and delete.\n`, status: 1 });
  }
}

const opt = (cmd: { bundle?: string; consoleSocket?: string }) => ({ ...(cmd.bundle !== undefined ? { bundle: cmd.bundle } : {}), ...(cmd.consoleSocket !== undefined ? { consoleSocket: cmd.consoleSocket } : {}) });

const created = (c: CreateOutcome): ControlRun => run(c.state, { calls: c.calls, stderr: c.stderr, status: c.status });

/**
 * `runc run` in the foreground deletes its container when the program ends
 * (the lab's `exit` ends it): its state directory and the runc process go
 * too. The lab tidies them before the next runc command.
 */
function sweep(state: HostState, root: string): HostState {
  let world = state.host.world;
  for (const id of dirNames(world, state.host.pid, root)) {
    if (findRunc(state.stack, id)) continue;
    world = removeFlatDir(endRunc(world, id), state.host.pid, `${root}/${id}`);
  }
  return world === state.host.world ? state : { ...state, host: { ...state.host, world } };
}

/** The config.json of the attached container, or null when the terminal is in no container. */
export function specText(state: HostState, attached: Attach | null): string | null {
  const record = attached ? state.stack.containers.find((c) => c.id === attached.id) : undefined;
  return record ? specToJson(record.spec) : null;
}

/**
 * Makes and starts a container from config.json text, as a person would
 * after editing it: saved over /root/mycontainer/config.json, then
 * `runc run -b /root/mycontainer spec-N`. A spec the lab cannot read is
 * refused with the place in the text, and nothing is saved.
 */
export function runSpecText(start: HostState, text: string): ControlResult {
  const parsed = parseSpec(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const prepared = withTutorialBundle(sweep(start, RUNC_ROOT));
  const state = prepared.state;
  let n = state.stack.made;
  while (findRunc(state.stack, `spec-${n}`)) n++;
  const id = `spec-${n}`;
  const saved = writeText(state.host.world, state.host.pid, `${TUTORIAL_BUNDLE}/config.json`, text, 0o666);
  if (!saved.ok) return { ok: false, message: `${LAB_PREFIX}could not save ${TUTORIAL_BUNDLE}/config.json: ${saved.reason}` };
  const argv = ['runc', 'run', '-b', TUTORIAL_BUNDLE, id];
  const made = runcCreate({ ...state, host: { ...state.host, world: saved.value } }, { verb: 'run', id, bundle: TUTORIAL_BUNDLE, detach: false, keep: false, laterError: null, argv, root: RUNC_ROOT, imageByName: true });
  const said = `${prepared.notes.map((n) => `${n}\n`).join('')}${LAB_PREFIX}saved to ${TUTORIAL_BUNDLE}/config.json and ran as \`${argv.join(' ')}\`\n`;
  const base = { ...created(made), stderr: said + made.stderr };
  return { ok: true, value: made.record ? afterStart(base, made.record, { foreground: true, keep: false, root: RUNC_ROOT }) : base };
}
