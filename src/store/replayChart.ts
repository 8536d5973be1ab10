/**
 * The layout of the strace report's chart, as plain numbers the page draws
 * as SVG: one horizontal bar per runtime, its calls split into those that
 * would run and those a gate would stop. Each part carries its count as
 * text (the chart is read from across a lecture room, and the two parts
 * are told apart by label and pattern, not by colour alone).
 */

export interface ChartInput {
  id: string;
  label: string;
  allowed: number;
  denied: number;
}

export interface ChartBar {
  id: string;
  label: string;
  y: number;
  /** The passing part starts at `x0`; the failing part right after it. */
  passWidth: number;
  failWidth: number;
  /** The counts as the bar prints them, and where (null when there is none to print). */
  passText: string | null;
  failText: string | null;
  /** Where the failing count goes: inside its part when it fits, else just past the bar's end. */
  failTextX: number;
  failTextInside: boolean;
  passTextInside: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Where bars start: the runtime labels sit left of it. */
  x0: number;
  barHeight: number;
  bars: ChartBar[];
}

export interface ChartSize {
  width: number;
  /** Pixels per bar and between bars; the font scales with the bar. */
  barHeight?: number;
  gap?: number;
  /** Room for the runtime labels; by default from the longest label at `charWidth` pixels a character. */
  labelWidth?: number;
  charWidth?: number;
  /** Room kept right of the longest bar for a count printed outside it. */
  tail?: number;
  /** A part narrower than this shows its count outside (or not at all, for a passing part). */
  minTextWidth?: number;
}

export function layoutReplayChart(rows: readonly ChartInput[], size: ChartSize): ChartLayout {
  const barHeight = size.barHeight ?? 28;
  const gap = size.gap ?? 12;
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const x0 = size.labelWidth ?? Math.ceil(longest * (size.charWidth ?? 11)) + 16;
  const tail = size.tail ?? 90;
  const minText = size.minTextWidth ?? 48;
  const room = Math.max(0, size.width - x0 - tail);
  const most = Math.max(1, ...rows.map((r) => r.allowed + r.denied));
  const bars = rows.map((r, i): ChartBar => {
    const passWidth = (room * Math.max(0, r.allowed)) / most;
    const failWidth = (room * Math.max(0, r.denied)) / most;
    const failInside = failWidth >= minText;
    return {
      id: r.id,
      label: r.label,
      y: i * (barHeight + gap),
      passWidth,
      failWidth,
      passText: r.allowed > 0 ? String(r.allowed) : null,
      failText: r.denied > 0 ? `✗ ${r.denied}` : null,
      failTextX: failInside ? x0 + passWidth + failWidth / 2 : x0 + passWidth + failWidth + 6,
      failTextInside: failInside,
      passTextInside: passWidth >= minText,
    };
  });
  const height = rows.length === 0 ? 0 : rows.length * (barHeight + gap) - gap;
  return { width: size.width, height, x0, barHeight, bars };
}
