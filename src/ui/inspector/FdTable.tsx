import type { InspectorView } from '../../store/inspector.ts';
import { omittedText } from './inspectorFormat.ts';

/** The process's open file descriptors, as /proc/PID/fd and fdinfo would show them. */
export function FdTable({ fds }: { fds: InspectorView['fds'] }) {
  if (fds.rows.length === 0) return <p className="insp-muted">No open file descriptors.</p>;
  return (
    <div className="insp-scroll">
      <table className="insp-table insp-fds">
        <thead>
          <tr><th scope="col">fd</th><th scope="col">Path</th><th scope="col">Kind</th><th scope="col">Flags</th></tr>
        </thead>
        <tbody>
          {fds.rows.map((f) => (
            <tr key={f.fd}>
              <td className="insp-num">{f.fd}</td>
              <td className="insp-wrap"><code>{f.path}</code></td>
              <td>{f.kind}</td>
              <td><code>{f.flags}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      {omittedText(fds.omitted, 'descriptors') && <p className="insp-omitted">{omittedText(fds.omitted, 'descriptors')}</p>}
    </div>
  );
}
