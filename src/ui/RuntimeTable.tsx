import { useLab } from './useLab.ts';

/** The runtimes the lab models, each with the layers a call passes through, in order. */
export function RuntimeTable() {
  const runtimes = useLab((s) => s.runtimes);
  return (
    <section aria-labelledby="runtimes-heading">
      <h2 id="runtimes-heading">Runtimes</h2>
      <table className="runtimes">
        <thead>
          <tr>
            <th scope="col">Runtime</th>
            <th scope="col">What it is</th>
            <th scope="col">Layers, top to bottom</th>
          </tr>
        </thead>
        <tbody>
          {runtimes.map((r) => (
            <tr key={r.id} data-runtime={r.id}>
              <th scope="row">
                <code>{r.id}</code>
                <span className="sub">{r.label}</span>
              </th>
              <td>{r.summary}</td>
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
