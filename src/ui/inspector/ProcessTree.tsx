import type { Localized } from '../../sim/text/language.ts';
import type { InspectorView, ProcessRow } from '../../store/inspector.ts';
import { useLanguage, useMessages } from '../i18n/useMessages.ts';
import { omittedText, pidText } from './inspectorFormat.ts';
import { cjkSpacing } from '../../store/localize.ts';
import { inspectorMessages } from './inspectorMessages.ts';

const NS_ORDER = ['mnt', 'pid', 'net', 'uts', 'ipc', 'user', 'cgroup', 'time'] as const;

/**
 * The process table as the workload sees it (its pid) and as the serving
 * kernel's initial pid namespace sees it (host pid), parents before children.
 * A container's own processes come first; a divider row says the rest are
 * outside its pid namespace.
 */
export function ProcessTree({ processes, kernelName }: { processes: InspectorView['processes']; kernelName: Localized }) {
  const t = useMessages(inspectorMessages);
  const language = useLanguage();
  const kernel = kernelName[language];
  const inside = processes.rows.filter((r) => r.inside);
  const outside = processes.rows.filter((r) => !r.inside);
  const divider = processes.note ? processes.note[language] : t('outside');
  const omitted = omittedText(processes.omitted, 'processes', language);
  return (
    <div className="insp-scroll">
      <table className="insp-table insp-procs">
        <caption className="insp-caption">
          {cjkSpacing(processes.ownPidNs ? t('captionOwn', { kernel }) : t('captionOne', { kernel }))}
        </caption>
        <thead>
          <tr><th scope="col">PID</th><th scope="col">{t('colHostPid')}</th><th scope="col">{t('colCommand')}</th><th scope="col">UID</th><th scope="col" title={t('colNewNsTitle')}>{t('colNewNs')}</th></tr>
        </thead>
        <tbody>
          {inside.map((r) => <Row key={r.hostPid} r={r} />)}
          {outside.length > 0 && (
            <tr className="insp-divider"><th colSpan={5} scope="rowgroup">{divider}</th></tr>
          )}
          {outside.map((r) => <Row key={r.hostPid} r={r} />)}
        </tbody>
      </table>
      {omitted && <p className="insp-omitted">{omitted}</p>}
    </div>
  );
}

function Row({ r }: { r: ProcessRow }) {
  const t = useMessages(inspectorMessages);
  const nsTitle = NS_ORDER.map((ns) => `${ns}:[${r.ns[ns]}]`).join(' ');
  return (
    <tr className={[r.terminal ? 'insp-terminal' : '', r.inside ? '' : 'insp-outside'].join(' ').trim() || undefined}>
      <td className="insp-num">{pidText(r)}</td>
      <td className="insp-num">{r.hostPid}</td>
      <td>
        <code className="insp-comm" style={{ paddingLeft: `${r.depth * 1.1}rem` }}>{r.depth > 0 ? '└ ' : ''}{r.comm}</code>
        {r.terminal && <span className="insp-badge">{t('terminal')}</span>}
        {r.state === 'zombie' && <span className="insp-badge insp-bad">{t('zombie')}</span>}
      </td>
      <td className="insp-num">{r.uid}</td>
      <td title={nsTitle}>{r.newNs.length ? r.newNs.join(' ') : <span className="insp-muted" aria-label={t('allInitial')}>—</span>}</td>
    </tr>
  );
}

/** The terminal process's eight namespace ids, each marked as its own or the initial one. */
export function NamespaceIds({ row }: { row: ProcessRow }) {
  const t = useMessages(inspectorMessages);
  return (
    <dl className="insp-ns">
      {NS_ORDER.map((ns) => (
        <div key={ns} className={row.newNs.includes(ns) ? 'insp-ns-own' : undefined}>
          <dt>{ns}</dt>
          <dd><code>{row.ns[ns]}</code> {row.newNs.includes(ns) ? t('own') : t('initial')}</dd>
        </div>
      ))}
    </dl>
  );
}
