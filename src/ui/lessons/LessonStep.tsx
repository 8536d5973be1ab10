import { labStore } from '../../store/labStore.ts';
import type { LessonView } from '../../store/lessons.ts';
import { useMessages, useLocalized } from '../i18n/useMessages.ts';
import { lessonMessages } from './lessonMessages.ts';

/** One step: its text, its lines as buttons that run in the terminal, the goal (announced when met), hints, Back/Next. */
export function LessonStep({ lesson }: { lesson: LessonView }) {
  const t = useMessages(lessonMessages);
  const pick = useLocalized();
  const api = labStore.getState();
  const met = lesson.goalMet;
  return (
    <div className="lesson-step">
      <p className="lesson-where">
        <strong>{pick(lesson.title)}</strong> · {t('step', { n: lesson.step + 1, count: lesson.stepCount })} · {t('startsOn', { runtime: lesson.runtime })}
      </p>
      <p className="lesson-text">{pick(lesson.text)}</p>
      <ul className="lesson-commands">
        {lesson.commands.map((line) => (
          <li key={line}>
            <button type="button" className="lesson-command" aria-label={t('run', { line })} onClick={() => labStore.getState().submitLine(line)}>
              <span aria-hidden="true">▶ </span><code>{line}</code>
            </button>
          </li>
        ))}
      </ul>
      <div className={met ? 'lesson-goal met' : 'lesson-goal'}>
        <span className="lesson-goal-label">{t('goal')}:</span> {pick(lesson.goal)}
        <span className="lesson-goal-state" role="status" aria-live="polite">
          {met ? <><span aria-hidden="true"> ✓ </span>{t('met')}</> : lesson.done ? <> · {t('doneBefore')}</> : <> · {t('notMet')}</>}
        </span>
      </div>
      {lesson.hints.length > 0 && (
        <ol className="lesson-hints" aria-label={t('hint')}>
          {lesson.hints.map((h, i) => <li key={i}>{pick(h)}</li>)}
        </ol>
      )}
      <div className="lesson-nav">
        <button type="button" onClick={api.showHint} disabled={lesson.hints.length >= lesson.hintCount}>
          {lesson.hints.length >= lesson.hintCount ? t('noMoreHints') : t('hint')}
        </button>
        <button type="button" onClick={api.lessonBack} disabled={lesson.step === 0}>{t('back')}</button>
        <button type="button" className="primary" onClick={api.lessonNext}>{lesson.step + 1 === lesson.stepCount ? t('finish') : t('next')}</button>
      </div>
    </div>
  );
}
