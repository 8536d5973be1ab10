import { findRuntime } from '../sim/runtime/registry.ts';
import { HOST } from '../sim/runtime/host.ts';
import type { RuntimeId, Session } from '../sim/runtime/types.ts';
import type { CallTrace } from '../sim/trace.ts';
import { EMPTY_STACK } from '../sim/stack/containers.ts';
import { DOCKER_RUNTIME_NAME } from '../sim/escapes/index.ts';
import type { EscapeScenario } from '../sim/escapes/types.ts';
import { classifyEscape, type EscapeStep } from '../sim/escapes/classify.ts';
import type { EscapeVerdict } from '../sim/escapes/verdict.ts';
import type { HostState } from './controlTypes.ts';
import { runControlLine, runInContainer } from './controlPlane.ts';
import { runInput } from './runInput.ts';

/** One scenario run under one runtime from a fresh boot, kept whole so the page can replay it. */
export interface EscapeRun {
  scenario: string;
  runtime: RuntimeId;
  /** How the workload was made: the `docker run` line, or the runtime's own boot. */
  setup: string;
  /** The path of the `docker run` through the stack (empty without Docker). */
  setupCalls: CallTrace[];
  /** Each attack line as the model ran it. */
  steps: EscapeStep[];
  verdict: EscapeVerdict;
}

/** The `docker run` line that makes the container the scenario needs, on this runtime. */
export const dockerLine = (s: EscapeScenario, dockerRuntime: string): string => ['docker run -it', ...s.dockerFlags, '--runtime', dockerRuntime, 'debian sh'].join(' ');

/** Runs every attack line in the session, in order, each on the world the last one left. */
function runLines(session: Session, lines: readonly string[]): EscapeStep[] {
  let current = session;
  return lines.map((input): EscapeStep => {
    const r = runInput(current, input);
    if (!r.ok) return { input, calls: [], status: 1, refused: r.message };
    current = r.value.session;
    return { input, calls: r.value.calls, status: r.value.status };
  });
}

/** runc, runsc, kata-runtime: `docker run` on a fresh host with the scenario's flags, then the lines in the container. */
function inContainer(s: EscapeScenario, runtime: RuntimeId, dockerRuntime: string): EscapeRun {
  const setup = dockerLine(s, dockerRuntime);
  const started = runControlLine({ host: HOST.boot(), stack: EMPTY_STACK }, setup, null);
  const base = { scenario: s.id, runtime, setup };
  if (!started.ok || !started.value.attach) {
    const said = started.ok ? started.value.stderr.trim() || 'the container did not start' : started.message;
    return { ...base, setupCalls: started.ok ? started.value.path?.calls ?? [] : [], steps: [], verdict: { type: 'not-applicable', why: { en: said, zh: said }, ran: null } };
  }
  const attach = started.value.attach;
  let state: HostState = started.value;
  const steps = s.attack.map((input): EscapeStep => {
    const r = runInContainer(state, attach, input);
    if (!r.ok) return { input, calls: [], status: 1, refused: r.message };
    state = r.value;
    return { input, calls: r.value.inner?.calls ?? [], status: r.value.status };
  });
  return { ...base, setupCalls: started.value.path?.calls ?? [], steps, verdict: classifyEscape(steps, s) };
}

/** The host, and the runtimes with no Docker in front of them: the lines run on the runtime's default boot. */
function onBoot(s: EscapeScenario, runtime: RuntimeId): EscapeRun {
  const model = runtime === 'host' ? HOST : findRuntime(runtime);
  if (!model) throw new Error(`the lab has no runtime ${runtime}`);
  const steps = runLines(model.boot(), runtime === 'host' ? s.hostAttack ?? s.attack : s.attack);
  const ran = classifyEscape(steps, s);
  const why = s.unstageable?.[runtime];
  const setup = runtime === 'host' ? "the host's root shell (no container)" : `${runtime}, booted with its defaults (no Docker)`;
  return { scenario: s.id, runtime, setup, setupCalls: [], steps, verdict: why ? { type: 'not-applicable', why, ran } : ran };
}

/** Runs scenario `s` under `runtime` from a fresh boot and reads the verdict from the trace. */
export function runEscape(s: EscapeScenario, runtime: RuntimeId): EscapeRun {
  const docker = DOCKER_RUNTIME_NAME[runtime];
  return docker ? inContainer(s, runtime, docker) : onBoot(s, runtime);
}
