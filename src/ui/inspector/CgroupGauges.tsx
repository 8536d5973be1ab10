import type { GaugeRow, InspectorView } from '../../store/inspector.ts';
import { amountText, cpuText, gaugeFraction, gaugeLevel } from './inspectorFormat.ts';

/** The process's cgroup: memory and tasks as bars against their limits, and the CPU bandwidth limit. */
export function CgroupGauges({ cgroup }: { cgroup: InspectorView['cgroup'] }) {
  if (!cgroup) return <p className="insp-muted">No cgroup could be read for this process.</p>;
  return (
    <div className="insp-gauges">
      <p className="insp-path"><code>{cgroup.path}</code></p>
      {cgroup.gauges.map((g) => <Gauge key={g.file} g={g} />)}
      {cgroup.cpu && (
        <p className="insp-cpu">
          <strong>CPU</strong> cpu.max <code>{cgroup.cpu.max}</code>: {cpuText(cgroup.cpu.cpus)}; used {+(cgroup.cpu.usageUsec / 1000).toFixed(1)} ms (cpu.stat usage_usec)
        </p>
      )}
      {cgroup.notes.map((n) => <p key={n} className="insp-note">{n}</p>)}
    </div>
  );
}

function Gauge({ g }: { g: GaugeRow }) {
  const fraction = gaugeFraction(g);
  const level = gaugeLevel(fraction);
  const limit = g.max === null ? 'no limit' : amountText(g, g.max);
  return (
    <div className="insp-gauge">
      <div className="insp-gauge-head">
        <strong>{g.label}</strong>
        <span>{amountText(g, g.current)} of {limit}</span>
      </div>
      <div
        className={`insp-bar insp-bar-${level}`}
        role="meter"
        aria-label={g.label}
        aria-valuemin={0}
        aria-valuemax={g.max ?? undefined}
        aria-valuenow={g.current}
        aria-valuetext={g.text}
      >
        <span style={{ width: `${(fraction ?? 0) * 100}%` }} />
      </div>
      <p className="insp-file"><code>{g.text}</code></p>
    </div>
  );
}
