import type { ReactNode } from 'react';
import type { CompareViewRow } from '../../store/compareView.ts';
import { fmtMs, fmtNs, hostCallSummary, publishedSource, publishedText, ratioText, resultSummary, rowFailed } from './compareFormat.ts';

/** The figures under the columns: one row per measure, one column per runtime (aligned with the columns above). */
export function CompareTable({ rows }: { rows: readonly CompareViewRow[] }) {
  const measures: { name: string; cell: (r: CompareViewRow) => ReactNode }[] = [
    { name: 'Result', cell: (r) => <span className={rowFailed(r) ? 'cmp-bad' : undefined}>{resultSummary(r)}</span> },
    { name: 'Hops', cell: (r) => (r.ok ? r.hops : '—') },
    { name: 'Serving kernel', cell: (r) => (r.ok ? r.servedBy : '—') },
    { name: 'Host syscalls', cell: hostCalls },
    { name: 'Modelled cost', cell: (r) => (r.ok ? <>{fmtNs(r.costNs)}<span className="cmp-sub">{fmtNs(r.warmCostNs)} run again (warm)</span></> : '—') },
    { name: 'Ratio', cell: (r) => ratioText(r) },
    { name: 'Published', cell: published },
    { name: 'Start-up', cell: startup },
  ];
  return (
    <div className="cmp-scroll">
      <table className="cmp-table">
        <thead>
          <tr>
            <td />
            {rows.map((r, i) => <th key={i} scope="col"><code>{r.label}</code></th>)}
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.name}>
              <th scope="row">{m.name}</th>
              {rows.map((r, i) => <td key={i}>{m.cell(r)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function hostCalls(r: CompareViewRow): ReactNode {
  if (!r.ok) return '—';
  const { count, names } = hostCallSummary(r);
  if (count === 0) return 'none';
  return <>{count}<ul className="cmp-list">{names.map((n) => <li key={n}><code>{n}</code></li>)}</ul></>;
}

function published(r: CompareViewRow): ReactNode {
  if (!r.ok || r.published.length === 0) return <span className="cmp-muted">none applies</span>;
  return (
    <ul className="cmp-list">
      {r.published.map((p, i) => (
        <li key={i} title={publishedSource(p)}>
          {publishedText(p)}
          <span className="cmp-sub">{publishedSource(p)}</span>
        </li>
      ))}
    </ul>
  );
}

function startup(r: CompareViewRow): ReactNode {
  if (r.startup.length === 0) return <span className="cmp-muted">none published</span>;
  return (
    <ul className="cmp-list">
      {r.startup.map((s) => <li key={s.id}><strong>{fmtMs(s.ms)}</strong> {s.what} <span className="cmp-sub">[{s.id}]</span></li>)}
    </ul>
  );
}
