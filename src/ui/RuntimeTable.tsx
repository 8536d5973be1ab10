import { useLanguage, useMessages } from './i18n/useMessages.ts';
import { labPartsMessages } from './labPartsMessages.ts';
import { runtimeText } from './runtimeText.ts';
import { useLab } from './useLab.ts';

/** The runtimes the lab models, each with the layers a call passes through, in order. */
export function RuntimeTable() {
  const t = useMessages(labPartsMessages);
  const language = useLanguage();
  const runtimes = useLab((s) => s.runtimes);
  return (
    <section aria-labelledby="runtimes-heading">
      <h2 id="runtimes-heading">{t('runtimes')}</h2>
      <table className="runtimes">
        <thead>
          <tr>
            <th scope="col">{t('runtime')}</th>
            <th scope="col">{t('whatItIs')}</th>
            <th scope="col">{t('layers')}</th>
          </tr>
        </thead>
        <tbody>
          {runtimes.map((r) => (
            <tr key={r.id} data-runtime={r.id}>
              <th scope="row">
                <code>{r.id}</code>
                <span className="sub">{runtimeText(r.label, language)}</span>
              </th>
              <td>{runtimeText(r.summary, language)}</td>
              <td>
                <ol className="layers">
                  {r.layers.map((l) => (
                    <li key={l.id} className={`layer layer-${l.kind}`} title={l.kind}>
                      {l.label}
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
