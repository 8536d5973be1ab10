import { useEffect, useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { attachLessonProgress } from '../../store/lessonProgress.ts';
import { useLocalized, useMessages } from '../i18n/useMessages.ts';
import { useLab } from '../useLab.ts';
import { lessonMessages } from './lessonMessages.ts';
import { LessonPicker } from './LessonPicker.tsx';
import { LessonStep } from './LessonStep.tsx';
import './lessons.css';

/**
 * The lessons band above the panes: one "Lessons ▾" button while no lesson is
 * open (the free sandbox) or while hidden (a one-line reminder of the
 * step); opened, the picker with progress ticks and the
 * step (text, command buttons, goal, hints, Back/Next). Progress is kept in
 * the browser (lessonProgress.ts).
 */
export function LessonPanel() {
  const t = useMessages(lessonMessages);
  const pick = useLocalized();
  const lesson = useLab((s) => s.lesson);
  const lessons = useLab((s) => s.lessons);
  const [browsing, setBrowsing] = useState(false);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    let storage: Storage;
    try {
      storage = window.localStorage;
    } catch {
      return undefined; // Storage disabled: lessons work, progress is not kept.
    }
    return attachLessonProgress(labStore, storage);
  }, []);
  // A lesson opened from elsewhere (the terminal's `lesson NAME`, a link) shows the band again.
  useEffect(() => setHidden(false), [lesson?.id]);
  const leave = () => {
    labStore.getState().closeLesson();
    setBrowsing(false);
    setHidden(false);
  };
  if (hidden || (!browsing && lesson === null)) {
    return (
      <section className="lessons collapsed" aria-label={t('region')}>
        <button type="button" className="lessons-toggle" aria-expanded="false" onClick={() => { setHidden(false); setBrowsing(true); }}>{t('open')}</button>
        {lesson && (
          <span className="lessons-brief">
            {pick(lesson.title)} · {t('step', { n: lesson.step + 1, count: lesson.stepCount })}
            {lesson.goalMet && <> · <span className="lessons-brief-met">✓ {t('met')}</span></>}
          </span>
        )}
      </section>
    );
  }
  const done = lesson ? (lessons.find((l) => l.id === lesson.id)?.done ?? 0) : 0;
  return (
    <section className="lessons" aria-label={t('region')}>
      <div className="lessons-head">
        <button type="button" className="lessons-toggle" aria-expanded="true" onClick={() => (lesson ? setHidden(true) : setBrowsing(false))}>{t('collapse')}</button>
        <button type="button" onClick={leave}>{t('sandbox')}</button>
      </div>
      <div className="lessons-body">
        <LessonPicker current={lesson?.id ?? null} />
        {lesson && !lesson.finished && <LessonStep lesson={lesson} />}
        {lesson?.finished && (
          <div className="lesson-step">
            <p className="lesson-text" role="status">{t('finished', { done, count: lesson.stepCount })}</p>
            <div className="lesson-nav">
              <button type="button" onClick={labStore.getState().lessonBack}>{t('back')}</button>
              <button type="button" onClick={leave}>{t('sandbox')}</button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
