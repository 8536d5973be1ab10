import { describe, expect, it } from 'vitest';
import { runControlLine } from '../../src/machines/controlPlane.ts';
import type { ControlRun, HostState } from '../../src/machines/controlTypes.ts';
import { podmanTable } from '../../src/machines/podmanAdmin.ts';
import { HOST } from '../../src/sim/runtime/host.ts';
import { EMPTY_STACK } from '../../src/sim/stack/containers.ts';

/** podman ps, inspect, stop and rm on podman's own containers. */
const fresh = (): HostState => ({ host: HOST.boot(), stack: EMPTY_STACK });

function control(state: HostState, text: string): ControlRun {
  const r = runControlLine(state, text, null);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** Runs the lines in order, each on the state the last left. */
function session(...lines: string[]): ControlRun[] {
  const out: ControlRun[] = [];
  let s: HostState = fresh();
  for (const line of lines) {
    const r = control(s, line);
    out.push(r);
    s = r;
  }
  return out;
}

describe('podman ps', () => {
  it('lays the table out as containers/common\'s tabwriter does: columns at least 12 wide, 2 spaces of padding', () => {
    const [, ps] = session('podman run -d --name web alpine sleep 100', 'podman ps');
    const [head, row] = (ps?.stdout ?? '').split('\n');
    expect(head).toBe('CONTAINER ID  IMAGE                            COMMAND     CREATED                 STATUS                 PORTS       NAMES');
    expect(row).toMatch(/^[0-9a-f]{12} {2}docker\.io\/library\/alpine:latest {2}sleep 100 {3}Less than a second ago {2}Up Less than a second {14}web$/);
  });

  it.each([
    [[['A', 'B'], ['xx', 'y']], 'A           B\nxx          y\n'],
    [[['LONGER-THAN-TWELVE', 'B']], 'LONGER-THAN-TWELVE  B\n'],
  ])('podmanTable %#', (rows, text) => {
    expect(podmanTable(rows)).toBe(text);
  });

  it('cuts the command at 17 characters, lists oldest first, -q prints short ids, -a shows exited', () => {
    const [a, b, stopped, ps, all, quiet] = session('podman run -d --name one alpine sleep 100', 'podman run -d --name two alpine sh -c "sleep 100; echo done"',
      'podman stop one', 'podman ps', 'podman ps -a', 'podman ps -q');
    expect(stopped?.stdout).toBe('one\n');
    expect(ps?.stdout).toContain('  sh -c sleep 100; ...  ');
    expect(ps?.stdout).not.toContain(' one\n');
    expect(all?.stdout.split('\n').slice(1, 3).map((l) => l.split(/\s{2,}/).at(-1))).toEqual(['one', 'two']);
    expect(all?.stdout).toContain('Exited (137) Less than a second ago');
    expect(quiet?.stdout).toBe(`${b?.stdout.slice(0, 12)}\n`);
    expect(a?.stdout).toMatch(/^[0-9a-f]{64}\n$/);
  });
});

describe('each engine sees its own containers', () => {
  it('docker ps does not list podman\'s, nor podman ps docker\'s, and neither removes the other\'s', () => {
    const [, , dockerPs, podmanPs, dockerRm, podmanRm] = session('podman run -d --name pod-web alpine sleep 100', 'docker run -d --name dock-web alpine sleep 100',
      'docker ps', 'podman ps', 'docker rm -f pod-web', 'podman rm -f dock-web');
    expect(dockerPs?.stdout).toMatch(/dock-web\n$/);
    expect(dockerPs?.stdout).not.toContain('pod-web');
    expect(podmanPs?.stdout).toMatch(/pod-web\n$/);
    expect(podmanPs?.stdout).not.toContain('dock-web');
    expect([dockerRm?.stderr, podmanRm?.stderr]).toEqual(['Error response from daemon: No such container: pod-web\n', 'Error: no container with name or ID "dock-web" found: no such container\n']);
  });
});

describe('podman inspect', () => {
  it.each([
    ['{{.OCIRuntime}} {{.HostConfig.Runtime}} {{.HostConfig.CgroupManager}} {{.HostConfig.NetworkMode}}', '', 'crun oci systemd pasta'],
    ['{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}}', '--cap-add NET_ADMIN --cap-drop CHOWN', '[CAP_NET_ADMIN] [CAP_CHOWN]'],
    ['{{.HostConfig.PidsLimit}} {{.HostConfig.UsernsMode}}|', '', '2048 |'],
    ['{{.HostConfig.NetworkMode}} {{.HostConfig.PidMode}}', '--network none --pid host', 'none host'],
    ['{{.State.Running}} {{.Name}} {{.OCIRuntime}}', '--runtime runc', 'true c runc'],
  ])('-f "%s" with "%s"', (format, flags, text) => {
    const [, r] = session(`podman run -d --name c ${flags} alpine sleep 100`, `podman inspect -f "${format}" c`);
    expect(r?.stdout).toBe(`${text}\n`);
  });

  it('prints podman\'s fields as JSON indented by five spaces, with the lab\'s reading of the uid map', () => {
    const [, r] = session('podman run -d --name web alpine sleep 100', 'podman inspect web');
    const text = r?.stdout ?? '';
    expect(text.split('\n')[1]).toMatch(/^ {5}\{$/);
    const [data] = JSON.parse(text) as Array<Record<string, Record<string, unknown>>>;
    expect(data?.HostConfig).toMatchObject({ CgroupManager: 'systemd', CgroupParent: 'user.slice', UsernsMode: '', PidsLimit: 2048, Privileged: false });
    expect(data?.EffectiveCaps).toHaveLength(11);
    expect(data?.IsolationLab).toMatchObject({ UidMap: '         0       1000          1\n         1     100000      65536\n' });
  });

  it('an unknown name: [] on stdout, podman\'s error on stderr', () => {
    const [r] = session('podman inspect nosuch');
    expect([r?.stdout, r?.stderr, r?.status]).toEqual(['[]\n', 'Error: no such object: "nosuch"\n', 125]);
  });
});

describe('podman stop and rm', () => {
  it.each([
    ['rm of a running container', ['podman rm web'], /^Error: cannot remove container [0-9a-f]{64} as it is running - running or paused containers cannot be removed without force: container state improper\n$/, 2],
    ['rm of an unknown one', ['podman rm nosuch'], /^Error: no container with name or ID "nosuch" found: no such container\n$/, 1],
    ['stop of an unknown one', ['podman stop nosuch'], /^Error: no container with name or ID "nosuch" found: no such container\n$/, 125],
    ['stop: SIGTERM is ignored by the shell as pid 1, SIGKILL after 10 s', ['podman stop web'], /^WARN\[0010\] StopSignal SIGTERM failed to stop container web in 10 seconds, resorting to SIGKILL\n$/, 0],
    ['stop -t 2', ['podman stop -t 2 web'], /^WARN\[0002\] StopSignal SIGTERM failed to stop container web in 2 seconds/, 0],
  ])('%s', (_what, lines, stderr, status) => {
    const runs = session('podman run -d --name web alpine sleep 100', ...lines);
    const r = runs.at(-1);
    expect(r?.stderr).toMatch(stderr);
    expect(r?.status).toBe(status);
  });

  it('rm -f stops and removes; the container\'s process leaves the host', () => {
    const [run, rm] = session('podman run -d --name web alpine sleep 100', 'podman rm -f web');
    const pid = run?.stack.containers[0]?.pid ?? 0;
    expect(run?.host.world.procs[pid]).toBeDefined();
    expect(rm?.stdout).toBe('web\n');
    expect(rm?.stack.containers).toEqual([]);
    expect(rm?.host.world.procs[pid]).toBeUndefined();
  });
});
