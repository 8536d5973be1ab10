import { padCells } from './cells.ts';
import { compareRuntimes, type CompareRow, type CompareSpec } from '../machines/compareRuntimes.ts';
import { resolveOptions } from '../sim/runtime/options.ts';
import { optionsProblemIn } from './optionsProblems.ts';
import { findRuntime, RUNTIME_IDS, RUNTIMES } from '../sim/runtime/registry.ts';
import type { RuntimeId, RuntimeModel } from '../sim/runtime/types.ts';
import { COMMANDS } from '../sim/shell/commands/index.ts';
import { formatSignature, syscallByName } from '../sim/syscalls/catalogue.ts';
import { suggestSyscall } from '../sim/syscalls/suggestSyscall.ts';
import { closest } from '../sim/text/closest.ts';
import { promptText, type ContainerView, type Entry, type RuntimeRow, type TranscriptLine } from './views.ts';
import { imageComparison } from '../machines/dockerImages.ts';
import { LESSON_COMMANDS } from './lessonCommands.ts';
import { runEscapes } from './escapesCommand.ts';
import type { Language } from '../sim/text/language.ts';
import { CATEGORY, commandText, labText, RETURNS, TABLE_SOURCE, type LabTextKey } from './labCommandMessages.ts';
import { translate, type Vars } from './localize.ts';
import { runtimeText } from './runtimeText.ts';

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
  /** The escape lab's: show the escape matrix panel (issue 6). */
  openEscapes?: () => void;
  /** The language the lab's own answers are printed in (LabState's); English when absent. */
  language?: Language;
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
const langOf = (api: LabApi): Language => api.getState().language ?? 'en';
/** The lab's own sentence `key` in the chosen language (labCommandMessages.ts). */
const tr = (api: LabApi, key: LabTextKey, vars?: Vars) => translate(labText, langOf(api), key, vars);
/** A command's description in `help`: its Chinese only while its English is the catalog's word for word. */
const whatOf = (name: string, c: LabCommand, language: Language) => (Object.hasOwn(commandText, name) && commandText[name as keyof typeof commandText].en === c.what ? commandText[name as keyof typeof commandText][language] : c.what);

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
export function parseSettings(model: RuntimeModel, words: readonly string[], language: Language = 'en'): Record<string, string> | string {
  const t = (key: LabTextKey, vars?: Vars) => translate(labText, language, key, vars);
  const out: Record<string, string> = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!w.startsWith('--') || w.length < 3) return t('notASetting', { word: w, example: model.options[0] ? `--${model.options[0].key} ${model.options[0].values[0] ?? ''}` : '--KEY VALUE' });
    const eq = w.indexOf('=');
    const key = eq > 0 ? w.slice(2, eq) : w.slice(2);
    const spec = model.options.find((o) => o.key === key);
    const next = words[i + 1];
    if (eq > 0) out[key] = w.slice(eq + 1);
    else if (spec && spec.values.includes('on') && spec.values.includes('off') && (next === undefined || !spec.values.includes(next))) out[key] = 'on';
    else if (next === undefined || next.startsWith('--')) return t('needsValue', { key, values: spec ? t('valuesList', { values: spec.values.join(', ') }) : '' });
    else out[key] = words[++i] ?? '';
  }
  return out;
}

function unknownRuntime(name: string, language: Language = 'en'): string {
  const hint = closest(name, RUNTIME_IDS);
  const t = (key: LabTextKey, vars?: Vars) => translate(labText, language, key, vars);
  return t('unknownRuntime', { name, hint: hint.length ? t('didYouMeanRuntime', { hint: hint[0] ?? '' }) : '', list: RUNTIME_IDS.join(', ') });
}

