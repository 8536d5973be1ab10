import { compareRuntimes, type CompareRow, type CompareSpec } from '../machines/compareRuntimes.ts';
import { resolveOptions } from '../sim/runtime/options.ts';
import { findRuntime, RUNTIME_IDS, RUNTIMES } from '../sim/runtime/registry.ts';
import type { RuntimeId, RuntimeModel } from '../sim/runtime/types.ts';
import { COMMANDS } from '../sim/shell/commands/index.ts';
import { formatSignature, syscallByName } from '../sim/syscalls/catalogue.ts';
import type { ReturnKind, SyscallCategory } from '../sim/syscalls/syscallInfo.ts';
import { suggestSyscall } from '../sim/syscalls/suggestSyscall.ts';
import { closest } from '../sim/text/closest.ts';
import { promptText, type ContainerView, type Entry, type RuntimeRow, type TranscriptLine } from './views.ts';
import { imageComparison } from '../machines/dockerImages.ts';

/**
 * The lab's own terminal commands (help, runtime, compare, explain,
 * verdicts, surface, playback, history…): `runLabLine` runs one and prints
 * its answer through the store, or returns false so that the line runs as a
 * syscall or shell command. Never throws: bad input gets a message.
 */

/** What a lab command reads and calls: a subset of the store's state (LabState satisfies it). */
export interface LabView {
  runtimes: readonly RuntimeRow[];
  runtimeId: string;
  container?: ContainerView | null;
  entries: readonly Entry[];
  options: Partial<Record<string, Record<string, string>>>;
  playback: { entryId: number | null; speed: number };
  print: (lines: TranscriptLine[]) => void;
  configure: (runtime: string, options: Record<string, string>) => void;
  reset: () => void;
  clearTranscript: () => void;
  play: () => void;
  pause: () => void;
  stepForward: () => void;
  stepBack: () => void;
  setSpeed: (speed: number) => void;
  /** The lead's: remember this comparison (specs as `gvisor:platform=kvm`) for the compare view and show it. */
  compare?: (input: string, runtimes: string[], rows?: readonly CompareRow[]) => void;
}

/** Read afresh after each action: a command may change what it then prints. */
export interface LabApi {
  getState: () => LabView;
}

type Run = (api: LabApi, args: string[], rest: string) => void;
interface LabCommand { usage: string; what: string; example?: string; run: Run }

const line = (kind: TranscriptLine['kind'], text: string): TranscriptLine => ({ kind, text });
const say = (api: LabApi, ...lines: TranscriptLine[]) => api.getState().print(lines);
const fail = (api: LabApi, text: string) => say(api, line('error', text));

/** Where each runtime's verdict table comes from, for `explain` and `verdicts`. */
const TABLE_SOURCE: Record<RuntimeId, string> = {
  host: "no seccomp filter: Linux's own syscall table decides (syscall_64.tbl; sys_ni_syscall is ENOSYS)",
  runc: "Docker's default seccomp profile (moby/profiles seccomp/default.json) with Docker's 14 capabilities and runc's ENOSYS stub, then Linux's table",
  gvisor: "the Sentry's amd64 syscall table (gVisor pkg/sentry/syscalls/linux/linux64.go); with --oci-seccomp on, the container's profile first",
  kata: "the guest's Linux kernel; with --guest-seccomp on, kata-agent applies the container's seccomp profile in the guest",
  nabla: "rumprun's libc stubs and rump kernel (NetBSD): each call runs, is a stub, or is missing (ENOSYS)",
  'unikernel-hvt': "rumprun's libc stubs and rump kernel, as for nabla: the solo5-hvt tender never sees the program's calls",
  firecracker: "the guest's Linux 6.1 kernel; with --guest-seccomp docker-default, Docker's profile in the guest",
  lightvm: "Mini-OS's function table (--guest unikernel) or Tinyx's Linux kernel (--guest tinyx)",
};

