import type { GaugeRow, InspectorView, ProcessRow } from '../../store/inspector.ts';

/**
 * What the inspector's parts show, as pure functions (unit-tested without a
 * browser): gauge fill, sizes, the capability prefix, section summaries.
 */

const MiB = 1024 * 1024;

/** 67108864 → `64 MiB`, 1.5 GiB, 12 KiB, 512 B. */
export function bytesText(n: number): string {
  if (n >= 1024 * MiB) return `${+(n / (1024 * MiB)).toFixed(2)} GiB`;
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`;
  return n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

/** A gauge's value in its unit. */
export function amountText(g: Pick<GaugeRow, 'unit'>, n: number): string {
  return g.unit === 'bytes' ? bytesText(n) : String(n);
}

/** How full the gauge is, 0..1 (clamped); null when there is no limit to fill. */
export function gaugeFraction(g: Pick<GaugeRow, 'current' | 'max'>): number | null {
  if (g.max === null || !Number.isFinite(g.max) || g.max <= 0) return null;
  return Math.min(1, Math.max(0, g.current / g.max));
}

/** Gauges turn to the warning colour near the limit: that is where the OOM killer and refused forks live. */
export function gaugeLevel(fraction: number | null): 'none' | 'ok' | 'high' | 'full' {
  if (fraction === null) return 'none';
  if (fraction >= 1) return 'full';
  return fraction >= 0.8 ? 'high' : 'ok';
}

/** `CAP_SYS_ADMIN` → `SYS_ADMIN`: the prefix is the same on all 41 and costs a projector's width. */
export function capName(cap: string): string {
  return cap.startsWith('CAP_') ? cap.slice(4) : cap;
}

/** cpu.max as a sentence: `max 100000` → no limit; `50000 100000` → 0.5 CPU. */
export function cpuText(cpus: number | null): string {
  if (cpus === null) return 'no limit';
  return `${+cpus.toFixed(2)} CPU${cpus === 1 ? '' : 's'}`;
}

/** The pid column: the pid the workload sees, or a dash when it cannot see the process. */
export function pidText(r: Pick<ProcessRow, 'pid'>): string {
  return r.pid === null ? '—' : String(r.pid);
}

/** One line per collapsed section, so a closed section still says what is in it. */
export function summaries(v: InspectorView): Record<'processes' | 'cgroup' | 'caps' | 'mounts' | 'fds' | 'options', string> {
  const masked = v.mounts.rows.filter((m) => m.masked).length;
  const p = v.processes;
  return {
    processes: p.ownPidNs ? `${p.inside} inside its pid namespace, ${p.outside} outside` : `${p.inside + p.outside} processes`,
    cgroup: cgroupSummary(v.cgroup),
    caps: v.caps ? `${v.caps.bounding} of ${v.caps.all} capabilities · seccomp: ${v.seccomp.label}` : `seccomp: ${v.seccomp.label}`,
    mounts: `${v.mounts.total} mount${v.mounts.total === 1 ? '' : 's'}${masked ? `, ${masked} masked` : ''}`,
    fds: `${v.fds.rows.length + v.fds.omitted} open`,
    options: v.options.length ? v.options.map((o) => `${o.key}=${o.value}`).join(' ') : 'no settings',
  };
}

/** `Memory 0 B of 64 MiB · Tasks (pids) 1 of no limit`: the gauges in a line (the path is in the body). */
function cgroupSummary(cg: InspectorView['cgroup']): string {
  if (!cg) return 'no cgroup';
  const parts = cg.gauges.map((g) => `${g.label} ${amountText(g, g.current)} of ${g.max === null ? 'no limit' : amountText(g, g.max)}`);
  if (cg.cpu) parts.push(`CPU ${cpuText(cg.cpu.cpus)}`);
  return parts.length ? parts.join(' · ') : 'no limit files';
}

/** `n more not shown`, or null when everything is shown. */
export function omittedText(n: number, what: string): string | null {
  return n > 0 ? `${n} more ${what} not shown` : null;
}
