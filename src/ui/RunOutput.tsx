import { inputProblemIn } from '../store/inputProblems.ts';
import type { CallRow } from '../store/labStore.ts';
import { useMessages } from './i18n/useMessages.ts';
import { labPartsMessages } from './labPartsMessages.ts';
import { useLab } from './useLab.ts';

/** What the last line did: each call's strace line and its hops, or why the line was refused. */
export function RunOutput() {
  const t = useMessages(labPartsMessages);
  const last = useLab((s) => s.last);
  const language = useLab((s) => s.language);
  if (last.type === 'idle') return null;
  if (last.type === 'refused') {
    return (
      <div className="output refused" role="alert">
        {/* The refusal worded in the page's language when the run carries it as data; else the message as it is. */}
        <p className="message">{last.problem ? inputProblemIn(last.problem, language) : last.message}</p>
        {last.column !== null && (
          <pre className="caret">{`${last.input}\n${' '.repeat(Math.max(0, last.column - 1))}^`}</pre>
        )}
      </div>
    );
  }
  return (
    <div className="output" aria-live="polite">
      <p className="sub">
        {last.calls.length === 1 ? t('callUnder') : t('callsUnder', { n: last.calls.length })} <code>{last.runtime}</code>{t('exitStatus', { status: last.status })}
      </p>
      {last.calls.map((call, i) => (
        <Call key={i} call={call} open={last.calls.length === 1 || call.failed} />
      ))}
      {last.stdout && <pre className="stream">{last.stdout}</pre>}
      {last.stderr && <pre className="stream stderr">{last.stderr}</pre>}
    </div>
  );
}

function Call({ call, open }: { call: CallRow; open: boolean }) {
  const t = useMessages(labPartsMessages);
  return (
    <details className={call.failed ? 'call failed' : 'call'} open={open}>
      <summary>
        <code className="strace">{call.line}</code>
        {call.failed && call.reason && <span className="reason">{call.reason}</span>}
      </summary>
      <ol className="hops">
        {call.hops.map((h, i) => (
          <li key={i}>
            <span className="hop-layer">{h.layer}</span>
            <span className={`verdict verdict-${h.verdict}`}>{h.verdict}</span>
            <span className="hop-note">{h.note}</span>
            {h.hostCall && <span className="host-call">{t('hostSyscall', { call: h.hostCall })}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
