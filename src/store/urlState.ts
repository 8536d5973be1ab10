import { isLanguage, type Language } from '../sim/text/language.ts';
import { translator, type Translate } from './localize.ts';
import { urlText } from './storeTextMessages.ts';

/** The languages and their own names, for the UI's language menus (the UI imports no values from sim). */
export { LANGUAGES, LANGUAGE_NAMES } from '../sim/text/language.ts';

/**
 * The page's settings in its URL (issue 6, point 4): what a slide deck, a
 * shared link or a lecturer's bookmark sets. Pure: `parseUrlSettings` reads
 * a query string into settings and problems (each a sentence naming the
 * parameter), `urlOf` writes settings back. Nothing here touches the store;
 * urlApply.ts does.
 *
 *   runtime=gvisor:platform=kvm   the runtime and settings, written as `compare` labels are
 *   runtime=gvisor&platform=kvm   the same, each setting as its own parameter
 *   run=getpid()&run=cat%20/etc/hostname   lines run on load, in order
 *   lesson=ID&step=N   speed=0.5   theme=light|dark   lang=en|zh
 *   panels=terminal,diagram,timeline   embed=1   presenter=1   still=1
 *   #s=1.…   a whole shared session (urlSession.ts), in the hash; also read from the query (?s=1.…)
 */

/** The parts of the page a URL can show or hide. */
export const PANELS = ['terminal', 'diagram', 'inspector', 'timeline', 'spec', 'compare', 'reference', 'lessons', 'escape', 'artefacts'] as const;
export type Panel = (typeof PANELS)[number];
/** What an embedded (chrome-less) lab shows when the URL names no panels. */
export const EMBED_PANELS: readonly Panel[] = ['terminal', 'diagram', 'timeline'];

export interface UrlSettings {
  runtime: { id: string; options: Record<string, string> } | null;
  run: string[];
  lesson: { id: string; step: number | null } | null;
  speed: number | null;
  theme: 'light' | 'dark' | null;
  lang: Language | null;
  /** Null: the default (every panel; EMBED_PANELS when embedded). */
  panels: Panel[] | null;
  embed: boolean;
  presenter: boolean;
  still: boolean;
  /** The shared session's encoded text (`1.…`), undecoded. */
  session: string | null;
}

export const NO_SETTINGS: UrlSettings = { runtime: null, run: [], lesson: null, speed: null, theme: null, lang: null, panels: null, embed: false, presenter: false, still: false, session: null };

/** Parameters with a meaning of their own; any other is a setting of the URL's runtime. */
const RESERVED = new Set(['runtime', 'run', 'lesson', 'step', 'speed', 'theme', 'lang', 'panels', 'embed', 'presenter', 'still', 's']);
/** The most lines a URL may run on load (a link must not hang the page). */
export const MAX_RUN_LINES = 50;

const flag = (v: string | null) => v !== null && v !== '0' && v !== 'false';
type T = Translate<keyof typeof urlText>;

/**
 * The settings and the problems, each a sentence in `language`: by default
 * the language the address itself asks for (`lang=zh`), else English.
 */
export function parseUrlSettings(search: string, hash = '', language?: Language): { settings: UrlSettings; problems: string[] } {
  const q = new URLSearchParams(search);
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const asked = q.get('lang');
  const t = translator(urlText, language ?? (isLanguage(asked) ? asked : 'en'));
  const problems: string[] = [];
  const settings: UrlSettings = { ...NO_SETTINGS, run: [], embed: flag(q.get('embed')), presenter: flag(q.get('presenter')), still: flag(q.get('still')), session: q.get('s') ?? h.get('s') };
  settings.runtime = readRuntime(q, problems, t);
  settings.run = q.getAll('run').filter((l) => l.trim() !== '');
  if (settings.run.length > MAX_RUN_LINES) {
    problems.push(t('tooManyLines', { max: MAX_RUN_LINES, n: settings.run.length }));
    settings.run = settings.run.slice(0, MAX_RUN_LINES);
  }
  settings.lesson = readLesson(q, problems, t);
  settings.speed = readSpeed(q.get('speed'), problems, t);
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') settings.theme = theme;
  else if (theme !== null) problems.push(t('theme', { value: theme }));
  const lang = q.get('lang');
  if (isLanguage(lang)) settings.lang = lang;
  else if (lang !== null) problems.push(t('lang', { value: lang }));
  settings.panels = readPanels(q.get('panels'), problems, t);
  return { settings, problems };
}