/** A runtime and its settings: the ones chosen in the lab, changed by any given on the line. */
function target(api: LabApi, name: string | undefined, words: readonly string[]): { model: RuntimeModel; options: Record<string, string> } | string {
  const s = api.getState();
  const model = findRuntime(name ?? s.runtimeId);
  if (!model) return unknownRuntime(name ?? s.runtimeId, langOf(api));
  const given = parseSettings(model, words, langOf(api));
  if (typeof given === 'string') return given;
  const resolved = resolveOptions(model, { ...(s.options[model.id] ?? {}), ...given });
  return resolved.ok ? { model, options: { ...resolved.value } } : optionsProblemIn(resolved.problem, langOf(api));
}

/** `verdicts`, `verdicts gvisor`, `verdicts --platform kvm`: the runtime named first, else the chosen one. */
const targetOf = (api: LabApi, [first, ...rest]: string[]) => (first === undefined || first.startsWith('--') ? target(api, undefined, first === undefined ? [] : [first, ...rest]) : target(api, first, rest));

const help: Run = (api, [name]) => {
  if (name) return helpOne(api, name);
  const s = api.getState();
  const ids = [s.runtimeId, ...RUNTIME_IDS.filter((id) => id !== s.runtimeId)] as RuntimeId[];
  say(api,
    line('heading', tr(api, 'helpShell')),
    line('stdout', '  getpid()    openat(AT_FDCWD, "/etc/passwd", O_RDONLY)'),
    line('stdout', '  cat /etc/passwd    ls /proc    echo hi > /tmp/x'),
    ...wrapWords([...tr(api, 'helpShellCommands').split(' '), ...Object.keys(COMMANDS)]).map((t) => line('stdout', t)),
    line('heading', tr(api, 'helpContainers')),
    ...CONTROL_EXAMPLES.map((ex) => line('stdout', `  ${ex}`)),
    line('heading', tr(api, 'helpLab')),
    ...Object.entries(LAB).map(([n, c]) => line('stdout', `  ${c.usage.padEnd(28)} ${whatOf(n, c, langOf(api))}`)),
    line('heading', tr(api, 'helpTry')),
    ...ids.flatMap((id) => (EXAMPLES[id] ?? []).map((ex, i) => line('stdout', padCells(`  ${i === 0 ? `${id}${id === s.runtimeId ? tr(api, 'helpNow') : ''}` : ''}`, 17) + ex))),
    line('info', tr(api, 'helpKeys')),
  );
};

function helpOne(api: LabApi, name: string) {
  if (name === 'docker' || name === 'kubectl' || name === 'podman' || name === 'runc') return say(api, line('stdout', tr(api, 'helpEngine', { name })), ...CONTROL_EXAMPLES.filter((ex) => ex.includes(name)).map((ex) => line('info', tr(api, 'example', { example: ex }))));
  const lab = LAB[name];
  if (lab) return say(api, line('stdout', `${lab.usage} — ${whatOf(name, lab, langOf(api))}`), ...(lab.example ? [line('info', tr(api, 'example', { example: lab.example }))] : []));
  const shell = COMMANDS[name];
  if (shell) return say(api, line('stdout', shell.help));
  if (syscallByName(name)) return explain(api, [name], name);
  // `help gvisor`: the runtime described, without switching to it.
  if (findRuntime(name)) return describeRuntime(api, name);
  fail(api, tr(api, 'noSuchName', { name }));
}

const runtime: Run = (api, [name, ...words]) => {
  if (!name) return describeRuntime(api);
  const t = target(api, name, words);
  if (typeof t === 'string') return fail(api, t);
  api.getState().configure(t.model.id, t.options);
  describeRuntime(api);
};

