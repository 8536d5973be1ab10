import type { Language } from '../../sim/text/language.ts';
import type { GaugeRow, InspectorView, ProcessRow } from '../../store/inspector.ts';
import { translate } from '../i18n/messages.ts';
import { inspectorMessages, type InspectorKey } from './inspectorMessages.ts';

/**
 * What the inspector's parts show, as pure functions (unit-tested without a
 * browser): gauge fill, sizes, the capability prefix, section summaries.
 */

const MiB = 1024 * 1024;

/** The catalog's text in `language` (the parts below are pure, so they take the language). */
const tr = (language: Language) => (key: InspectorKey, vars?: Readonly<Record<string, string | number>>) => translate(inspectorMessages, language, key, vars);

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
export function cpuText(cpus: number | null, language: Language = 'en'): string {
  const t = tr(language);
  if (cpus === null) return t('noLimit');
  return cpus === 1 ? t('cpu1') : t('cpus', { n: +cpus.toFixed(2) });
}

/** A gauge's name in `language` (the store names it in both). */
export function gaugeLabel(g: Pick<GaugeRow, 'label'>, language: Language = 'en'): string {
  return g.label[language];
}

/** The pid column: the pid the workload sees, or a dash when it cannot see the process. */
export function pidText(r: Pick<ProcessRow, 'pid'>): string {
  return r.pid === null ? '—' : String(r.pid);
}

/** One line per collapsed section, so a closed section still says what is in it. */
export function summaries(v: InspectorView, language: Language = 'en'): Record<'processes' | 'cgroup' | 'caps' | 'mounts' | 'fds' | 'options', string> {
  const t = tr(language);
  const masked = v.mounts.rows.filter((m) => m.masked).length;
  const p = v.processes;
  const seccomp = v.seccomp.label[language];
  return {
    processes: p.ownPidNs ? t('sumInsideOutside', { inside: p.inside, outside: p.outside }) : t('sumProcesses', { n: p.inside + p.outside }),
    cgroup: cgroupSummary(v.cgroup, language),
    caps: v.caps ? t('sumCaps', { bounding: v.caps.bounding, all: v.caps.all, seccomp }) : t('sumSeccomp', { seccomp }),
    mounts: t(v.mounts.total === 1 ? 'sumMount' : 'sumMounts', { n: v.mounts.total }) + (masked ? t('sumMasked', { n: masked }) : ''),
    fds: t('sumOpen', { n: v.fds.rows.length + v.fds.omitted }),
    options: v.options.length ? v.options.map((o) => `${o.key}=${o.value}`).join(' ') : t('sumNoSettings'),
  };
}

/** `Memory 0 B of 64 MiB · Tasks (pids) 1 of no limit`: the gauges in a line (the path is in the body). */
function cgroupSummary(cg: InspectorView['cgroup'], language: Language): string {
  const t = tr(language);
  if (!cg) return t('sumNoCgroup');
  const parts = cg.gauges.map((g) => t('sumGauge', { label: gaugeLabel(g, language), current: amountText(g, g.current), limit: g.max === null ? t('noLimit') : amountText(g, g.max) }));
  if (cg.cpu) parts.push(`CPU ${cpuText(cg.cpu.cpus, language)}`);
  return parts.length ? parts.join(' · ') : t('sumNoLimitFiles');
}

const WHAT_KEYS = { processes: 'whatProcesses', mounts: 'whatMounts', descriptors: 'whatDescriptors' } as const;

/** `n more not shown`, or null when everything is shown. */
export function omittedText(n: number, what: keyof typeof WHAT_KEYS, language: Language = 'en'): string | null {
  const t = tr(language);
  return n > 0 ? t('more', { n, what: t(WHAT_KEYS[what]) }) : null;
}
