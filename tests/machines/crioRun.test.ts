import { describe, expect, it } from 'vitest';
import { runControlLine, runInContainer } from '../../src/machines/controlPlane.ts';
import type { Attach, ControlRun, HostState } from '../../src/machines/controlTypes.ts';
import { HOST } from '../../src/sim/runtime/host.ts';
import { EMPTY_STACK } from '../../src/sim/stack/containers.ts';
import { CRIO_DEFAULT_CAPABILITIES } from '../../src/sim/stack/crio.ts';
import { STACK_LABEL, stackLayers } from '../../src/sim/stack/layers.ts';

/** The lab-crio cluster: kubeconfig contexts, and a Pod through CRI-O, pinns and conmon instead of containerd (issue 5, point 2). */
const fresh = (): HostState => ({ host: HOST.boot(), stack: EMPTY_STACK });

function control(state: HostState, text: string, attached: Attach | null = null): ControlRun {
  const r = runControlLine(state, text, attached);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const onCrio = (): HostState => control(fresh(), 'kubectl config use-context lab-crio');
const overrides = (rc: string) => `--overrides='{"spec":{"runtimeClassName":"${rc}"}}'`;
const layersOf = (s: ControlRun) => [...new Set(s.path?.calls.flatMap((c) => c.hops.map((h) => h.layer)))];
const notesOf = (s: ControlRun) => s.path?.calls.flatMap((c) => c.hops.map((h) => h.note)).join('\n') ?? '';
const linesOf = (s: ControlRun) => s.path?.calls.map((c) => c.line) ?? [];

function inside(s: ControlRun, line: string): string {
  if (!s.attach) throw new Error(`no attach: ${s.stderr}`);
  const r = runInContainer(s, s.attach, line);
  if (!r.ok) throw new Error(r.message);
  return r.value.stdout;
}

describe('kubeconfig contexts', () => {
  it.each([
    ['kubectl config current-context', 'lab-containerd\n', '', 0],
    ['kubectl config get-contexts -o name', 'lab-containerd\nlab-crio\n', '', 0],
    ['kubectl config use-context lab-crio', 'Switched to context "lab-crio".\n', '', 0],
    ['kubectl config use-context x', '', 'error: no context exists with the name: "x"\n', 1],
    ['kubectl --context x get pods', '', 'Error in configuration: context was not found for specified context: x\n', 1],
    ['kubectl get runtimeclass --context=nope', '', 'Error in configuration: context was not found for specified context: nope\n', 1],
    ['kubectl --context nope run Bad --image=debian', '', 'Error in configuration: context was not found for specified context: nope\n', 1],
  ])('%s', (line, stdout, stderr, status) => {
    const r = control(fresh(), line);
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout, stderr, status });
  });

  it('use-context is kept in the stack state, and get-contexts marks it', () => {
    const s = onCrio();
    expect(s.stack.kubeContext).toBe('lab-crio');
    expect(control(s, 'kubectl config current-context').stdout).toBe('lab-crio\n');
    expect(control(s, 'kubectl config get-contexts').stdout.split('\n')[2]).toMatch(/^\* +lab-crio +lab-crio +lab-crio-admin/);
    expect(control(s, 'kubectl config use-context nope').stack.kubeContext).toBe('lab-crio');
  });

  it('each cluster has its own Pods; --context picks one for a single command', () => {
    let s = control(fresh(), 'kubectl run web --image=debian -it -- sh');
    s = control(s, 'kubectl --context lab-crio run web --image=alpine -it -- sh');
    expect(s.status).toBe(0);
    expect(s.path?.kind).toBe('kubernetes-crio');
    expect(control(s, 'kubectl get pods').stdout).toMatch(/^web +1\/1 +Running/m);
    expect(control(s, 'kubectl --context lab-crio get pods -o wide').stdout).toMatch(/^web +1\/1 +Running +0 +0s +10\.244\.0\.3 +lab-host/m);
    s = control(s, 'kubectl --context lab-crio delete pod web');
    expect(s.stdout).toBe('pod "web" deleted\n');
    expect(control(s, 'kubectl --context lab-crio get pods').stdout).toBe('No resources found in default namespace.\n');
    expect(control(s, 'kubectl get pods').stdout).toMatch(/^web +1\/1 +Running/m);
    expect(control(s, 'kubectl --context lab-crio run web --image=debian').stderr).toBe('');
    expect(control(s, 'kubectl run web --image=debian').stderr).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
  });
});

