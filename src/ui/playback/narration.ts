import type { Entry } from '../../store/labStore.ts';

/**
 * What the narration reads aloud for a playback position: the hop's place in
 * the call, its layer, the verdict and the hop's own sentence. Pure, so the
 * exact words are tested; Narration.tsx only puts them in a live region.
 */
export function narrationText(entry: Entry | undefined, call: number, hop: number): string {
  if (!entry) return 'Nothing played yet: run a syscall or a command to watch its path.';
  if (entry.run.type === 'refused') return `“${entry.input}” did not run: ${entry.run.message}`;
  const calls = entry.run.calls;
  if (calls.length === 0) return `“${entry.input}” made no system call.`;
  const c = clamp(call, calls.length);
  const row = calls[c];
  if (!row) return '';
  const prefix = calls.length > 1 ? `Call ${c + 1} of ${calls.length}, ${row.name}. ` : '';
  if (row.hops.length === 0) return `${prefix}${row.line}: no hops recorded.`;
  const h = clamp(hop, row.hops.length);
  const step = row.hops[h];
  if (!step) return prefix;
  const host = step.hostCall ? ` (host syscall: ${step.hostCall})` : '';
  const result = h === row.hops.length - 1 ? `. Result: ${row.line}` : '';
  return `${prefix}Hop ${h + 1} of ${row.hops.length}, ${step.layer}, ${step.verdict}: ${step.note}${host}${result}`;
}

const clamp = (i: number, length: number) => Math.min(Math.max(0, Number.isFinite(i) ? Math.floor(i) : 0), length - 1);
