import type { Localized } from '../text/language.ts';
import type { EscapeOutcome } from './classify.ts';

/**
 * A cell of the escape matrix: the outcome read from the run, or
 * not-applicable when the runtime cannot be set up the way the attack needs
 * (with why, and what the attack did on the runtime's default boot anyway).
 */
export type EscapeVerdict = EscapeOutcome | { type: 'not-applicable'; why: Localized; ran: EscapeOutcome | null };

export type EscapeVerdictType = EscapeVerdict['type'];

export const VERDICT_TYPES: readonly EscapeVerdictType[] = ['stopped', 'contained', 'through', 'not-applicable'];
