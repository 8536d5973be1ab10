import { isLanguage } from '../sim/text/language.ts';
import { rerunLine } from './artefactsRestore.ts';
import type { LabStore, LoggedLine } from './labStore.ts';
import type { UrlSettings } from './urlState.ts';
import type { SharedSession } from './urlSession.ts';
import { translate, type Vars } from './localize.ts';
import { urlText } from './storeTextMessages.ts';

/** A sentence about the page's address in the store's language: `This page's address: ….` */
const addressLine = (store: LabStore, key: keyof typeof urlText, vars: Vars) => {
  const language = store.getState().language;
  return { kind: 'error' as const, text: translate(urlText, language, 'address', { problem: translate(urlText, language, key, vars) }) };
};

/**
 * What the URL does to a store on load: a shared session is replayed, then
 * the URL's own settings are applied on top (they win), then its `run` lines
 * run. How they combine with the session saved in the browser (main.tsx):
 * a URL that sets up a state — `s=`, `run=`, `lesson=`, or `embed=1` —
 * starts from that state, neither restoring nor saving over the browser's
 * session (a link or a slide must not clobber a person's own work); a URL
 * with only display settings (runtime, theme, lang, speed, panels,
 * presenter, still) restores the saved session and applies them on top.
 */

/** Runs `work` once the model has loaded and every line queued before it has run. */
export function whenSettled(store: LabStore, work: () => void): void {
  if (store.getState().ready) {
    work();
    return;
  }
  const stop = store.subscribe((s) => {
    if (!s.ready) return;
    stop();
    // install() sets ready before it runs the queued lines, all synchronously: a microtask comes after them.
    queueMicrotask(work);
  });
}

/** Replays one logged line where it ran: its runtime and settings, and in (or out of) its container. */
function replayLine(store: LabStore, line: LoggedLine): void {
  const api = store.getState();
  if (line.language && isLanguage(line.language) && api.language !== line.language) api.setLanguage(line.language);
  if (!line.container && api.container) api.chooseRuntime(line.runtime);
  api.configure(line.runtime, line.options);
  if (line.container && store.getState().container?.id !== line.container.id) api.attach(line.container);
  rerunLine(store.getState(), line);
}

/**
 * Replays a shared session into a fresh store once its model has loaded (the
 * language changes between lines, and lab commands answer in it, so nothing
 * may wait in the store's queue); `done` runs once it is all in place.
 */
export function restoreShared(store: LabStore, s: SharedSession, done?: () => void): void {
  whenSettled(store, () => {
    const api = store.getState();
    api.setTheme(s.theme);
    api.setFontScale(s.fontScale);
    for (const line of s.lines) replayLine(store, line);
    api.setLanguage(s.language);
    // Settings changed after the last line (and the runtime picked) come back as they were left.
    for (const [runtime, options] of Object.entries(s.options)) api.configure(runtime, options);
    api.chooseRuntime(s.runtimeId);
    if (s.container) api.attach(s.container);
    const st = store.getState();
    st.setSpeed(s.speed);
    if (s.position) st.seek(s.position.entryId, s.position.call, s.position.hop);
    st.pause();
    done?.();
  });
}

/** The URL's own settings, over whatever the store holds; problems are printed in the terminal. */
export function applyUrlSettings(store: LabStore, settings: UrlSettings, problems: readonly string[]): void {
  const api = store.getState();
  // The problems were written in the address's own language (urlState.ts: lang=, else English); the sentence around them matches.
  if (problems.length) api.print(problems.map((p) => ({ kind: 'error' as const, text: translate(urlText, settings.lang ?? 'en', 'address', { problem: p }) })));
  if (settings.theme) api.setTheme(settings.theme);
  if (settings.lang) api.setLanguage(settings.lang);
  if (settings.presenter && api.fontScale < 1.5) api.setFontScale(1.5);
  if (settings.still) api.setStill(true);
  if (settings.runtime) applyRuntime(store, settings.runtime);
  for (const line of settings.run) api.submitLine(line);
  whenSettled(store, () => {
    const st = store.getState();
    if (settings.speed !== null) st.setSpeed(settings.speed);
    if (settings.lesson) openLesson(store, settings.lesson);
  });
}

/** The runtime and its settings, checked against the model's list once it has loaded (configure alone would ignore a bad one). */
function applyRuntime(store: LabStore, { id, options }: NonNullable<UrlSettings['runtime']>): void {
  store.getState().configure(id, options);
  whenSettled(store, () => {
    const st = store.getState();
    const row = st.runtimes.find((r) => r.id === id);
    if (!row) {
      st.print([addressLine(store, 'noRuntime', { id, list: st.runtimes.map((r) => r.id).join(', ') })]);
      return;
    }
    for (const [k, v] of Object.entries(options)) {
      const o = row.options.find((x) => x.key === k);
      if (!o) st.print([addressLine(store, 'noSetting', { id, key: k, has: row.options.length ? translate(urlText, st.language, 'itHas', { list: row.options.map((x) => x.key).join(', ') }) : '' })]);
      else if (!o.values.includes(v)) st.print([addressLine(store, 'badValue', { key: k, value: v, id, list: o.values.join(', ') })]);
    }
  });
}

/** The lesson at the URL's step (1 is the first; the lesson machine counts from 0). */
function openLesson(store: LabStore, lesson: NonNullable<UrlSettings['lesson']>): void {
  const st = store.getState();
  if (!st.lessons.some((l) => l.id === lesson.id)) {
    st.print([addressLine(store, 'noLesson', { id: lesson.id, list: st.lessons.map((l) => l.id).join(', ') })]);
    return;
  }
  if (lesson.step === null) st.openLesson(lesson.id);
  else st.openLesson(lesson.id, lesson.step - 1);
}

/** A shared link whose session could not be read (main.tsx): said in the store's language; the lab starts clean. */
export function sharedLinkProblem(store: LabStore, message: string, language = store.getState().language): void {
  store.getState().print([{ kind: 'error', text: translate(urlText, language, 'badSession', { message }) }]);
}
