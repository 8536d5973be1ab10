import type { InspectorView } from '../../store/inspector.ts';
import { useLanguage, useMessages } from '../i18n/useMessages.ts';
import { omittedText } from './inspectorFormat.ts';
import { inspectorMessages } from './inspectorMessages.ts';

/** The mount table of the process's mount namespace, as it sees the paths; masked paths say how they were hidden. */
export function MountTable({ mounts }: { mounts: InspectorView['mounts'] }) {
  const t = useMessages(inspectorMessages);
  const language = useLanguage();
  const omitted = omittedText(mounts.omitted, 'mounts', language);
  return (
    <div className="insp-scroll">
      <table className="insp-table insp-mounts">
        <thead>
          <tr><th scope="col">{t('colMountPoint')}</th><th scope="col">{t('colType')}</th><th scope="col">{t('colSource')}</th><th scope="col">{t('colAccess')}</th><th scope="col">{t('colFlags')}</th></tr>
        </thead>
        <tbody>
          {mounts.rows.map((m) => (
            <tr key={m.id} className={m.masked ? 'insp-masked' : undefined}>
              <td>
                <code>{m.mountpoint}</code>
                {m.note && <span className={m.masked ? 'insp-badge insp-bad' : 'insp-badge'}>{m.masked ? t('masked') : t('readOnlyPath')}</span>}
                {m.note && <span className="insp-sub">{m.note[language]}</span>}
              </td>
              <td><code>{m.fsType}</code></td>
              <td className="insp-wrap"><code>{m.source}</code></td>
              <td className={m.ro ? 'insp-ro' : undefined}>{m.ro ? 'ro' : 'rw'}</td>
              <td className="insp-muted">{m.flags.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {omitted && <p className="insp-omitted">{omitted}</p>}
    </div>
  );
}
