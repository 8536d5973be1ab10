import { useId, useRef, useState } from 'react';
import type { Translate } from '../i18n/messages.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { useLab } from '../useLab.ts';
import { runtimeText } from '../runtimeText.ts';
import { diagramMessages } from './messages.ts';
import { nextFocus, sameFocusInput, type Focus, type FocusInput } from './focus.ts';
import { formatDuration, progress, type Progress } from './progress.ts';
import { diagramSubject, type DiagramSubject, type SubjectProps } from './subject.ts';
import { useDiagramView } from './useDiagramView.ts';
import { useFrameSize } from './useFrameSize.ts';
import './diagram.css';

type DiagramKey = keyof typeof diagramMessages;

export interface DiagramProps extends SubjectProps {
  /** Smaller, without the sentence column: for 2–4 diagrams side by side. The sentence goes below instead. */
  compact?: boolean;
}

/**
 * The syscall's path through a runtime's layers, drawn by diagramView from
 * the store's playback position. Shows the runtime's layers before any call.
 */
export function Diagram({ entryId, runtimeId, compact = false }: DiagramProps) {
  const ready = useLab((s) => s.ready);
  const runtimes = useLab((s) => s.runtimes);
  const chosen = useLab((s) => s.runtimeId);
  const entries = useLab((s) => s.entries);
  const playback = useLab((s) => s.playback);
  const fontScale = useLab((s) => s.fontScale);
  const language = useLab((s) => s.language);
  const focus = useFocus({ runtimeId: chosen, entryId: playback.entryId, call: playback.call, hop: playback.hop, playing: playback.playing });
  const subject = diagramSubject({ runtimes, runtimeId: chosen, entries, playback }, { entryId, runtimeId }, focus);
  const { runtime, call, hop } = subject;

  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const size = useFrameSize(frame, fontScale);
  const headingId = useId();
  const t = useMessages(diagramMessages);
  const hops = call?.hops ?? null;
  const fontPx = compact ? size.fontPx * 0.85 : size.fontPx;
  useDiagramView(svg, runtime ? { layers: runtime.layers, hops, hop, speed: playback.speed, width: size.width, fontPx, note: !compact, bandLabel: t('hostKernelBand') } : null);

  const p = hops ? progress(hops, hop) : null;
  const Heading = compact ? 'h3' : 'h2';
  return (
    <section className={compact ? 'diagram-pane compact' : 'diagram-pane'} aria-labelledby={headingId} data-runtime={subject.runtimeId}>
      <div className="diagram-head">
        <Heading id={headingId}>{runtime ? (compact ? runtimeText(runtime.label, language) : t('pathThrough', { runtime: runtimeText(runtime.label, language) })) : t('path')}</Heading>
        {p && <Counter progress={p} t={t} />}
      </div>
      {!ready && <p className="diagram-idle">{t('loading')}</p>}
      {ready && !runtime && <p className="diagram-idle" role="alert">{t('noRuntime', { id: subject.runtimeId })}</p>}
      <div className="diagram-frame" ref={frame} hidden={!runtime}>
        <svg ref={svg} role="img" aria-label={runtime ? `${runtimeText(runtime.label, language)}: ${runtime.layers.map((l) => l.label).join(', ')}` : t('noRuntimeLabel')} />
      </div>
      {ready && runtime && status(subject, compact, p?.current?.note, t)}
    </section>
  );
}

/** The running counter: modelled time so far and the host syscalls the call has caused. */
function Counter({ progress: p, t }: { progress: Progress; t: Translate<DiagramKey> }) {
  return (
    <dl className="diagram-counter">
      <div className="time"><dt>{t('modelledTime')}</dt><dd>{formatDuration(p.timeNs)}</dd></div>
      <div className="hostcalls"><dt>{t('hostCalls')}</dt><dd>{p.hostCalls}</dd></div>
    </dl>
  );
}

/** The line under the drawing: why nothing moves, or (compact) the hop's sentence. */
function status(subject: DiagramSubject, compact: boolean, sentence: string | undefined, t: Translate<DiagramKey>) {
  const { entry, call } = subject;
  if (entry?.run.type === 'refused') return <p className="diagram-idle">{t('didNotRun', { input: entry.input, message: entry.run.message })}</p>;
  if (!call) return <p className="diagram-idle">{entry ? t('noCall', { input: entry.input }) : t('idle')}</p>;
  if (compact && sentence) return <p className="diagram-sentence">{sentence}</p>;
  return <p className="diagram-idle"><code>{call.line}</code></p>;
}

/** Whether the played entry or the runtime just picked wins (focus.ts), remembered across renders. */
function useFocus(input: FocusInput): Focus {
  const [track, setTrack] = useState<{ input: FocusInput | null; focus: Focus }>({ input: null, focus: 'entry' });
  if (sameFocusInput(track.input, input)) return track.focus;
  const focus = nextFocus(track.input, input, track.focus);
  setTrack({ input, focus });
  return focus;
}
