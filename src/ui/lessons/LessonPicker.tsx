import { useEffect, useRef } from 'react';
import { labStore } from '../../store/labStore.ts';
import { useMessages, useLocalized } from '../i18n/useMessages.ts';
import { useLab } from '../useLab.ts';
import { lessonMessages } from './lessonMessages.ts';

/** Every lesson as a button, with a tick per step done: what a lecturer picks from. */
export function LessonPicker({ current }: { current: string | null }) {
  const t = useMessages(lessonMessages);
  const pick = useLocalized();
  const lessons = useLab((s) => s.lessons);
  const list = useRef<HTMLOListElement>(null);
  // The open lesson stays in view in the (scrolling) list.
  useEffect(() => {
    const ol = list.current;
    const button = ol?.querySelector<HTMLElement>('.lesson-choice.current');
    if (ol && button) ol.scrollTop = Math.max(0, button.offsetTop - ol.offsetTop - ol.clientHeight / 2 + button.offsetHeight / 2);
  }, [current]);
  // The lessons come with the model (a lazy chunk): for the first moment after the page opens the list is not there yet.
  if (lessons.length === 0) return <p className="lesson-picker lesson-loading" role="status">{t('loading')}</p>;
  return (
    <nav className="lesson-picker" aria-label={t('pick')}>
      <ol ref={list}>
        {lessons.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              className={l.id === current ? 'lesson-choice current' : 'lesson-choice'}
              aria-current={l.id === current ? 'step' : undefined}
              title={pick(l.summary)}
              onClick={() => labStore.getState().openLesson(l.id)}
            >
              <span className="lesson-choice-title">{pick(l.title)}</span>
              <span className="lesson-ticks" aria-label={t('progress', { done: l.done, count: l.stepCount })}>
                {Array.from({ length: l.stepCount }, (_, i) => (i < l.done ? '✓' : '·')).join('')}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
