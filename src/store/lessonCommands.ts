import { closest } from '../sim/text/closest.ts';
import type { Language, Localized } from '../sim/text/language.ts';
import type { LabApi, LabView } from './labCommands.ts';
import type { LessonSliceState } from './lessons.ts';
import type { TranscriptLine } from './views.ts';
import { translate, type Vars } from './localize.ts';
import { lessonCommandText } from './storeTextMessages.ts';

/**
 * The terminal's lesson commands: `lessons` lists them with progress,
 * `lesson NAME [STEP]` opens one (bare `lesson` lists them), `sandbox` leaves it for the free sandbox
 * (the terminal and everything run stay). Bad input gets a message.
 */

/** What these commands read beyond LabView: the store's lesson slice (LabState has it). */
type LessonLab = LabView & Partial<LessonSliceState> & { language?: Language };

const stateOf = (api: LabApi): LessonLab => api.getState() as LessonLab;
const say = (api: LabApi, ...lines: TranscriptLine[]) => api.getState().print(lines);
const pick = (api: LabApi, text: Localized) => text[stateOf(api).language ?? 'en'];
const tr = (api: LabApi, key: keyof typeof lessonCommandText, vars?: Vars) => translate(lessonCommandText, stateOf(api).language ?? 'en', key, vars);

const WORDS = {
  heading: { en: 'Lessons (lesson NAME to open one, sandbox to leave it)', zh: '课程（输入 lesson 名称 打开，输入 sandbox 离开）' },
  none: { en: 'the lessons have not loaded', zh: '课程尚未加载' },
  opened: { en: 'lesson opened: follow it in the Lessons panel above', zh: '课程已打开：请在上方的课程面板中跟随学习' },
  sandbox: { en: 'free sandbox: no lesson open; everything you ran is still here', zh: '自由沙箱：没有打开的课程；你运行过的一切都还在' },
} satisfies Record<string, Localized>;

const list = (api: LabApi) => {
  const s = stateOf(api);
  if (!s.lessons) return say(api, { kind: 'error', text: pick(api, WORDS.none) });
  say(api, { kind: 'heading', text: pick(api, WORDS.heading) }, ...s.lessons.map((l): TranscriptLine => ({
    kind: 'stdout',
    text: `  ${l.done === l.stepCount ? '✓' : ' '} ${l.id.padEnd(16)} ${String(l.done)}/${String(l.stepCount)}  ${pick(api, l.title)}`,
  })));
};

const open = (api: LabApi, args: string[]) => {
  const s = stateOf(api);
  const [name, stepWord] = args;
  if (!name) return list(api); // Bare `lesson`: the list to choose from.
  const ids = (s.lessons ?? []).map((l) => l.id);
  if (!ids.includes(name)) {
    const hint = closest(name, ids)[0];
    return say(api, { kind: 'error', text: tr(api, 'noLesson', { name, hint: hint ? tr(api, 'didYouMean', { hint }) : '' }) });
  }
  const step = stepWord === undefined ? undefined : Number(stepWord);
  if (step !== undefined && (!Number.isInteger(step) || step < 1)) return say(api, { kind: 'error', text: tr(api, 'notAStep', { word: stepWord ?? '' }) });
  s.openLesson?.(name, step === undefined ? undefined : step - 1);
  say(api, { kind: 'info', text: pick(api, WORDS.opened) });
};

const sandbox = (api: LabApi) => {
  stateOf(api).closeLesson?.();
  say(api, { kind: 'info', text: pick(api, WORDS.sandbox) });
};

/** Hooked into labCommands.ts's table. */
export const LESSON_COMMANDS = {
  lessons: { usage: 'lessons', what: 'the lessons, with your progress', run: list },
  lesson: { usage: 'lesson NAME [STEP]', what: 'open a lesson (at a step)', example: 'lesson namespaces', run: open },
  sandbox: { usage: 'sandbox', what: 'leave the lesson: the free sandbox', run: sandbox },
} satisfies Record<string, { usage: string; what: string; example?: string; run: (api: LabApi, args: string[], rest: string) => void }>;
