import { labStore } from '../store/labStore.ts';
import { useLanguage, useMessages } from './i18n/useMessages.ts';
import { labPartsMessages } from './labPartsMessages.ts';
import { runtimeText } from './runtimeText.ts';
import { useLab } from './useLab.ts';

/** The runtime and its settings, as selects: what every line typed next runs under. */
export function RuntimePicker() {
  const t = useMessages(labPartsMessages);
  const language = useLanguage();
  const runtimes = useLab((s) => s.runtimes);
  const runtimeId = useLab((s) => s.runtimeId);
  const chosen = useLab((s) => s.options[s.runtimeId]);
  const { chooseRuntime, setOption } = labStore.getState();
  const specs = runtimes.find((r) => r.id === runtimeId)?.options ?? [];
  if (!runtimes.length) return <p className="picker loading" role="status">{t('loading')}</p>;
  return (
    <div className="picker">
      <div className="field">
        <label htmlFor="pick-runtime">{t('runtime')}</label>
        <select id="pick-runtime" value={runtimeId} onChange={(e) => chooseRuntime(e.target.value)}>
          {runtimes.map((r) => (
            <option key={r.id} value={r.id}>{runtimeText(r.label, language)}</option>
          ))}
        </select>
      </div>
      {specs.map((o) => (
        <div className="field" key={o.key}>
          <label htmlFor={`pick-opt-${o.key}`} title={runtimeText(o.description, language)}>--{o.key}</label>
          <select id={`pick-opt-${o.key}`} value={chosen?.[o.key] ?? o.default} title={runtimeText(o.description, language)} onChange={(e) => setOption(o.key, e.target.value)}>
            {o.values.map((v) => (
              <option key={v} value={v}>{v}</option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