describe('a Pod on lab-crio: kubelet → CRI → CRI-O → conmon → crun, no containerd', () => {
  const s = control(onCrio(), 'kubectl run web --image=debian -it -- sh');
  const world = s.host.world;
  const init = s.attach ? world.procs[s.attach.pid] : undefined;

  it('passes through CRI-O and conmon and never through containerd or its shim', () => {
    expect(s.path?.kind).toBe('kubernetes-crio');
    expect(layersOf(s).slice(0, 8)).toEqual(['kubectl', 'kube-api', 'kube-apiserver', 'kubelet', 'cri-api', 'crio', 'host-kernel', 'conmon']);
    expect(layersOf(s)).not.toContain('containerd');
    expect(layersOf(s)).not.toContain('shim');
    expect(notesOf(s)).toContain('/var/run/crio/crio.sock');
    expect(s.stdout).toBe("If you don't see a command prompt, try pressing enter.\n");
  });

  it.each([
    ['pinns pins the pod\'s namespaces', /^unshare\(CLONE_NEWUTS\|CLONE_NEWIPC\|CLONE_NEWNET\) = 0$/],
    ['the network one at /var/run/netns', /^mount\("\/proc\/self\/ns\/net", "\/var\/run\/netns\/[0-9a-f-]{36}", NULL, MS_BIND, NULL\) = 0$/],
    ['CRI-O forks conmon, which runs crun', /^\/usr\/bin\/conmon .* -r \/usr\/bin\/crun --runtime-arg --root=\/run\/crun .* -s -t = 0$/],
    ['crun makes the container', /^crun create = 0$/],
    ['crun clones it into its own pid namespace', /^clone\(child_stack=NULL, flags=CLONE_NEWPID\|SIGCHLD\) = \d+$/],
    ['it joins the pinned network namespace', /^setns\(3<\/var\/run\/netns\/[0-9a-f-]{36}>, CLONE_NEWNET\) = 0$/],
    ['crun sets the pod\'s hostname in the joined UTS namespace', /^sethostname\("web", 3\) = 0$/],
    ['CRI-O runs crun start itself', /^crun start [0-9a-f]{12}… = 0$/],
  ])('%s', (_what, line) => {
    expect(linesOf(s).some((l) => line.test(l))).toBe(true);
  });

  it('runs no pause container: drop_infra_ctr', () => {
    expect(linesOf(s).some((l) => l.includes('/pause'))).toBe(false);
    expect(Object.values(world.procs).some((p) => p.comm === 'pause' || p.comm === 'pinns')).toBe(false);
    expect(notesOf(s)).toContain('no infra container');
  });

  it('the container has CRI-O\'s nine capabilities, not Docker\'s fourteen', () => {
    expect(CRIO_DEFAULT_CAPABILITIES).toHaveLength(9);
    expect(init?.cred.bounding).toHaveLength(9);
    expect(inside(s, 'cat /proc/self/status')).toContain('CapEff:\t00000000000005fb');
    const containerd = control(fresh(), 'kubectl run web --image=debian -it -- sh');
    expect(inside(containerd, 'cat /proc/self/status')).toContain('CapEff:\t00000000a80425fb');
  });

  it('no seccomp filter: Kubernetes asks for Unconfined', () => {
    expect(init?.seccomp.mode).toBe('disabled');
    expect(inside(s, 'cat /proc/self/status')).toContain('Seccomp:\t0');
  });

  it('its cgroup is crio-<id>.scope/container in the pod\'s slice; conmon is its parent, in system.slice', () => {
    const id = s.attach?.id ?? '';
    expect(init?.cgroup).toMatch(new RegExp(`^/kubepods\\.slice/kubepods-besteffort\\.slice/kubepods-besteffort-pod[0-9a-f_]+\\.slice/crio-${id}\\.scope/container$`));
    const conmon = world.procs[init?.ppid ?? -1];
    expect(conmon?.comm).toBe('conmon');
    expect(conmon?.cgroup).toBe(`/system.slice/crio-conmon-${id}.scope`);
    expect(Object.values(world.procs).find((p) => p.comm === 'crio')?.cgroup).toBe('/system.slice/crio.service');
  });

  it.each([
    ['the pod\'s name is its hostname', 'hostname', 'web\n'],
    ['eth0 on cni0, in the pinned network namespace', 'ip addr', '10.244.0.2/24'],
    ['a cgroup namespace of its own', 'cat /proc/self/cgroup', '0::/\n'],
  ])('inside: %s', (_what, line, text) => {
    expect(inside(s, line)).toContain(text);
  });

  it('docker does not see it, kubectl exec reaches it', () => {
    expect(control(s, 'docker ps -a').stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(control(s, 'kubectl exec web -- cat /etc/hostname').stdout).toBe('web\n');
    expect(control(s, 'kubectl exec web -- nosuch').stderr).toContain('crun exec: executable file `nosuch` not found in $PATH');
  });
});

describe('the pod\'s spec on lab-crio', () => {
  it('hostNetwork: pinns pins the host\'s network namespace, no CNI, the node\'s name and interfaces', () => {
    const s = control(onCrio(), `kubectl run h --image=debian -it --overrides='{"spec":{"hostNetwork":true}}' -- sh`);
    expect(linesOf(s).some((l) => l.includes('"--ipc", "--net=host", "--uts"'))).toBe(true);
    expect(linesOf(s)).toContain('unshare(CLONE_NEWUTS|CLONE_NEWIPC) = 0');
    expect(linesOf(s).some((l) => l.startsWith('/opt/cni/bin/bridge'))).toBe(false);
    expect(inside(s, 'hostname')).toBe('lab-host\n');
    expect(inside(s, 'ip addr')).toContain('10.0.2.15/24');
  });

  it('--privileged keeps every capability', () => {
    const s = control(onCrio(), 'kubectl run p --image=debian --privileged -it -- sh');
    expect(inside(s, 'cat /proc/self/status')).toContain('CapEff:\t000001ffffffffff');
  });

  it.each([
    ['lab-crio', 'crun create = error', 'executable file `nosuch` not found in $PATH: No such file or directory'],
    ['lab-containerd', 'CreateContainer = error', 'exec: "nosuch": executable file not found in $PATH'],
  ])('a program the image lacks, on %s: the runtime\'s own words', (context, line, message) => {
    const s = control(fresh(), `kubectl --context ${context} run e --image=alpine -- nosuch`);
    expect(s.stderr).toBe(`${message}\n`);
    expect(linesOf(s).at(-1)).toBe(line);
    expect(control(s, `kubectl --context ${context} get pods`).stdout).toBe('No resources found in default namespace.\n');
  });

  it('back on lab-containerd the path is containerd\'s again', () => {
    const s = control(control(onCrio(), 'kubectl config use-context lab-containerd'), 'kubectl run web --image=debian -it -- sh');
    expect(s.path?.kind).toBe('kubernetes');
    expect(layersOf(s).slice(5, 8)).toEqual(['containerd', 'shim-api', 'shim']);
    expect(layersOf(s)).not.toContain('crio');
  });
});

describe('RuntimeClasses on lab-crio map to CRI-O runtime handlers', () => {
  it('runc: conmon runs runc, the process stays in the scope itself', () => {
    const s = control(onCrio(), `kubectl run p --image=debian -it ${overrides('runc')} -- sh`);
    expect(linesOf(s)).toContain('runc create = 0');
    expect(linesOf(s).some((l) => l.includes('-r /usr/bin/runc --runtime-arg --root=/run/runc'))).toBe(true);
    expect(s.attach ? s.host.world.procs[s.attach.pid]?.cgroup : '').toMatch(/\/crio-[0-9a-f]{64}\.scope$/);
  });

  it.each([
    ['gvisor', 'gvisor', 'containerd-shim-runsc-v1', 'runsc create = 0'],
    ['kata', 'kata', 'containerd-shim-kata-v2', 'containerd-shim-kata-v2 create = 0'],
  ])('%s: a "vm" runtime — CRI-O starts the shim itself, no conmon, no containerd', (rc, runtime, shim, create) => {
    const s = control(onCrio(), `kubectl run p --image=debian -it ${overrides(rc)} -- sh`);
    expect(s.attach?.runtime).toBe(runtime);
    expect(s.path).toMatchObject({ kind: 'kubernetes-crio', sandboxed: true });
    expect(layersOf(s)).toEqual(expect.arrayContaining(['crio', 'shim-api', 'shim', 'sandbox-kernel']));
    expect(layersOf(s)).not.toContain('conmon');
    expect(layersOf(s)).not.toContain('containerd');
    expect(linesOf(s)).toContain(create);
    expect(linesOf(s).some((l) => l.startsWith(`${shim} -namespace default -id `))).toBe(true);
    expect(notesOf(s)).toContain('registry.k8s.io/pause:3.10.1');
  });

  it('gvisor: the pod\'s calls land in the Sentry, and the note says how CRI-O gets there', () => {
    const s = control(onCrio(), `kubectl run p --image=debian -it ${overrides('gvisor')} -- sh`);
    if (!s.attach) throw new Error(s.stderr);
    const r = runInContainer(s, s.attach, 'getpid()');
    expect(r.ok && r.value.inner?.calls[0]?.servedBy).toBe('sentry');
    expect(notesOf(s)).toContain('google/gvisor#10313');
  });
});

describe('the diagram\'s layers for the CRI-O node', () => {
  it.each([
    [false, ['kubectl', 'kube-api', 'kube-apiserver', 'kubelet', 'cri-api', 'crio', 'conmon', 'oci-runtime', 'host-syscall', 'host-kernel', 'container']],
    [true, ['kubectl', 'kube-api', 'kube-apiserver', 'kubelet', 'cri-api', 'crio', 'shim-api', 'shim', 'oci-runtime', 'host-syscall', 'host-kernel', 'sandbox-kernel', 'container']],
  ])('sandboxed %s', (sandboxed, ids) => {
    expect(stackLayers('kubernetes-crio', sandboxed).map((l) => l.id)).toEqual(ids);
    expect(STACK_LABEL['kubernetes-crio']).toBe('kubectl → API server → kubelet → CRI → CRI-O → runtime');
  });
});