/** Two lines worth typing on each runtime: what `help` offers. */
const EXAMPLES: Record<RuntimeId, readonly string[]> = {
  host: ['sethostname("lab", 3)', 'insmod evil.ko'],
  runc: ['sethostname("lab", 3)', 'reboot'],
  gvisor: ['cat /etc/hostname', 'runtime gvisor --platform kvm'],
  kata: ['cat /etc/hostname', 'mount -t tmpfs none /mnt'],
  nabla: ['fork()', 'cat /etc/hostname'],
  'unikernel-hvt': ['write(1, "hi\\n", 3)', 'fork()'],
  firecracker: ['cat /etc/hostname', 'io_uring_setup(8, NULL)'],
  lightvm: ['fork()', 'runtime lightvm --guest tinyx'],
};

/** The container engines on the lab's host, as a lecturer would start with them. */
const CONTROL_EXAMPLES: readonly string[] = [
  'docker run -it --cap-add SYS_ADMIN --pids-limit 10 debian sh',
  'docker run -it --runtime=runsc debian sh    docker ps    docker inspect NAME',
  'docker run -it --privileged debian sh    docker run gcr.io/distroless/static-debian12 sh',
  `kubectl run web --image=debian -it --overrides='{"spec":{"runtimeClassName":"gvisor"}}' -- sh`,
  'podman run -it alpine sh    runc spec    runc run demo',
];

const CATEGORY: Record<SyscallCategory, string> = {
  file: 'I/O on file descriptors', 'fs-metadata': 'names, directories and inode attributes', mount: 'the mount table and the root',
  event: 'readiness and notification file descriptors', memory: 'the address space', ipc: 'pipes, System V IPC and POSIX message queues',
  sync: 'futexes and robust lists', network: 'sockets', process: 'processes: creation, exec, exit, wait, ids, limits', sched: 'scheduling',
  credentials: 'user and group ids', signal: 'signals', time: 'clocks, timers and sleeps', namespace: 'namespaces',
  security: 'capabilities, seccomp, Landlock and LSM attributes', keys: 'the kernel key retention service', module: 'loading kernel code: modules and kexec',
  system: 'whole-machine state: reboot, hostname, swap, quotas, the kernel log', debug: 'tracing and introspection: ptrace, perf, bpf',
  aio: 'Linux native asynchronous I/O', 'io-uring': 'io_uring', arch: 'x86-specific state',
};

const RETURNS: Record<ReturnKind, string> = {
  fd: 'a new file descriptor', zero: '0', count: 'a count of bytes or items', pid: 'a process or thread id', id: 'an id',
  pointer: 'an address', offset: 'a file offset', value: 'a value that depends on the operation', noreturn: 'nothing: it does not return on success',
};

