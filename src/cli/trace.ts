import { runInput } from '../machines/runInput.ts';
import type { RuntimeModel, RuntimeOptions } from '../sim/runtime/types.ts';
import type { CallTrace } from '../sim/trace.ts';
import type { CliArgs } from './args.ts';
import type { CliIo } from './main.ts';
import { checkResources } from '../sim/runtime/resources.ts';
import { isControlLine, runControlLine } from '../machines/controlPlane.ts';
import { HOST } from '../sim/runtime/host.ts';
import { EMPTY_STACK } from '../sim/stack/containers.ts';

/** `isolab trace 'docker run …'`: the path through the stack on a fresh host, then what docker printed. */
function traceControl(input: string, args: CliArgs, io: CliIo): number {
  const result = runControlLine({ host: HOST.boot(), stack: EMPTY_STACK }, input, null);
  if (!result.ok) {
    io.stderr(`isolab: ${result.message}\n`);
    return 1;
  }
  const r = result.value;
  const calls = [...(r.path?.calls ?? []), ...(r.inner?.calls ?? [])];
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ input, calls: calls.map(callJson), stdout: r.stdout, stderr: r.stderr, status: r.status, container: r.attach ?? null }, null, 2)}\n`);
    return 0;
  }
  for (const call of calls) io.stdout(callText(call));
  if (r.stdout) io.stdout(`--- stdout ---\n${r.stdout}${r.stdout.endsWith('\n') ? '' : '\n'}`);
  if (r.stderr) io.stdout(`--- stderr ---\n${r.stderr}${r.stderr.endsWith('\n') ? '' : '\n'}`);
  if (r.attach) io.stdout(`--- the terminal would now be in ${r.attach.name} (${r.attach.runtime}), pid ${r.attach.pid} ---\n`);
  return 0;
}

/** `isolab trace`: boots the runtime, runs one input, prints each call's hops and its strace line. */
export function traceCommand(runtime: RuntimeModel, options: RuntimeOptions, args: CliArgs, io: CliIo): number {
  const input = args.positional ?? '';
  if (isControlLine(input)) return traceControl(input, args, io);
  const booted = bootWith(runtime, options, args, io);
  if (!booted) return 2;
  const session = booted;
  const result = runInput(session, input);
  if (!result.ok) {
    io.stderr(`isolab: ${result.message}\n`);
    if (result.column !== undefined) io.stderr(`  ${input}\n  ${' '.repeat(Math.max(0, result.column - 1))}^\n`);
    return 1;
  }
  const { calls, stdout, stderr } = result.value;
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ runtime: runtime.id, options, input, calls: calls.map(callJson), stdout, stderr }, null, 2)}\n`);
    return 0;
  }
  for (const call of calls) io.stdout(callText(call));
  if (stdout) io.stdout(`\n--- stdout ---\n${stdout}${stdout.endsWith('\n') ? '' : '\n'}`);
  if (stderr) io.stdout(`--- stderr ---\n${stderr}${stderr.endsWith('\n') ? '' : '\n'}`);
  return 0;
}

export function callJson(c: CallTrace) {
  return {
    name: c.name, line: c.line, retval: c.retval, errno: c.errno, deniedBy: c.deniedBy, reason: c.reason, servedBy: c.servedBy ?? null,
    hops: c.hops.map((h) => ({ layer: h.layer, verdict: h.verdict, note: h.note, costNs: h.costNs, source: h.source, ...(h.hostEntry ? { hostEntry: h.hostEntry } : {}), ...(h.state ? { state: h.state } : {}), ...(h.hostCall ? { hostCall: h.hostCall } : {}) })),
  };
}

function callText(c: CallTrace): string {
  const width = Math.max(...c.hops.map((h) => h.layer.length));
  const hops = c.hops.map((h) => `  ${h.layer.padEnd(width)}  ${h.verdict.padEnd(9)} ${fmtNs(h.costNs).padStart(9)}  ${h.note}  [${h.source}]`);
  const total = c.hops.reduce((s, h) => s + h.costNs, 0);
  const reason = c.reason && c.deniedBy ? `  ← ${c.reason}` : '';
  return `${hops.join('\n')}\n${c.line}${reason}    (${fmtNs(total)} modelled)\n\n`;
}

export function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${Number(ns.toFixed(2))} ns`;
}

/** Boots the runtime with the resource flags given; a bad flag value is reported with Docker's words. */
export function bootWith(runtime: RuntimeModel, options: RuntimeOptions, args: Pick<CliArgs, 'resources'>, io: Pick<CliIo, 'stderr'>) {
  const r = args.resources;
  const resources = { ...(r.memory ? { memory: r.memory } : {}), ...(r.cpus ? { cpus: r.cpus } : {}), ...(r.pidsLimit ? { pidsLimit: r.pidsLimit } : {}) };
  if (Object.keys(resources).length && runtime.id === 'host') {
    io.stderr('isolab: --memory, --cpus and --pids-limit set a container\'s cgroup; the host runtime has none\n');
    return undefined;
  }
  const problem = checkResources(resources);
  if (problem) {
    io.stderr(`isolab: ${problem}\n`);
    return undefined;
  }
  return runtime.boot({ resources, options });
}
