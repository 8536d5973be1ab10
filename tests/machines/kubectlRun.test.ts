import { describe, expect, it } from 'vitest';
import { runControlLine, runInContainer } from '../../src/machines/controlPlane.ts';
import type { Attach, ControlRun, HostState } from '../../src/machines/controlTypes.ts';
import { HOST } from '../../src/sim/runtime/host.ts';
import { EMPTY_STACK } from '../../src/sim/stack/containers.ts';

/** `kubectl run` on the lab's one-node cluster: the path through the CRI, the sandbox, the pod's container (issue 5, point 2). */
const fresh = (): HostState => ({ host: HOST.boot(), stack: EMPTY_STACK });

function control(state: HostState, text: string, attached: Attach | null = null): ControlRun {
  const r = runControlLine(state, text, attached);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const overrides = (rc: string) => `--overrides='{"spec":{"runtimeClassName":"${rc}"}}'`;

function inPod(flags: string, line: string) {
  const s = control(fresh(), `kubectl run p --image=debian -it ${flags} -- sh`);
  if (!s.attach) throw new Error(`no attach: ${s.stderr}`);
  const r = runInContainer(s, s.attach, line);
  if (!r.ok) throw new Error(r.message);
  return { start: s, run: r.value, calls: r.value.inner?.calls ?? [], runtime: r.value.inner?.runtime };
}

describe('kubectl run: the path through the API server, the kubelet and the CRI', () => {
  it('runc: RunPodSandbox makes the pause container, CreateContainer joins its namespaces', () => {
    const s = control(fresh(), 'kubectl run web --image=debian -it -- sh');
    const lines = s.path?.calls.map((c) => c.line) ?? [];
    const layers = [...new Set(s.path?.calls.flatMap((c) => c.hops.map((h) => h.layer)))];
    expect(layers.slice(0, 8)).toEqual(['kubectl', 'kube-api', 'kube-apiserver', 'kubelet', 'cri-api', 'containerd', 'shim-api', 'shim']);
    expect(lines[0]).toBe('POST /api/v1/namespaces/default/pods = 201 Created');
    expect(lines).toContain('RunPodSandbox = ok');
    expect(lines).toContain('execve("/pause", ["/pause"], 0x… /* env */) = 0');
    expect(lines.filter((l) => l.startsWith('setns(')).map((l) => l.split(', ')[1])).toEqual(['CLONE_NEWNET) = 0', 'CLONE_NEWIPC) = 0', 'CLONE_NEWUTS) = 0']);
    expect(lines).toContain('CreateContainer = ok');
    expect(lines.some((l) => l.startsWith('seccomp('))).toBe(false);
    expect(s.stdout).toBe("If you don't see a command prompt, try pressing enter.\n");
  });

  it.each([
    ['gvisor', 'gvisor', 'sandbox-kernel', 'containerd-shim-runsc-v1'],
    ['kata', 'kata', 'sandbox-kernel', 'containerd-shim-kata-v2'],
  ])('RuntimeClass %s: the sandbox is the runtime\'s own kernel', (rc, runtime, layer, shim) => {
    const s = control(fresh(), `kubectl run p --image=debian -it ${overrides(rc)} -- sh`);
    expect(s.attach?.runtime).toBe(runtime);
    expect(s.path?.calls.some((c) => c.hops.some((h) => h.layer === layer))).toBe(true);
    expect(s.path?.calls.flatMap((c) => c.hops.map((h) => h.note)).join('\n')).toContain(shim);
  });

  it('refuses a RuntimeClass the cluster does not have, at admission', () => {
    const s = control(fresh(), `kubectl run p --image=debian ${overrides('nope')}`);
    expect(s.stderr).toBe('Error from server (Forbidden): pods "p" is forbidden: pod rejected: RuntimeClass "nope" not found\n');
    expect(s.path?.calls.at(-1)?.deniedBy).toBe('kube-apiserver');
    expect(control(s, 'kubectl get pods').stdout).toBe('No resources found in default namespace.\n');
  });
});

describe('inside a pod', () => {
  it.each([
    ['the pod\'s name is its hostname (the sandbox\'s UTS namespace)', 'hostname', 'p\n'],
    ['eth0 on the CNI bridge, in the pause container\'s network namespace', 'ip addr', '10.244.0.2/24'],
    ['its cgroup namespace hides the kubepods path', 'cat /proc/self/cgroup', '0::/\n'],
  ])('%s', (_what, line, text) => {
    expect(inPod('', line).run.stdout).toContain(text);
  });

  it('no seccomp by default: keyctl, which Docker\'s profile refuses, runs', () => {
    const r = inPod('', 'keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0)');
    expect(r.calls[0]?.errno).toBeNull();
  });

  it('a gVisor pod\'s calls are served by the Sentry', () => {
    const r = inPod(overrides('gvisor'), 'getpid()');
    expect(r.runtime).toBe('gvisor');
    expect(r.calls[0]?.servedBy).toBe('sentry');
  });
});

describe('kubectl get, delete, exec', () => {
  it('lists pods and RuntimeClasses, execs into a pod, deletes it', () => {
    let s = control(fresh(), 'kubectl run a --image=alpine -it -- sh');
    s = control(s, `kubectl run b --image=debian -it ${overrides('gvisor')} -- sh`);
    expect(control(s, 'kubectl get pods -o wide').stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE/);
    expect(control(s, 'kubectl get pods').stdout).toMatch(/a +1\/1 +Running/);
    expect(control(s, 'kubectl get runtimeclass').stdout).toContain('gvisor   runsc');
    const exec = control(s, 'kubectl exec a -- cat /etc/hostname');
    expect(exec.stdout).toBe('a\n');
    expect(control(s, 'kubectl exec a -- bash').stdout).toContain('exec: "bash": executable file not found in $PATH');
    s = control(s, 'kubectl delete pod a');
    expect(s.stdout).toBe('pod "a" deleted\n');
    expect(control(s, 'kubectl get pods').stdout).not.toMatch(/^a /m);
    expect(control(s, 'kubectl delete pod a').stderr).toBe('Error from server (NotFound): pods "a" not found\n');
    expect(control(s, 'docker ps -a').stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