function readRuntime(q: URLSearchParams, problems: string[], t: T): UrlSettings['runtime'] {
  const text = q.get('runtime');
  if (text === null) return null;
  const [id = '', ...pairs] = text.split(':');
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const [k, v, ...rest] = pair.split('=');
    if (!k || v === undefined || rest.length) problems.push(t('notKeyValue', { text, pair }));
    else options[k] = v;
  }
  for (const [k, v] of q) if (!RESERVED.has(k)) options[k] = v;
  return id.trim() === '' ? (problems.push(t('runtimeEmpty')), null) : { id: id.trim(), options };
}

function readLesson(q: URLSearchParams, problems: string[], t: T): UrlSettings['lesson'] {
  const id = q.get('lesson');
  const step = q.get('step');
  if (id === null || id.trim() === '') {
    if (step !== null) problems.push(t('stepNeedsLesson'));
    return null;
  }
  if (step === null) return { id, step: null };
  const n = Number(step);
  if (!Number.isInteger(n) || n < 1) {
    problems.push(t('badStep', { value: step }));
    return { id, step: null };
  }
  return { id, step: n };
}

function readSpeed(text: string | null, problems: string[], t: T): number | null {
  if (text === null) return null;
  const n = Number(text.replace(/[x×]$/, ''));
  if (Number.isFinite(n) && n >= 0.25 && n <= 4) return n;
  problems.push(t('badSpeed', { value: text }));
  return null;
}

function readPanels(text: string | null, problems: string[], t: T): Panel[] | null {
  if (text === null) return null;
  const names = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const unknown = names.filter((p) => !(PANELS as readonly string[]).includes(p));
  if (unknown.length) problems.push(t('badPanels', { unknown: unknown.join(', '), list: PANELS.join(', ') }));
  const known = names.filter((p): p is Panel => (PANELS as readonly string[]).includes(p));
  return known.length ? known : null;
}

/** The panels the page shows for these settings. */
export function shownPanels(s: Pick<UrlSettings, 'panels' | 'embed' | 'lesson'>): readonly Panel[] {
  const chosen = s.panels ?? (s.embed ? EMBED_PANELS : PANELS);
  // A link to a lesson shows the lesson, whatever else it chose.
  return s.lesson && !chosen.includes('lessons') ? [...chosen, 'lessons'] : chosen;
}

/** The query string for settings (only what differs from NO_SETTINGS), `?…` or ''. */
export function queryOf(s: UrlSettings): string {
  const q = new URLSearchParams();
  if (s.embed) q.set('embed', '1');
  if (s.runtime) q.set('runtime', [s.runtime.id, ...Object.entries(s.runtime.options).map(([k, v]) => `${k}=${v}`)].join(':'));
  for (const line of s.run) q.append('run', line);
  if (s.lesson) {
    q.set('lesson', s.lesson.id);
    if (s.lesson.step !== null) q.set('step', String(s.lesson.step));
  }
  if (s.speed !== null) q.set('speed', String(s.speed));
  if (s.theme) q.set('theme', s.theme);
  if (s.lang) q.set('lang', s.lang);
  if (s.panels) q.set('panels', s.panels.join(','));
  if (s.presenter) q.set('presenter', '1');
  if (s.still) q.set('still', '1');
  const text = q.toString();
  return text ? `?${text}` : '';
}

/**
 * The page's address with these settings: `base` is the origin and path
 * (`https://lab.example/`). A shared session goes in the hash (`#s=1.…`):
 * it can be long, and the hash is never sent to the server, so no server's
 * URL limit (often 8 KB) refuses it and no access log records it.
 */
export const urlOf = (base: string, s: UrlSettings): string => `${base}${queryOf(s)}${s.session ? `#s=${s.session}` : ''}`;
