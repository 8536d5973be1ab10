import { describe, expect, it } from 'vitest';
import { runControlLine, runInContainer } from '../../src/machines/controlPlane.ts';
import type { ControlRun, HostState } from '../../src/machines/controlTypes.ts';
import { fileText, writeText } from '../../src/sim/oci/bundleFs.ts';
import { runcSpec } from '../../src/sim/oci/runcSpec.ts';
import type { OciSpec } from '../../src/sim/oci/spec.ts';
import { specToJson } from '../../src/sim/oci/specJson.ts';
import { HOST } from '../../src/sim/runtime/host.ts';
import { EMPTY_STACK } from '../../src/sim/stack/containers.ts';

/** runc's own command line on the lab's host: the OCI lifecycle, runc's refusals in runc's words. */
const fresh = (): HostState => ({ host: HOST.boot(), stack: EMPTY_STACK });

function line(state: HostState, text: string): ControlRun {
  const r = runControlLine(state, text, null);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** Runs lines in order; each sees the state the one before left. */
function lines(texts: string[], start = fresh()): { runs: ControlRun[]; state: HostState } {
  let state = start;
  const runs = texts.map((t) => {
    const r = line(state, t);
    state = r;
    return r;
  });
  return { runs, state };
}

/** Writes config.json into /root/mycontainer (the tutorial bundle, made on first use) as a person would after editing it. */
function withConfig(state: HostState, spec: OciSpec): HostState {
  const prepared = line(state, 'runc spec -b mycontainer');
  const w = writeText(prepared.host.world, prepared.host.pid, '/root/mycontainer/config.json', specToJson(spec));
  if (!w.ok) throw new Error(w.reason);
  return { ...prepared, host: { ...prepared.host, world: w.value } };
}

/** runc spec's config made to run on its own (no terminal, sleep), with one hook at every point. */
function detachedSpec(): OciSpec {
  const spec = runcSpec();
  spec.process = { ...spec.process, terminal: false, args: ['sleep', '1000'] };
  const hook = (name: string) => [{ path: `/usr/local/bin/${name}`, args: [name, '--id', 'demo'] }];
  spec.hooks = {
    prestart: hook('prestart'), createRuntime: hook('create-runtime'), createContainer: hook('create-container'),
    startContainer: hook('start-container'), poststart: hook('poststart'), poststop: hook('poststop'),
  };
  return spec;
}

const stateOf = (r: ControlRun) => JSON.parse(r.stdout) as { ociVersion: string; id: string; pid: number; status: string; bundle: string; rootfs: string; created: string; owner: string };
const hookCalls = (rs: ControlRun[]) => rs.flatMap((r) => (r.path?.calls ?? []).map((c) => c.name).filter((n) => n.startsWith('hooks.')));

describe('runc spec', () => {
  it('makes the tutorial bundle on first use and writes runc spec\'s config.json into it', () => {
    const r = line(fresh(), 'runc spec -b mycontainer');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^Isolation Lab: .*\/root\/mycontainer\/rootfs holds the files of the alpine:3.20 image/);
    const text = fileText(r.host.world, r.host.pid, '/root/mycontainer/config.json');
    expect(text.ok && text.value).toBe(specToJson(runcSpec()));
    expect(r.path?.kind).toBe('runc');
  });

  it.each([
    { what: 'a second runc spec', texts: ['runc spec -b mycontainer', 'runc spec -b mycontainer'], err: 'ERRO[0000] File config.json exists. Remove it first' },
    { what: 'a bundle that is not there', texts: ['runc spec -b nosuch'], err: 'ERRO[0000] chdir nosuch: no such file or directory' },
  ])('refuses $what in runc\'s words', ({ texts, err }) => {
    const last = lines(texts).runs.at(-1);
    expect(last?.status).toBe(1);
    expect(last?.stderr.trim().split('\n').at(-1)).toBe(err);
  });
});

