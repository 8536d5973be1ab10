import type { InspectorView } from '../../store/inspector.ts';
import { omittedText } from './inspectorFormat.ts';

/** The mount table of the process's mount namespace, as it sees the paths; masked paths say how they were hidden. */
export function MountTable({ mounts }: { mounts: InspectorView['mounts'] }) {
  return (
    <div className="insp-scroll">
      <table className="insp-table insp-mounts">
        <thead>
          <tr><th scope="col">Mount point</th><th scope="col">Type</th><th scope="col">Source</th><th scope="col">Access</th><th scope="col">Flags</th></tr>
        </thead>
        <tbody>
          {mounts.rows.map((m) => (
            <tr key={m.id} className={m.masked ? 'insp-masked' : undefined}>
              <td>
                <code>{m.mountpoint}</code>
                {m.note && <span className={m.masked ? 'insp-badge insp-bad' : 'insp-badge'}>{m.masked ? 'masked' : 'read-only path'}</span>}
                {m.note && <span className="insp-sub">{m.note}</span>}
              </td>
              <td><code>{m.fsType}</code></td>
              <td className="insp-wrap"><code>{m.source}</code></td>
              <td className={m.ro ? 'insp-ro' : undefined}>{m.ro ? 'ro' : 'rw'}</td>
              <td className="insp-muted">{m.flags.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {omittedText(mounts.omitted, 'mounts') && <p className="insp-omitted">{omittedText(mounts.omitted, 'mounts')}</p>}
    </div>
  );
}