/** The runtime (the chosen one unless `id` names another), its settings as chosen, and how to change one. */
function describeRuntime(api: LabApi, id?: string) {
  const s = api.getState();
  const language = langOf(api);
  const model = findRuntime(id ?? s.runtimeId);
  if (!model) return fail(api, unknownRuntime(id ?? s.runtimeId, language));
  const options = s.options[model.id] ?? {};
  const first = model.options[0];
  say(api,
    line('heading', `${model.id}: ${runtimeText(model.label, language)}`),
    line('stdout', `  ${runtimeText(model.summary, language)}`),
    ...model.options.map((o) => line('stdout', `  --${o.key} ${options[o.key] ?? o.default}   (${o.values.join(', ')}) ${runtimeText(o.description, language)}`)),
    line('info', first ? tr(api, 'changeSetting', { id: model.id, key: first.key, value: first.values.at(-1) ?? '' }) : tr(api, 'noSettings')),
    ...(model.id === s.runtimeId ? [] : [line('info', tr(api, 'helpRuntime', { id: model.id }))]),
  );
}

const runtimes: Run = (api) => {
  const now = api.getState().runtimeId;
  say(api, line('heading', tr(api, 'runtimesHeading')), ...RUNTIMES.map((r) => line('stdout', `${r.id === now ? '* ' : '  '}${r.id.padEnd(14)} ${runtimeText(r.label, langOf(api))}`)));
};

/** `compare RUNTIME… -- INPUT`: one clear syntax, since an input may contain spaces, commas and colons. */
const compare: Run = (api, _args, rest) => {
  const dash = ` ${rest} `.indexOf(' -- ');
  if (dash < 0) return fail(api, tr(api, 'compareSyntax'));
  const names = rest.slice(0, dash).trim().split(/\s+/).filter(Boolean);
  const input = rest.slice(dash + 3).trim();
  if (!input) return fail(api, tr(api, 'compareInput'));
  const specs: CompareSpec[] = [];
  for (const text of names.flatMap((n): readonly string[] => (n === 'all' ? RUNTIME_IDS : [n]))) {
    const [id, ...pairs] = text.split(':');
    const t = target(api, id, pairs.map((p) => `--${p}`));
    if (typeof t === 'string') return fail(api, t);
    specs.push({ runtime: t.model, options: t.options, label: specLabel(t.model, t.options) });
  }
  if (specs.length === 0) return fail(api, tr(api, 'compareRuntimes'));
  const rows = compareRuntimes(input, specs);
  say(api, line('heading', tr(api, specs.length > 1 ? 'compareHeadingN' : 'compareHeading1', { input, n: specs.length })), ...rows.flatMap((r) => compareLines(r, langOf(api))));
  // The rows just printed are the comparison: the store lays them out rather than running them again.
  api.getState().compare?.(input, specs.map((s) => s.label), rows);
};