/** Wraps words to lines of at most `width` characters, each indented. */
export function wrapWords(words: readonly string[], width = 72, indent = '  '): string[] {
  const out: string[] = [];
  let current = '';
  for (const w of words) {
    if (current && current.length + 1 + w.length > width) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${w}` : `${indent}${w}`;
  }
  return current ? [...out, current] : out;
}

/** `gvisor:platform=kvm`: the runtime and the settings that differ from its defaults. */
export function specLabel(model: Pick<RuntimeModel, 'id' | 'options'>, options: Readonly<Record<string, string>>): string {
  const changed = model.options.filter((o) => options[o.key] !== undefined && options[o.key] !== o.default);
  return [model.id, ...changed.map((o) => `${o.key}=${options[o.key] ?? ''}`)].join(':');
}

/** `--platform kvm`, `--platform=kvm`, a bare switch (`--oci-seccomp` = on), as isolab takes them. */
export function parseSettings(model: RuntimeModel, words: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!w.startsWith('--') || w.length < 3) return `'${w}' is not a setting: settings look like ${model.options[0] ? `--${model.options[0].key} ${model.options[0].values[0] ?? ''}` : '--KEY VALUE'}`;
    const eq = w.indexOf('=');
    const key = eq > 0 ? w.slice(2, eq) : w.slice(2);
    const spec = model.options.find((o) => o.key === key);
    const next = words[i + 1];
    if (eq > 0) out[key] = w.slice(eq + 1);
    else if (spec && spec.values.includes('on') && spec.values.includes('off') && (next === undefined || !spec.values.includes(next))) out[key] = 'on';
    else if (next === undefined || next.startsWith('--')) return `--${key} needs a value${spec ? `: ${spec.values.join(', ')}` : ''}`;
    else out[key] = words[++i] ?? '';
  }
  return out;
}

function unknownRuntime(name: string): string {
  const hint = closest(name, RUNTIME_IDS);
  return `unknown runtime '${name}'${hint.length ? ` (did you mean ${hint[0]}?)` : ''}; the runtimes: ${RUNTIME_IDS.join(', ')}`;
}

/** A runtime and its settings: the ones chosen in the lab, changed by any given on the line. */
function target(api: LabApi, name: string | undefined, words: readonly string[]): { model: RuntimeModel; options: Record<string, string> } | string {
  const s = api.getState();
  const model = findRuntime(name ?? s.runtimeId);
  if (!model) return unknownRuntime(name ?? s.runtimeId);
  const given = parseSettings(model, words);
  if (typeof given === 'string') return given;
  const resolved = resolveOptions(model, { ...(s.options[model.id] ?? {}), ...given });
  return resolved.ok ? { model, options: { ...resolved.value } } : resolved.message;
}

/** `verdicts`, `verdicts gvisor`, `verdicts --platform kvm`: the runtime named first, else the chosen one. */
const targetOf = (api: LabApi, [first, ...rest]: string[]) => (first === undefined || first.startsWith('--') ? target(api, undefined, first === undefined ? [] : [first, ...rest]) : target(api, first, rest));

const help: Run = (api, [name]) => {
  if (name) return helpOne(api, name);
  const s = api.getState();
  const ids = [s.runtimeId, ...RUNTIME_IDS.filter((id) => id !== s.runtimeId)] as RuntimeId[];
  say(api,
    line('heading', 'Type a syscall in strace syntax, or a shell command'),
    line('stdout', '  getpid()    openat(AT_FDCWD, "/etc/passwd", O_RDONLY)'),
    line('stdout', '  cat /etc/passwd    ls /proc    echo hi > /tmp/x'),
    ...wrapWords(['the', 'shell\'s', 'commands:', ...Object.keys(COMMANDS)]).map((t) => line('stdout', t)),
    line('heading', 'Make a container, watch it start, land in it (exit leaves)'),
    ...CONTROL_EXAMPLES.map((ex) => line('stdout', `  ${ex}`)),
    line('heading', 'Lab commands'),
    ...Object.values(LAB).map((c) => line('stdout', `  ${c.usage.padEnd(28)} ${c.what}`)),
    line('heading', 'Worth trying, runtime by runtime'),
    ...ids.flatMap((id) => (EXAMPLES[id] ?? []).map((ex, i) => line('stdout', `  ${i === 0 ? `${id}${id === s.runtimeId ? ' (now)' : ''}` : ''}`.padEnd(17) + ex))),
    line('info', 'Tab completes · ↑ ↓ history · Ctrl-C drops the line · Ctrl-L clears · Shift-Tab leaves the terminal'),
  );
};

function helpOne(api: LabApi, name: string) {
  if (name === 'docker' || name === 'kubectl' || name === 'podman' || name === 'runc') return say(api, line('stdout', `${name} runs on the lab's host whichever shell the terminal shows; type ${name} --help for its own usage`), ...CONTROL_EXAMPLES.filter((ex) => ex.includes(name)).map((ex) => line('info', `  e.g. ${ex}`)));
  const lab = LAB[name];
  if (lab) return say(api, line('stdout', `${lab.usage} — ${lab.what}`), ...(lab.example ? [line('info', `  e.g. ${lab.example}`)] : []));
  const shell = COMMANDS[name];
  if (shell) return say(api, line('stdout', shell.help));
  if (syscallByName(name)) return explain(api, [name], name);
  fail(api, `no command or syscall named '${name}'; type help for the list`);
}

const runtime: Run = (api, [name, ...words]) => {
  if (!name) return describeRuntime(api);
  const t = target(api, name, words);
  if (typeof t === 'string') return fail(api, t);
  api.getState().configure(t.model.id, t.options);
  describeRuntime(api);
};

function describeRuntime(api: LabApi) {
  const s = api.getState();
  const model = findRuntime(s.runtimeId);
  if (!model) return fail(api, unknownRuntime(s.runtimeId));
  const options = s.options[model.id] ?? {};
  say(api,
    line('heading', `${model.id}: ${model.label}`),
    line('stdout', `  ${model.summary}`),
    ...model.options.map((o) => line('stdout', `  --${o.key} ${options[o.key] ?? o.default}   (${o.values.join(', ')}) ${o.description}`)),
    line('info', model.options.length ? `change a setting: runtime ${model.id} --${model.options[0]?.key} ${model.options[0]?.values.at(-1)}` : 'this runtime has no settings'),
  );
}

const runtimes: Run = (api) => {
  const now = api.getState().runtimeId;
  say(api, line('heading', 'Runtimes (runtime NAME switches)'), ...RUNTIMES.map((r) => line('stdout', `${r.id === now ? '* ' : '  '}${r.id.padEnd(14)} ${r.label}`)));
};

/** `compare RUNTIME… -- INPUT`: one clear syntax, since an input may contain spaces, commas and colons. */
const compare: Run = (api, _args, rest) => {
  const dash = ` ${rest} `.indexOf(' -- ');
  if (dash < 0) return fail(api, 'compare needs runtimes, then --, then the input: compare runc gvisor kata -- getpid()');
  const names = rest.slice(0, dash).trim().split(/\s+/).filter(Boolean);
  const input = rest.slice(dash + 3).trim();
  if (!input) return fail(api, 'compare needs an input after --: a syscall like getpid() or a command like cat /etc/hostname');
  const specs: CompareSpec[] = [];
  for (const text of names.flatMap((n): readonly string[] => (n === 'all' ? RUNTIME_IDS : [n]))) {
    const [id, ...pairs] = text.split(':');
    const t = target(api, id, pairs.map((p) => `--${p}`));
    if (typeof t === 'string') return fail(api, t);
    specs.push({ runtime: t.model, options: t.options, label: specLabel(t.model, t.options) });
  }
  if (specs.length === 0) return fail(api, 'compare needs at least one runtime before --: compare runc gvisor -- getpid()');
  const rows = compareRuntimes(input, specs);
  say(api, line('heading', `${input} under ${specs.length} runtime${specs.length > 1 ? 's' : ''}, each booted fresh`), ...rows.flatMap(compareLines));
  // The rows just printed are the comparison: the store lays them out rather than running them again.
  api.getState().compare?.(input, specs.map((s) => s.label), rows);
};

export function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${Number(ns.toFixed(1))} ns`;
}

/** One runtime's row of a comparison: its result, then hops, host calls and cost, then any published ratio. */
export function compareLines(r: CompareRow): TranscriptLine[] {
  if (!r.ok) return [line('error', `${r.label}: refused: ${r.message}`)];
  const last = r.calls.at(-1);
  const result = r.calls.length === 1 && last ? last.line : `${r.calls.length} calls, exit status ${r.status}`;
  const failed = r.calls.length === 1 && last ? last.errno !== null || last.retval === null : r.status !== 0;
  const host = [...new Set(r.hostCalls.map((h) => `${h.name} by ${h.by}`))];
  const ratio = r.ratio === null || r.baseline === r.label ? '' : ` · ${r.ratio.toFixed(2)}× ${r.baseline ?? ''}`;
  return [
    line(failed ? 'denied' : 'call', `${r.label} (${r.servedBy} kernel): ${result}`),
    line('stdout', `  ${r.hops} hops · ${fmtNs(r.costNs)} modelled${ratio} · ${fmtNs(r.warmCostNs)} warm`),
    line('stdout', `  host syscalls: ${r.hostCalls.length === 0 ? 'none' : `${r.hostCalls.length}: ${host.slice(0, 4).join(', ')}${host.length > 4 ? ', …' : ''}`}`),
    ...r.published.map((p) => line('info', `  published: ${p.entry.what}: ${(p.entry.numerator.value / p.entry.denominator.value).toFixed(2)}× ${p.against}; modelled ${p.modelled.toFixed(2)}×`)),
  ];
}

const explain: Run = (api, [word]) => {
  const name = (word ?? '').replace(/\(.*$/, '');
  if (!name) return fail(api, 'explain needs a syscall name: explain openat');
  const info = syscallByName(name);
  if (!info) {
    const hint = suggestSyscall(name);
    return fail(api, `unknown syscall '${name}'${hint.length ? `; did you mean ${hint.join(', ')}?` : ''}`);
  }
  const s = api.getState();
  say(api,
    line('heading', `${info.name}: syscall ${info.number} (${info.category}: ${CATEGORY[info.category]})`),
    line('stdout', `  ${formatSignature(info)}${info.returns ? ` returns ${RETURNS[info.returns]}` : ''}`),
    line('info', info.implemented ? `  Linux runs it in ${info.entryPoint}` : '  Linux has no entry point for it: always ENOSYS'),
    line('heading', `How each runtime treats ${info.name} taken alone (with the settings chosen here)`),
    ...RUNTIMES.flatMap((model) => {
      const options = s.options[model.id] ?? {};
      const v = model.verdicts(options).find((row) => row.name === info.name);
      const text = v ? `${v.verdict}${v.errno ? ` (${v.errno})` : ''}, decided by ${v.handledBy}` : 'not in its table';
      return [line(v?.verdict === 'deny' ? 'denied' : 'call', `  ${specLabel(model, options).padEnd(16)} ${text}`), line('info', `    table: ${TABLE_SOURCE[model.id]}`)];
    }),
  );
};

const verdicts: Run = (api, args) => {
  const t = targetOf(api, args);
  if (typeof t === 'string') return fail(api, t);
  const rows = t.model.verdicts(t.options);
  const count = (v: string) => rows.filter((r) => r.verdict === v).length;
  const denied = new Map<string, string[]>();
  for (const r of rows) {
    const errno = r.errno ?? 'no errno (the workload stops)';
    if (r.verdict === 'deny') denied.set(errno, [...(denied.get(errno) ?? []), r.name]);
  }
  say(api,
    line('heading', `${specLabel(t.model, t.options)}: ${rows.length} syscalls taken alone`),
    line('stdout', `  allow ${count('allow')} · conditional ${count('conditional')} (depends on the arguments) · deny ${count('deny')}`),
    line('info', `  table: ${TABLE_SOURCE[t.model.id]}`),
    ...[...denied].flatMap(([errno, names]) => [line('denied', `denied with ${errno} (${names.length}):`), ...wrapWords(names).map((n) => line('stdout', n))]),
  );
};

const surface: Run = (api, args) => {
  const t = targetOf(api, args);
  if (typeof t === 'string') return fail(api, t);
  const rows = t.model.surface(t.options);
  const syscalls = rows.filter((r) => (r.kind ?? 'syscall') === 'syscall');
  const by = new Map<string, number>();
  for (const r of rows) for (const p of r.processes) by.set(p, (by.get(p) ?? 0) + 1);
  const other = (kind: 'hypercall' | 'backend', what: string) => {
    const n = rows.filter((r) => r.kind === kind).length;
    return n ? [line('stdout', `  and ${n} ${what}`)] : [];
  };
  say(api,
    line('heading', `${specLabel(t.model, t.options)}: ${syscalls.length} host syscalls reachable from the workload`),
    ...(syscalls.length ? [line('stdout', `  ${syscalls.filter((r) => r.argFiltered).length} of them only with some arguments (argument filters)`)] : []),
    ...other('hypercall', 'hypercalls into the hypervisor'),
    ...other('backend', 'backend drivers in Dom0'),
    line('heading', 'Through these host processes'),
    ...[...by].map(([p, n]) => line('stdout', `  ${p}: ${n}`)),
  );
};

const speed: Run = (api, [value]) => {
  if (value === undefined) return say(api, line('info', `playback speed ${api.getState().playback.speed}× (speed X sets it, 0.25 to 4)`));
  const x = Number(value.replace(/[x×]$/, ''));
  if (!Number.isFinite(x) || x < 0.25 || x > 4) return fail(api, `speed takes a number from 0.25 to 4, not '${value}'`);
  api.getState().setSpeed(x);
  say(api, line('info', `playback speed ${x}×`));
};

/** step, back, play, pause: the playback of the latest run (or the one picked on the timeline). */
const playback = (act: (s: LabView) => void): Run => (api) => {
  if (api.getState().playback.entryId === null) return say(api, line('info', 'nothing to play yet: run a syscall or a command first'));
  act(api.getState());
};

const history: Run = (api) => {
  // A comparison's columns are runs of their own, but not lines the person typed.
  const typed = api.getState().entries.filter((e) => !e.compared);
  if (typed.length === 0) return say(api, line('info', 'nothing run yet this session'));
  say(api, line('heading', 'Lines run this session'), ...typed.map((e) => {
    const model = findRuntime(e.runtime);
    return line('stdout', `${String(e.id).padStart(4)}  ${(model ? specLabel(model, e.options) : e.runtime).padEnd(16)} ${e.input}`);
  }));
};

const LAB: Record<string, LabCommand> = {
  help: { usage: 'help [NAME]', what: 'this list; help NAME for one command or syscall', run: help },
  runtime: { usage: 'runtime [NAME] [--KEY VALUE]', what: 'show or switch the runtime, with settings', example: 'runtime gvisor --platform kvm', run: runtime },
  runtimes: { usage: 'runtimes', what: 'the runtimes the lab models', run: runtimes },
  compare: { usage: 'compare RUNTIME… -- INPUT', what: 'one input under several runtimes (all, or gvisor:platform=kvm)', example: 'compare runc gvisor kata -- getpid()', run: compare },
  explain: { usage: 'explain SYSCALL', what: 'what it does, and each runtime\'s verdict', example: 'explain keyctl', run: explain },
  verdicts: { usage: 'verdicts [RUNTIME]', what: 'syscalls allowed and denied', example: 'verdicts gvisor', run: verdicts },
  surface: { usage: 'surface [RUNTIME]', what: 'host syscalls the workload can reach', example: 'surface firecracker', run: surface },
  speed: { usage: 'speed [X]', what: 'playback speed, 0.25 to 4', example: 'speed 0.5', run: speed },
  step: { usage: 'step', what: 'playback: one hop forward', run: playback((s) => s.stepForward()) },
  back: { usage: 'back', what: 'playback: one hop back', run: playback((s) => s.stepBack()) },
  play: { usage: 'play', what: 'playback: play the latest run', run: playback((s) => s.play()) },
  pause: { usage: 'pause', what: 'playback: pause (pause() is the syscall)', run: playback((s) => s.pause()) },
  reset: { usage: 'reset', what: 'boot every runtime again, forget the runs', run: (api) => { api.getState().reset(); say(api, line('info', 'every runtime booted again; the runs are forgotten')); } },
  history: { usage: 'history', what: 'the lines run this session', run: history },
  images: {
    usage: 'images', what: 'the lab\'s images side by side: size, programs, shell, package manager, setuid binaries',
    run: (api) => say(api, ...imageComparison().split('\n').filter(Boolean).map((t, i) => line(i === 0 ? 'heading' : 'stdout', t)), line('info', 'an attacker who gets into a distroless container finds no shell, no package manager and no setuid program to use')),
  },
  clear: { usage: 'clear', what: 'clear the terminal (Ctrl-L)', run: (api) => api.getState().clearTranscript() },
};

/** Every lab command, for completion and help. */
export const LAB_COMMAND_NAMES: readonly string[] = Object.keys(LAB);

/**
 * Runs `text` if it is a lab command (or blank) and returns true; returns
 * false for anything else, which the store runs as a syscall or command.
 */
export function runLabLine(api: LabApi, text: string): boolean {
  const trimmed = text.trim();
  const name = trimmed.split(/\s+/)[0] ?? '';
  const command = Object.hasOwn(LAB, name) ? LAB[name] : undefined;
  if (trimmed && !command) return false;
  if (name !== 'clear') say(api, line('input', `${promptText(api.getState().runtimeId, api.getState().container ?? null)}${text}`));
  if (!command) return true;
  try {
    command.run(api, trimmed.split(/\s+/).slice(1), trimmed.slice(name.length).trim());
  } catch (e) {
    fail(api, `the lab failed on this command (a bug): ${e instanceof Error ? e.message : String(e)}`);
  }
  return true;
}
