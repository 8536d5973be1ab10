import { describe, expect, it } from 'vitest';
import { runControlLine, runInContainer } from '../../src/machines/controlPlane.ts';
import type { ControlRun, HostState } from '../../src/machines/controlTypes.ts';
import { runSpecText, specText } from '../../src/machines/runcCli.ts';
import { fileText } from '../../src/sim/oci/bundleFs.ts';
import { runcSpec } from '../../src/sim/oci/runcSpec.ts';
import type { OciSpec } from '../../src/sim/oci/spec.ts';
import { specToJson } from '../../src/sim/oci/specJson.ts';
import { HOST } from '../../src/sim/runtime/host.ts';
import { EMPTY_STACK } from '../../src/sim/stack/containers.ts';

/** The Spec pane's two questions to the model: what was this container given, and what does this config.json make? */
const fresh = (): HostState => ({ host: HOST.boot(), stack: EMPTY_STACK });

function dockerShell(flags: string) {
  const r = runControlLine(fresh(), `docker run -it ${flags} debian sh`, null);
  if (!r.ok || !r.value.attach) throw new Error('docker run did not attach');
  return { state: r.value, attach: r.value.attach };
}

function ran(state: HostState, text: string): ControlRun {
  const r = runSpecText(state, text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const spec = (edit: (s: OciSpec) => OciSpec): string => specToJson(edit(runcSpec()));

describe('specText: the attached container\'s config.json, as the runtime was given it', () => {
  it('is null when the terminal is in no container', () => {
    expect(specText(fresh(), null)).toBeNull();
  });

  it('is the spec dockerd wrote for the flags: --cap-add SYS_ADMIN is there', () => {
    const { state, attach } = dockerShell('--cap-add SYS_ADMIN');
    const text = specText(state, attach) ?? '';
    expect(text).toContain('"CAP_SYS_ADMIN"');
    expect(text).toBe(specToJson(state.stack.containers[0]!.spec));
  });
});

describe('runSpecText: config.json from the pane, run as runc run on the tutorial bundle', () => {
  it.each([
    {
      what: 'a namespace type the spec does not have', text: spec((s) => s).replace('"type": "network"', '"type": "netns"'),
      path: 'linux.namespaces[1].type', where: /\(line \d+, column \d+\)$/,
    },
    { what: 'text that is not JSON', text: '{\n  "ociVersion": "1.3.0",\n  "process": {\n}', path: '', where: /^JSON syntax error at line \d+, column \d+/ },
    { what: 'a spec with no process', text: '{"ociVersion": "1.3.0", "root": {"path": "rootfs"}}', path: 'process', where: /process/ },
  ])('refuses $what, naming where, and saves nothing', ({ text, path, where }) => {
    const r = runSpecText(fresh(), text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    if (path) expect(r.message.startsWith(`${path}: `)).toBe(true);
    expect(r.message).toMatch(where);
  });

  it('points the line and column at the bad value', () => {
    const text = spec((s) => s).replace('"type": "network"', '"type": "netns"');
    const r = runSpecText(fresh(), text);
    const m = !r.ok ? /\(line (\d+), column (\d+)\)/.exec(r.message) : null;
    const line = text.split('\n')[Number(m?.[1]) - 1] ?? '';
    expect(line.slice(Number(m?.[2]) - 1)).toMatch(/^"netns"/);
  });

  it('runs an edited Docker spec: the terminal lands in the new container, with the image Docker\'s root held', () => {
    const { state, attach } = dockerShell('--cap-add SYS_ADMIN');
    const edited = (specText(state, attach) ?? '').replace(/"hostname": "[^"]*"/, '"hostname": "edited"');
    const r = ran(state, edited);
    expect(r.status).toBe(0);
    expect(r.attach).toMatchObject({ name: 'spec-1', runtime: 'runc', image: 'debian:bookworm-slim' });
    expect(r.stderr).toContain('Isolation Lab: saved to /root/mycontainer/config.json and ran as `runc run -b /root/mycontainer spec-1`');
    const saved = fileText(r.host.world, r.host.pid, '/root/mycontainer/config.json');
    expect(saved.ok && saved.value).toBe(edited);
    const inside = runInContainer(r, r.attach!, 'hostname');
    expect(inside.ok && inside.value.stdout).toBe('edited\n');
    expect(specText(r, r.attach!)).toContain('"CAP_SYS_ADMIN"');
  });

  it.each([
    { what: 'a program the lab runs: it runs to its end and runc run deletes the container', args: ['ip', 'link'], out: /lo:/, left: 0, note: null },
    { what: 'a program the lab does not run: it says so, and the container stays', args: ['sleep', '5'], out: /^$/, left: 1, note: 'the lab does not run `sleep 5`' },
  ])('$what', ({ args, out, left, note }) => {
    const r = ran(fresh(), spec((s) => ({ ...s, process: { ...s.process, terminal: false, args } })));
    expect(r.attach ?? null).toBeNull();
    expect(r.stdout).toMatch(out);
    expect(r.stack.containers.filter((c) => c.via === 'runc')).toHaveLength(left);
    if (note) expect(r.stderr).toContain(note);
  });

  it('root.path naming an image: the lab uses its files and says runc itself would refuse', () => {
    const r = ran(fresh(), spec((s) => ({ ...s, root: { path: 'debian' } })));
    expect(r.attach?.image).toBe('debian:bookworm-slim');
    expect(r.stderr).toContain('runc itself would refuse: invalid rootfs');
  });

  it('a runc refusal (a program the root filesystem does not have) is printed as runc prints it', () => {
    const r = ran(fresh(), spec((s) => ({ ...s, process: { ...s.process, args: ['bash'] } })));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('ERRO[0000] runc run failed: unable to start container process: error during container init: exec: "bash": executable file not found in $PATH');
  });
});