export function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${Number(ns.toFixed(1))} ns`;
}

/** One runtime's row of a comparison: its result, then hops, host calls and cost, then any published ratio. */
export function compareLines(r: CompareRow, language: Language = 'en'): TranscriptLine[] {
  const t = (key: LabTextKey, vars?: Vars) => translate(labText, language, key, vars);
  if (!r.ok) return [line('error', t('compareRefused', { label: r.label, message: r.message }))];
  const last = r.calls.at(-1);
  const result = r.calls.length === 1 && last ? last.line : t('compareCalls', { n: r.calls.length, status: r.status });
  const failed = r.calls.length === 1 && last ? last.errno !== null || last.retval === null : r.status !== 0;
  const host = [...new Set(r.hostCalls.map((h) => t('compareHostCall', { name: h.name, by: h.by })))];
  const ratio = r.ratio === null || r.baseline === r.label ? '' : ` · ${r.ratio.toFixed(2)}× ${r.baseline ?? ''}`;
  return [
    line(failed ? 'denied' : 'call', t('compareResult', { label: r.label, servedBy: r.servedBy, result })),
    line('stdout', t('compareCost', { hops: r.hops, cost: fmtNs(r.costNs), ratio, warm: fmtNs(r.warmCostNs) })),
    line('stdout', r.hostCalls.length === 0 ? t('compareNoHost') : t('compareHost', { n: r.hostCalls.length, list: `${host.slice(0, 4).join(', ')}${host.length > 4 ? ', …' : ''}` })),
    ...r.published.map((p) => line('info', t('comparePublished', { what: p.entry.what, ratio: (p.entry.numerator.value / p.entry.denominator.value).toFixed(2), against: p.against, modelled: p.modelled.toFixed(2) }))),
  ];
}

const explain: Run = (api, [word]) => {
  const name = (word ?? '').replace(/\(.*$/, '');
  if (!name) return fail(api, tr(api, 'explainNeedsName'));
  const info = syscallByName(name);
  if (!info) {
    const hint = suggestSyscall(name);
    return fail(api, tr(api, 'unknownSyscall', { name, hint: hint.length ? tr(api, 'didYouMeanSyscall', { hint: hint.join(', ') }) : '' }));
  }
  const s = api.getState();
  const language = langOf(api);
  say(api,
    line('heading', tr(api, 'explainHeading', { name: info.name, number: info.number, category: info.category, what: CATEGORY[info.category][language] })),
    line('stdout', `  ${formatSignature(info)}${info.returns ? tr(api, 'explainReturns', { what: RETURNS[info.returns][language] }) : ''}`),
    line('info', info.implemented ? tr(api, 'explainEntry', { entry: info.entryPoint ?? '' }) : tr(api, 'explainNoEntry')),
    line('heading', tr(api, 'explainRuntimes', { name: info.name })),
    ...RUNTIMES.flatMap((model) => {
      const options = s.options[model.id] ?? {};
      const v = model.verdicts(options).find((row) => row.name === info.name);
      const text = v ? tr(api, 'decidedBy', { verdict: v.verdict, errno: v.errno ? ` (${v.errno})` : '', by: v.handledBy }) : tr(api, 'notInTable');
      return [line(v?.verdict === 'deny' ? 'denied' : 'call', `  ${specLabel(model, options).padEnd(16)} ${text}`), line('info', `  ${tr(api, 'table', { source: TABLE_SOURCE[model.id][language] })}`)];
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
    const errno = r.errno ?? tr(api, 'noErrno');
    if (r.verdict === 'deny') denied.set(errno, [...(denied.get(errno) ?? []), r.name]);
  }
  say(api,
    line('heading', tr(api, 'verdictsHeading', { spec: specLabel(t.model, t.options), n: rows.length })),
    line('stdout', tr(api, 'verdictsCounts', { allow: count('allow'), conditional: count('conditional'), deny: count('deny') })),
    line('info', tr(api, 'table', { source: TABLE_SOURCE[t.model.id][langOf(api)] })),
    ...[...denied].flatMap(([errno, names]) => [line('denied', tr(api, 'deniedWith', { errno, n: names.length })), ...wrapWords(names).map((n) => line('stdout', n))]),
  );
};

const surface: Run = (api, args) => {
  const t = targetOf(api, args);
  if (typeof t === 'string') return fail(api, t);
  const rows = t.model.surface(t.options);
  const syscalls = rows.filter((r) => (r.kind ?? 'syscall') === 'syscall');
  const by = new Map<string, number>();
  for (const r of rows) for (const p of r.processes) by.set(p, (by.get(p) ?? 0) + 1);
  const other = (kind: 'hypercall' | 'backend', key: LabTextKey) => {
    const n = rows.filter((r) => r.kind === kind).length;
    return n ? [line('stdout', tr(api, key, { n }))] : [];
  };
  say(api,
    line('heading', tr(api, 'surfaceHeading', { spec: specLabel(t.model, t.options), n: syscalls.length })),
    ...(syscalls.length ? [line('stdout', tr(api, 'surfaceFiltered', { n: syscalls.filter((r) => r.argFiltered).length }))] : []),
    ...other('hypercall', 'surfaceHypercalls'),
    ...other('backend', 'surfaceBackends'),
    line('heading', tr(api, 'surfaceProcesses')),
    ...[...by].map(([p, n]) => line('stdout', `  ${p}: ${n}`)),
  );
};

const speed: Run = (api, [value]) => {
  if (value === undefined) return say(api, line('info', tr(api, 'speedNow', { x: api.getState().playback.speed })));
  const x = Number(value.replace(/[x×]$/, ''));
  if (!Number.isFinite(x) || x < 0.25 || x > 4) return fail(api, tr(api, 'speedBad', { value }));
  api.getState().setSpeed(x);
  say(api, line('info', tr(api, 'speedSet', { x })));
};

/** step, back, play, pause: the playback of the latest run (or the one picked on the timeline). */
const playback = (act: (s: LabView) => void): Run => (api) => {
  if (api.getState().playback.entryId === null) return say(api, line('info', tr(api, 'nothingToPlay')));
  act(api.getState());
};

const history: Run = (api) => {
  // A comparison's columns are runs of their own, but not lines the person typed.
  const typed = api.getState().entries.filter((e) => !e.compared);
  if (typed.length === 0) return say(api, line('info', tr(api, 'nothingRun')));
  say(api, line('heading', tr(api, 'historyHeading')), ...typed.map((e) => {
    const model = findRuntime(e.runtime);
    return line('stdout', `${String(e.id).padStart(4)}  ${(model ? specLabel(model, e.options) : e.runtime).padEnd(16)} ${e.input}`);
  }));
};

const LAB: Record<string, LabCommand> = {
  help: { usage: 'help [NAME]', what: 'this list; help NAME for one command or syscall', run: help },
  runtime: { usage: 'runtime [NAME] [--KEY VALUE]', what: 'show or switch the runtime, with settings', example: 'runtime gvisor --platform kvm', run: runtime },
  runtimes: { usage: 'runtimes', what: 'the runtimes the lab models', run: runtimes },
  compare: { usage: 'compare RUNTIME… -- INPUT', what: 'one input under several runtimes (all, or gvisor:platform=kvm)', example: 'compare runc gvisor kata -- getpid()', run: compare },
  escapes: { usage: 'escapes [SCENARIO]', what: 'escape attacks under every runtime: where each is stopped', example: 'escapes dirty-pipe', run: (api, args) => runEscapes(api, args) },
  explain: { usage: 'explain SYSCALL', what: 'what it does, and each runtime\'s verdict', example: 'explain keyctl', run: explain },
  verdicts: { usage: 'verdicts [RUNTIME]', what: 'syscalls allowed and denied', example: 'verdicts gvisor', run: verdicts },
  surface: { usage: 'surface [RUNTIME]', what: 'host syscalls the workload can reach', example: 'surface firecracker', run: surface },
  speed: { usage: 'speed [X]', what: 'playback speed, 0.25 to 4', example: 'speed 0.5', run: speed },
  step: { usage: 'step', what: 'playback: one hop forward', run: playback((s) => s.stepForward()) },
  back: { usage: 'back', what: 'playback: one hop back', run: playback((s) => s.stepBack()) },
  play: { usage: 'play', what: 'playback: play the latest run', run: playback((s) => s.play()) },
  pause: { usage: 'pause', what: 'playback: pause (pause() is the syscall)', run: playback((s) => s.pause()) },
  reset: { usage: 'reset', what: 'boot every runtime again, forget the runs', run: (api) => { api.getState().reset(); say(api, line('info', tr(api, 'resetDone'))); } },
  history: { usage: 'history', what: 'the lines run this session', run: history },
  images: {
    usage: 'images', what: 'the lab\'s images side by side: size, programs, shell, package manager, setuid binaries',
    run: (api) => say(api, ...imageComparison().split('\n').filter(Boolean).map((t, i) => line(i === 0 ? 'heading' : 'stdout', t)), line('info', tr(api, 'imagesAttacker'))),
  },
  ...LESSON_COMMANDS,
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
    fail(api, tr(api, 'labBug', { error: e instanceof Error ? e.message : String(e) }));
  }
  return true;
}
