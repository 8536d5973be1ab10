import type { CallRow } from '../../store/views.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { compareMessages } from './compareMessages.ts';

/**
 * A call's hops as a compact vertical ladder: each rung the layer and the
 * verdict's colour; the note shows on hover or keyboard focus (and is always
 * in the accessible name).
 */
export function HopLadder({ call }: { call: CallRow }) {
  const t = useMessages(compareMessages);
  return (
    <ol className="cmp-ladder" aria-label={t('hopsOf', { name: call.name })}>
      {call.hops.map((h, i) => (
        <li key={i} className={`cmp-rung cmp-v-${h.verdict}`} tabIndex={0}>
          <span className="cmp-dot" aria-hidden="true" />
          <span className="cmp-layer">{h.layer}</span>
          <span className="cmp-verdict">{h.verdict}</span>
          <span className="cmp-note" role="note">{h.note}{h.hostCall ? t('hostSyscall', { call: h.hostCall }) : ''}</span>
        </li>
      ))}
    </ol>
  );
}
