import { padCells } from './cells.ts';
import type { TranscriptLine } from './views.ts';
import { escapeRow, escapeView, type EscapeCellView, type EscapeScenarioView } from './escapes.ts';
import { ESCAPES } from '../sim/escapes/index.ts';
import type { Language } from '../sim/text/language.ts';
import { translator, type Translate } from './localize.ts';
import { escapesText } from './storeTextMessages.ts';

/**
 * The `escapes [SCENARIO]` lab command: the escape matrix in the terminal
 * (a word per cell, not colour alone), or one scenario's cells with their
 * gate and sentence. Prints through the store like every lab command, in
 * the page's language; scenario ids, CVE ids, layer ids, errno names and
 * the hop notes inside the sentences stay as the model prints them.
 */
export interface EscapesApi {
  getState: () => { print: (lines: TranscriptLine[]) => void; openEscapes?: () => void; language?: Language };
}

type T = Translate<keyof typeof escapesText>;
const WORD_KEY = { stopped: 'stopped', contained: 'contained', through: 'through', 'not-applicable': 'notApplicable' } as const satisfies Record<EscapeCellView['outcome'], keyof typeof escapesText>;
const word = (t: T, o: EscapeCellView['outcome']) => t(WORD_KEY[o]);
const line = (kind: TranscriptLine['kind'], text: string): TranscriptLine => ({ kind, text });

/** One scenario's runtimes grouped by outcome: `THROUGH: host, runc · contained: gvisor, kata`. Reads in a narrow terminal too. */
function groups(s: EscapeScenarioView, t: T): string {
  const order: readonly EscapeCellView['outcome'][] = ['through', 'contained', 'stopped', 'not-applicable'];
  return order
    .map((o) => ({ o, rs: s.cells.filter((c) => c.outcome === o).map((c) => `${c.runtime}${c.caveat ? '†' : ''}`) }))
    .filter((g) => g.rs.length > 0)
    .map((g) => t('group', { outcome: word(t, g.o), runtimes: g.rs.join(', ') }))
    .join(' · ');
}

/** The whole matrix as text: each scenario, then its runtimes grouped by outcome. */
export function matrixLines(language: Language = 'en'): TranscriptLine[] {
  const t = translator(escapesText, language);
  const v = escapeView();
  return [
    line('heading', t('heading')),
    ...v.scenarios.flatMap((s) => [
      line('stdout', `${s.id}${s.citation.cve ? ` (${s.citation.cve})` : ''}`),
      line(s.cells.some((c) => c.outcome === 'through' && c.runtime !== 'host') ? 'denied' : 'stdout', `  ${groups(s, t)}`),
    ]),
    line('info', t('legend')),
    line('info', t('caveatMark')),
    line('info', t('more', { list: ESCAPES.map((s) => s.id).join(', ') })),
  ];
}

/** One scenario: its citation, setup, attack, and each runtime's cell. */
export function scenarioLines(s: EscapeScenarioView, language: Language = 'en'): TranscriptLine[] {
  const t = translator(escapesText, language);
  return [
    line('heading', `${s.title[language]}  [${s.citation.cve ?? s.escapeClass}]`),
    line('info', t('source', { source: s.citation.source, url: s.citation.url })),
    line('stdout', t('setup', { flags: s.dockerFlags || t('defaults'), attack: s.attack.join('; ') })),
    ...s.cells.flatMap((c) => [
      line(c.outcome === 'through' ? 'denied' : 'stdout', `  ${c.runtime.padEnd(14)}${padCells(word(t, c.outcome), 10)}${(c.gate ?? '').padEnd(15)}${(c.errno ?? '').padEnd(7)}${c.sentence[language]}`),
      ...(c.caveat ? [line('info', t('caveat', { text: c.caveat[language] }))] : []),
    ]),
    line('info', t('simplified', { text: s.simplifies[language] })),
  ];
}

export function runEscapes(api: EscapesApi, args: readonly string[]): void {
  const [id] = args;
  const language = api.getState().language ?? 'en';
  const print = (lines: TranscriptLine[]) => api.getState().print(lines);
  if (!id) {
    print(matrixLines(language));
    api.getState().openEscapes?.();
    return;
  }
  const row = escapeRow(id);
  if (!row) return print([line('error', translator(escapesText, language)('unknown', { id, list: ESCAPES.map((s) => s.id).join(', ') }))]);
  print(scenarioLines(row, language));
  api.getState().openEscapes?.();
}
