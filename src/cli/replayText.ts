import type { ReplayReport } from '../sim/strace/replayReport.ts';

/** The replay report as a person reads it: totals, then one line per syscall that was denied or differs. */
export function formatReplayText(runtime: string, file: string, r: ReplayReport): string {
  const t = r.totals;
  const denials = t.denials.map((d) => `${d.count} by ${d.layer} (${d.errno ?? 'killed'})`).join(', ') || 'none';
  const out = [
    `${file}: ${r.lines} lines, ${r.calls} calls, ${r.unreadable.length} unreadable`,
    `under ${runtime}: ${t.allowed} allowed, ${t.denied} denied (${denials}), ${t.differs} treated differently from the log`,
    '',
  ];
  const rows = [...r.bySyscall.values()].filter((s) => s.denied > 0 || s.differs > 0).sort((a, b) => b.denied - a.denied || a.name.localeCompare(b.name));
  if (rows.length) {
    out.push('syscall                calls  allowed  denied  differs  denied by');
    for (const s of rows) {
      const by = s.denials.map((d) => `${d.layer} ${d.errno ?? 'SIGSYS'}`).join(', ');
      out.push(`${s.name.padEnd(22)} ${String(s.count).padStart(5)}  ${String(s.allowed).padStart(7)}  ${String(s.denied).padStart(6)}  ${String(s.differs).padStart(7)}  ${by}`);
    }
  } else {
    out.push(`every call in the log would pass ${runtime}'s gates`);
  }
  for (const u of r.unreadable.slice(0, 50)) out.push(`line ${u.line}: cannot read: ${u.why}`);
  if (r.unreadable.length > 50) out.push(`… and ${r.unreadable.length - 50} more unreadable lines`);
  return `${out.join('\n')}\n`;
}

/** The report with its per-syscall Map as a plain object, for JSON. */
export function replayJson(r: ReplayReport) {
  return { ...r, bySyscall: Object.fromEntries(r.bySyscall) };
}
