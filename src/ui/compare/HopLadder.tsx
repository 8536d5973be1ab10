import type { CallRow } from '../../store/views.ts';

/**
 * A call's hops as a compact vertical ladder: each rung the layer and the
 * verdict's colour; the note shows on hover or keyboard focus (and is always
 * in the accessible name).
 */
export function HopLadder({ call }: { call: CallRow }) {
  return (
    <ol className="cmp-ladder" aria-label={`Hops of ${call.name}`}>
      {call.hops.map((h, i) => (
        <li key={i} className={`cmp-rung cmp-v-${h.verdict}`} tabIndex={0}>
          <span className="cmp-dot" aria-hidden="true" />
          <span className="cmp-layer">{h.layer}</span>
          <span className="cmp-verdict">{h.verdict}</span>
          <span className="cmp-note" role="note">{h.note}{h.hostCall ? ` (host syscall: ${h.hostCall})` : ''}</span>
        </li>
      ))}
    </ol>
  );
}
