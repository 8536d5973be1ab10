import type { InspectorView } from '../../store/inspector.ts';
import { useLanguage, useMessages } from '../i18n/useMessages.ts';
import { omittedText } from './inspectorFormat.ts';
import { inspectorMessages } from './inspectorMessages.ts';

/** The process's open file descriptors, as /proc/PID/fd and fdinfo would show them. */
export function FdTable({ fds }: { fds: InspectorView['fds'] }) {
  const t = useMessages(inspectorMessages);
  const omitted = omittedText(fds.omitted, 'descriptors', useLanguage());
  if (fds.rows.length === 0) return <p className="insp-muted">{t('noFds')}</p>;
  return (
    <div className="insp-scroll">
      <table className="insp-table insp-fds">
        <thead>
          <tr><th scope="col">fd</th><th scope="col">{t('colPath')}</th><th scope="col">{t('colKind')}</th><th scope="col">{t('colFlags')}</th></tr>
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
      {omitted && <p className="insp-omitted">{omitted}</p>}
    </div>
  );
}
