import type { InspectorView, ProcessRow } from '../../store/inspector.ts';
import { omittedText, pidText } from './inspectorFormat.ts';

const NS_ORDER = ['mnt', 'pid', 'net', 'uts', 'ipc', 'user', 'cgroup', 'time'] as const;

/**
 * The process table as the workload sees it (its pid) and as the serving
 * kernel's initial pid namespace sees it (host pid), parents before children.
 * A container's own processes come first; a divider row says the rest are
 * outside its pid namespace.
 */
export function ProcessTree({ processes, kernelName }: { processes: InspectorView['processes']; kernelName: string }) {
  const inside = processes.rows.filter((r) => r.inside);
  const outside = processes.rows.filter((r) => !r.inside);
  return (
    <div className="insp-scroll">
      <table className="insp-table insp-procs">
        <caption className="insp-caption">
          {processes.ownPidNs ? 'PID is what the workload sees; host PID is what ' : 'PID as '}
          {processes.ownPidNs ? `${kernelName}'s initial pid namespace sees.` : `${kernelName} sees it (one pid namespace).`}
        </caption>
        <thead>
          <tr><th scope="col">PID</th><th scope="col">Host PID</th><th scope="col">Command</th><th scope="col">UID</th><th scope="col" title="Namespace types where the process is not in the initial namespace">New namespaces</th></tr>
        </thead>
        <tbody>
          {inside.map((r) => <Row key={r.hostPid} r={r} />)}
          {outside.length > 0 && (
            <tr className="insp-divider"><th colSpan={5} scope="rowgroup">{processes.note ?? 'Outside its pid namespace'}</th></tr>
          )}
          {outside.map((r) => <Row key={r.hostPid} r={r} />)}
        </tbody>
      </table>
      {omittedText(processes.omitted, 'processes') && <p className="insp-omitted">{omittedText(processes.omitted, 'processes')}</p>}
    </div>
  );
}

function Row({ r }: { r: ProcessRow }) {
  const nsTitle = NS_ORDER.map((t) => `${t}:[${r.ns[t]}]`).join(' ');
  return (
    <tr className={[r.terminal ? 'insp-terminal' : '', r.inside ? '' : 'insp-outside'].join(' ').trim() || undefined}>
      <td className="insp-num">{pidText(r)}</td>
      <td className="insp-num">{r.hostPid}</td>
      <td>
        <code className="insp-comm" style={{ paddingLeft: `${r.depth * 1.1}rem` }}>{r.depth > 0 ? '└ ' : ''}{r.comm}</code>
        {r.terminal && <span className="insp-badge">terminal</span>}
        {r.state === 'zombie' && <span className="insp-badge insp-bad">zombie</span>}
      </td>
      <td className="insp-num">{r.uid}</td>
      <td title={nsTitle}>{r.newNs.length ? r.newNs.join(' ') : <span className="insp-muted" aria-label="none: all initial">—</span>}</td>
    </tr>
  );
}

/** The terminal process's eight namespace ids, each marked as its own or the initial one. */
export function NamespaceIds({ row }: { row: ProcessRow }) {
  return (
    <dl className="insp-ns">
      {NS_ORDER.map((t) => (
        <div key={t} className={row.newNs.includes(t) ? 'insp-ns-own' : undefined}>
          <dt>{t}</dt>
          <dd><code>{row.ns[t]}</code> {row.newNs.includes(t) ? 'own' : 'initial'}</dd>
        </div>
      ))}
    </dl>
  );
}