describe('the OCI lifecycle: create → start → kill → delete', () => {
  const bundle = withConfig(fresh(), detachedSpec());
  const { runs } = lines(['runc create -b mycontainer demo', 'runc state demo', 'runc start demo', 'runc state demo', 'runc kill demo KILL', 'runc state demo', 'runc delete demo', 'runc list'], bundle);
  const [create, created, start, running, kill, stopped, del, list] = runs as [ControlRun, ControlRun, ControlRun, ControlRun, ControlRun, ControlRun, ControlRun, ControlRun];

  it.each([
    { step: 'runc state after create', run: () => created, status: 'created', pidZero: false },
    { step: 'runc state after start', run: () => running, status: 'running', pidZero: false },
    { step: 'runc state after kill KILL', run: () => stopped, status: 'stopped', pidZero: true },
  ])('$step: $status', ({ run, status, pidZero }) => {
    const s = stateOf(run());
    expect(s).toMatchObject({ ociVersion: '1.3.0', id: 'demo', status, bundle: '/root/mycontainer', rootfs: '/root/mycontainer/rootfs', owner: '' });
    expect(s.pid === 0).toBe(pidZero);
    expect(s.created).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it('prints state as runc does: two-space JSON in runc\'s field order, no newline after it', () => {
    expect(Object.keys(stateOf(created))).toEqual(['ociVersion', 'id', 'pid', 'status', 'bundle', 'rootfs', 'created', 'owner']);
    expect(created.stdout).toMatch(/^\{\n {2}"ociVersion": "1.3.0",\n/);
    expect(created.stdout.endsWith('}')).toBe(true);
  });

  it('every step succeeds and animates through the runc stack\'s layers', () => {
    for (const r of [create, start, kill, del]) {
      expect(r?.status).toBe(0);
      expect(r?.path?.kind).toBe('runc');
    }
    const layers = new Set((create?.path?.calls ?? []).flatMap((c) => c.hops.map((h) => h.layer)));
    expect([...layers]).toEqual(expect.arrayContaining(['oci-runtime', 'host-kernel', 'container']));
  });

  it('passes the hook points in the runtime-spec\'s order, and says the lab does not run the programs', () => {
    expect(hookCalls(runs)).toEqual(['hooks.prestart', 'hooks.createRuntime', 'hooks.createContainer', 'hooks.startContainer', 'hooks.poststart', 'hooks.poststop']);
    const note = create?.path?.calls.find((c) => c.name === 'hooks.createRuntime')?.hops[0]?.note ?? '';
    expect(note).toContain('/usr/local/bin/create-runtime --id demo');
    expect(note).toContain('does not run hook programs');
  });

  it('between create and start the init is runc\'s, waiting on exec.fifo; start execs the program', () => {
    const pid = stateOf(created).pid;
    expect(create?.host.world.procs[pid]).toMatchObject({ comm: 'runc:[2:INIT]', argv: ['runc', 'init'] });
    expect(create?.path?.calls.at(-1)?.line).toBe('openat(AT_FDCWD, "/run/runc/demo/exec.fifo", O_WRONLY|O_CLOEXEC) = ? (blocks)');
    expect(start?.host.world.procs[pid]).toMatchObject({ comm: 'sleep', argv: ['sleep', '1000'] });
    expect(kill?.host.world.procs[pid]).toBeUndefined();
  });

  it('runc list shows the table runc\'s tabwriter prints, and forgets a deleted container', () => {
    expect(list?.stdout).toBe('ID          PID         STATUS      BUNDLE      CREATED     OWNER\n');
    const listed = line(lines(['runc create -b mycontainer demo'], bundle).state, 'runc list').stdout.split('\n');
    expect(listed[0]).toBe('ID          PID         STATUS      BUNDLE              CREATED                OWNER');
    expect(listed[1]).toMatch(/^demo {8}\d+ +created {5}\/root\/mycontainer {3}2026-\S+Z {3}root$/);
  });
});

describe('runc\'s refusals, in runc\'s words', () => {
  const bundle = withConfig(fresh(), detachedSpec());
  it.each([
    { what: 'start before create', texts: ['runc start demo'], err: 'container does not exist' },
    { what: 'state of no container', texts: ['runc state nope'], err: 'container does not exist' },
    { what: 'create with an ID in use', texts: ['runc create -b mycontainer demo', 'runc create -b mycontainer demo'], err: 'runc create failed: container with given ID already exists' },
    { what: 'start twice', texts: ['runc create -b mycontainer demo', 'runc start demo', 'runc start demo'], err: 'cannot start an already running container' },
    { what: 'delete while running', texts: ['runc create -b mycontainer demo', 'runc start demo', 'runc delete demo'], err: 'cannot delete container demo that is not stopped: running' },
    { what: 'kill a stopped container', texts: ['runc create -b mycontainer demo', 'runc start demo', 'runc kill demo KILL', 'runc kill demo KILL'], err: 'container not running' },
    { what: 'start a stopped container', texts: ['runc create -b mycontainer demo', 'runc start demo', 'runc kill demo 9', 'runc start demo'], err: 'cannot start a container that has stopped' },
    { what: 'an unknown signal', texts: ['runc create -b mycontainer demo', 'runc kill demo FOO'], err: 'unknown signal "FOO"' },
    { what: 'a bad container ID', texts: ['runc create -b mycontainer a/b'], err: 'runc create failed: invalid container ID format' },
    { what: 'a bundle that is not there', texts: ['runc create -b nosuch demo'], err: 'runc create failed: chdir nosuch: no such file or directory' },
  ])('$what', ({ texts, err }) => {
    const last = lines(texts, bundle).runs.at(-1);
    expect(last?.status).toBe(1);
    expect(last?.stderr.trim().split('\n').at(-1)).toBe(`ERRO[0000] ${err}`);
    expect(last?.path?.calls.at(-1)?.reason).toBe(err);
  });

  it.each([
    { what: 'runc spec\'s terminal without a console socket', texts: ['runc spec -b mycontainer', 'runc create -b mycontainer demo'], err: 'runc create failed: cannot allocate tty if runc will detach without setting console socket' },
    { what: 'a bundle in /root with no rootfs', texts: ['runc spec', 'runc create demo'], err: 'runc create failed: invalid rootfs: stat /root/rootfs: no such file or directory' },
    { what: 'a bundle with no config.json', texts: ['runc create -b mycontainer demo'], err: 'runc create failed: JSON specification file config.json not found' },
  ])('$what (with the lab\'s hint before it)', ({ texts, err }) => {
    const last = lines(texts).runs.at(-1);
    expect(last?.stderr.trim().split('\n').at(-1)).toBe(`ERRO[0000] ${err}`);
  });

  it('SIGTERM to an init that has no handler is dropped by the kernel: the container keeps running', () => {
    const { runs } = lines(['runc create -b mycontainer demo', 'runc start demo', 'runc kill demo', 'runc state demo'], bundle);
    expect(runs[2]?.status).toBe(0);
    expect(runs[2]?.path?.calls[0]?.hops.find((h) => h.layer === 'host-kernel')?.note).toContain('drops the signal');
    expect(stateOf(runs[3] as ControlRun).status).toBe('running');
  });
});

describe('runc run: create and start, the terminal attached', () => {
  function shellIn(spec: OciSpec, cmd: string) {
    const r = line(withConfig(fresh(), spec), 'runc run -b mycontainer box');
    if (!r.attach) throw new Error(r.stderr);
    const inside = runInContainer(r, r.attach, cmd);
    if (!inside.ok) throw new Error(inside.message);
    return { run: r, inside: inside.value };
  }
  const noNet = (): OciSpec => {
    const s = runcSpec();
    return { ...s, linux: { ...s.linux, namespaces: s.linux.namespaces.filter((n) => n.type !== 'network') } };
  };

  it.each([
    { what: 'runc spec\'s config: a new network namespace with only lo', spec: runcSpec, has: ['lo'], hasNot: ['eth0', 'docker0'] },
    { what: 'config.json without the network namespace: the host\'s network', spec: noNet, has: ['lo', 'eth0', 'docker0'], hasNot: [] },
  ])('$what', ({ spec, has, hasNot }) => {
    const { run, inside } = shellIn(spec(), 'ip addr');
    expect(run.attach).toMatchObject({ name: 'box', runtime: 'runc' });
    const names = [...inside.stdout.matchAll(/^\d+: ([\w@]+?)(?:@\S+)?:/gm)].map((m) => m[1]);
    for (const n of has) expect(names).toContain(n);
    for (const n of hasNot) expect(names).not.toContain(n);
  });

  it('exit ends the container and runc run deletes it; the next runc line tidies its state directory', () => {
    const { run } = shellIn(runcSpec(), 'hostname');
    const out = runInContainer(run, run.attach!, 'exit');
    if (!out.ok) throw new Error(out.message);
    const after = line(out.value, 'runc list');
    expect(after.stdout).toBe('ID          PID         STATUS      BUNDLE      CREATED     OWNER\n');
    expect(fileText(after.host.world, after.host.pid, '/run/runc/box/state.json').ok).toBe(false);
    expect(Object.values(after.host.world.procs).some((p) => p.comm === 'runc')).toBe(false);
  });

  it('runc delete -f of the attached container takes the terminal out of it', () => {
    const { run } = shellIn(runcSpec(), 'hostname');
    const r = runControlLine(run, 'runc delete -f box', run.attach!);
    expect(r.ok && r.value.attach).toBeNull();
  });
});
