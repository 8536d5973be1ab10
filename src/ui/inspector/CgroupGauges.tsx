import type { GaugeRow, InspectorView } from '../../store/inspector.ts';
import { useLanguage, useLocalized, useMessages } from '../i18n/useMessages.ts';
import { amountText, cpuText, gaugeFraction, gaugeLabel, gaugeLevel } from './inspectorFormat.ts';
import { inspectorMessages } from './inspectorMessages.ts';

/** The process's cgroup: memory and tasks as bars against their limits, and the CPU bandwidth limit. */
export function CgroupGauges({ cgroup }: { cgroup: InspectorView['cgroup'] }) {
  const t = useMessages(inspectorMessages);
  const language = useLanguage();
  const pick = useLocalized();
  if (!cgroup) return <p className="insp-muted">{t('noCgroup')}</p>;
  return (
    <div className="insp-gauges">
      <p className="insp-path"><code>{cgroup.path}</code></p>
      {cgroup.gauges.map((g) => <Gauge key={g.file} g={g} />)}
      {cgroup.cpu && (
        <p className="insp-cpu">
          <strong>CPU</strong> cpu.max <code>{cgroup.cpu.max}</code>: {cpuText(cgroup.cpu.cpus, language)}; {t('cpuUsed', { ms: +(cgroup.cpu.usageUsec / 1000).toFixed(1) })}
        </p>
      )}
      {cgroup.notes.map((n) => <p key={n.en} className="insp-note">{pick(n)}</p>)}
    </div>
  );
}

function Gauge({ g }: { g: GaugeRow }) {
  const t = useMessages(inspectorMessages);
  const language = useLanguage();
  const fraction = gaugeFraction(g);
  const level = gaugeLevel(fraction);
  const limit = g.max === null ? t('noLimit') : amountText(g, g.max);
  const label = gaugeLabel(g, language);
  return (
    <div className="insp-gauge">
      <div className="insp-gauge-head">
        <strong>{label}</strong>
        <span>{t('amountOf', { current: amountText(g, g.current), limit })}</span>
      </div>
      <div
        className={`insp-bar insp-bar-${level}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={g.max ?? undefined}
        aria-valuenow={g.current}
        aria-valuetext={g.text[language]}
      >
        <span style={{ width: `${(fraction ?? 0) * 100}%` }} />
      </div>
      <p className="insp-file"><code>{g.text[language]}</code></p>
    </div>
  );
}
