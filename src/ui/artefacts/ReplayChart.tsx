import { useId } from 'react';
import type { RuntimeReportView } from '../../store/artefacts.ts';
import { layoutReplayChart } from '../../store/replayChart.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES } from './artefactsMessages.ts';

const WIDTH = 1200;

/**
 * Passing and failing calls per runtime as horizontal bars (plain SVG from
 * replayChart.ts's layout). The failing part is hatched and labelled `✗ N`,
 * so the two parts differ by more than colour; the SVG scales to its pane.
 */
export function ReplayChart({ runtimes }: { runtimes: readonly RuntimeReportView[] }) {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const hatch = useId().replace(/:/g, '');
  const layout = layoutReplayChart(runtimes.map((r) => ({ id: r.id, label: r.label, allowed: r.allowed, denied: r.denied })), { width: WIDTH, barHeight: 30, gap: 10, charWidth: 11.5, tail: 110 });
  const mid = layout.barHeight / 2;
  const legendY = layout.height + 18;
  return (
    <figure className="byo-chart">
      <figcaption>{t('chartTitle')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${layout.height + 48}`} role="img" aria-label={runtimes.map((r) => `${r.label}: ${r.allowed} ${t('chartPass')}, ${r.denied} ${t('chartFail')}`).join('; ')}>
        <defs>
          <pattern id={hatch} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" className="byo-fail-bg" />
            <line x1="0" y1="0" x2="0" y2="8" className="byo-fail-line" strokeWidth="4" />
          </pattern>
        </defs>
        {layout.bars.map((b) => (
          <g key={b.id} transform={`translate(0, ${b.y})`} data-runtime={b.id}>
            <text x={layout.x0 - 10} y={mid} className="byo-chart-label" textAnchor="end" dominantBaseline="central">{b.label}</text>
            <rect x={layout.x0} width={b.passWidth} height={layout.barHeight} className="byo-pass" />
            <rect x={layout.x0 + b.passWidth} width={b.failWidth} height={layout.barHeight} fill={`url(#${hatch})`} className="byo-fail" />
            {b.passText && b.passTextInside && <text x={layout.x0 + 8} y={mid} className="byo-chart-count on-pass" dominantBaseline="central">{b.passText}</text>}
            {b.failText && (
              <text x={b.failTextX} y={mid} className={b.failTextInside ? 'byo-chart-count on-fail' : 'byo-chart-count'} textAnchor={b.failTextInside ? 'middle' : 'start'} dominantBaseline="central">{b.failText}</text>
            )}
          </g>
        ))}
        <g transform={`translate(${layout.x0}, ${legendY})`} className="byo-legend">
          <rect width="22" height="18" className="byo-pass" />
          <text x="30" y="9" dominantBaseline="central">{t('chartPass')}</text>
          <rect x="150" width="22" height="18" fill={`url(#${hatch})`} className="byo-fail" />
          <text x="180" y="9" dominantBaseline="central">{t('chartFail')}</text>
        </g>
      </svg>
    </figure>
  );
}
