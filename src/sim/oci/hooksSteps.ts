import { step, type StartState, type StartStep } from '../stack/startPlan.ts';
import type { OciHookName, OciSpec } from './spec.ts';

/**
 * The spec's hooks as steps of a runc operation, one call per hook point,
 * in the runtime-spec's order. runc would run each program with the
 * container's state JSON on its stdin; the lab does not run hook programs,
 * it shows where and in which namespaces they would run.
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config.md#posix-platform-hooks
 * @see opencontainers/runc libcontainer/process_linux.go (prestart, createRuntime), rootfs_linux.go (createContainer),
 *      standard_init_linux.go (startContainer), container_linux.go (poststart), state_linux.go destroy (poststop)
 */

interface HookPoint {
  /** Where runc runs it: the runtime's namespaces (the host's) or the container's. */
  layer: 'oci-runtime' | 'container';
  when: string;
}

const POINTS: Readonly<Record<OciHookName, HookPoint>> = {
  prestart: { layer: 'oci-runtime', when: 'during create, once the namespaces exist and before pivot_root, in the runtime\'s (host\'s) namespaces — deprecated in favour of createRuntime' },
  createRuntime: { layer: 'oci-runtime', when: 'during create, after prestart and before pivot_root, in the runtime\'s (host\'s) namespaces' },
  createContainer: { layer: 'container', when: 'during create, before pivot_root, in the container\'s namespaces (run by runc\'s init)' },
  startContainer: { layer: 'container', when: 'during start, in the container, just before the program is exec\'d' },
  poststart: { layer: 'oci-runtime', when: 'after the program has been exec\'d and before `runc start` returns, in the runtime\'s namespaces' },
  poststop: { layer: 'oci-runtime', when: 'when the container is deleted, before `runc delete` returns, in the runtime\'s namespaces' },
};

/** One call per hook point: its programs (not run by the lab), or that config.json lists none. */
export function hookSteps(spec: OciSpec, names: readonly OciHookName[], state: StartState): StartStep[] {
  return names.map((name) => {
    const hooks = spec.hooks?.[name] ?? [];
    const p = POINTS[name];
    if (hooks.length === 0) return step(state, `hooks.${name}`, 'none', p.layer, 'pass', `No ${name} hooks in config.json (they would run ${p.when})`, 0);
    const programs = hooks.map((h) => [h.path, ...(h.args ?? []).slice(1)].join(' '));
    return step(state, `hooks.${name}`, 'not run (lab)', p.layer, 'forwarded',
      `runc runs ${hooks.length === 1 ? 'this hook' : `these ${hooks.length} hooks`} ${p.when}, giving each the container's state JSON on stdin: ${programs.join('; ')}. The lab does not run hook programs.`, 1_000_000);
  });
}
