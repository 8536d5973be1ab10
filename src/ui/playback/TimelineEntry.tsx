import type { CallRow, Entry, LabState } from '../../store/labStore.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { playbackMessages } from './messages.ts';

/** Which rows are open: each key's own choice, else its default (the played entry and call are open). */
export interface Expansion {
  isOpen: (key: string, byDefault: boolean) => boolean;
  toggle: (key: string, byDefault: boolean) => void;
}

interface EntryProps {
  entry: Entry;
  playback: LabState['playback'];
  seek: LabState['seek'];
  expansion: Expansion;
}


/** One line run: its runtime and input, then (open) its calls. */
export function EntryItem({ entry, playback, seek, expansion }: EntryProps) {
  const played = entry.id === playback.entryId;
  const t = useMessages(playbackMessages);
  if (entry.run.type === 'refused') {
    return (
      <li className="tl-entry refused">
        <span className="tl-runtime">{entry.runtime}</span> <code>{entry.input}</code>
        <span className="tl-refused">{t('notRun', { message: entry.run.message })}</span>
      </li>
    );
  }
  const calls = entry.run.calls;
  const key = `e${entry.id}`;
  const open = expansion.isOpen(key, played);
  return (
    <li className={played ? 'tl-entry played' : 'tl-entry'}>
      <div className="tl-row">
        <Toggle open={open} what={t('callsOf', { input: entry.input })} onClick={() => expansion.toggle(key, played)} disabled={calls.length === 0} />
        <button type="button" className="tl-seek" onClick={() => seek(entry.id, 0, 0)} disabled={calls.length === 0} title={t('playFrom')}>
          <span className="tl-runtime">{entry.runtime}</span> <code>{entry.input}</code> <span className="tl-count">{calls.length === 1 ? t('call1') : t('calls', { n: calls.length })}</span>
        </button>
      </div>
      {open && calls.length > 0 && (
        <ol className="tl-calls">
          {calls.map((c, i) => (
            <CallItem key={i} entry={entry} index={i} call={c} current={played ? playback : null} seek={seek} expansion={expansion} />
          ))}
        </ol>
      )}
    </li>
  );
}

interface CallProps {
  entry: Entry;
  index: number;
  call: CallRow;
  /** The playback position when this call's entry is the one played. */
  current: LabState['playback'] | null;
  seek: LabState['seek'];
  expansion: Expansion;
}

function CallItem({ entry, index, call, current, seek, expansion }: CallProps) {
  const here = current !== null && current.call === index;
  const t = useMessages(playbackMessages);
  const key = `e${entry.id}c${index}`;
  const open = expansion.isOpen(key, here);
  return (
    <li className={`tl-call${call.failed ? ' failed' : ''}${here ? ' here' : ''}`}>
      <div className="tl-row">
        <Toggle open={open} what={t('hopsOf', { line: call.line })} onClick={() => expansion.toggle(key, here)} disabled={call.hops.length === 0} />
        <button type="button" className="tl-seek" onClick={() => seek(entry.id, index, 0)} disabled={call.hops.length === 0}>
          <code>{call.line}</code> <span className="tl-count">{call.hops.length === 1 ? t('hop1') : t('hops', { n: call.hops.length })}</span>
        </button>
      </div>
      {open && (
        <ol className="tl-hops">
          {call.hops.map((h, j) => {
            const now = here && current?.hop === j;
            return (
              <li key={j}>
                <button type="button" className={now ? 'tl-hop now' : 'tl-hop'} aria-current={now ? 'step' : undefined} onClick={() => seek(entry.id, index, j)} title={h.note}>
                  <span className="tl-n">{j + 1}</span> {h.layer} <span className={`verdict verdict-${h.verdict}`}>{h.verdict}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}

function Toggle({ open, what, onClick, disabled }: { open: boolean; what: string; onClick: () => void; disabled: boolean }) {
  return (
    <button type="button" className="tl-toggle" aria-expanded={open} aria-label={what} onClick={onClick} disabled={disabled}>
      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
    </button>
  );
}
