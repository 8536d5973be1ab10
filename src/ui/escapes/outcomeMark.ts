/**
 * The escape matrix's outcome marks: a shape as well as a colour and a word,
 * so a cell reads on a projector and for colour-blind viewers.
 */
export const OUTCOME_MARK = {
  stopped: '■',
  contained: '◆',
  through: '▲',
  'not-applicable': '–',
} as const;

export type OutcomeKind = keyof typeof OUTCOME_MARK;
