/**
 * Why a member of a seccomp profile is wrong, as data beside the validator's
 * English `detail` (jsonFields.ts Problem), so the profile editor can word it
 * in the page's language (src/store/seccompProblems.ts). Names, values and
 * JSON paths stay as the profile has them.
 */
export type JsonKind = 'null' | 'true' | 'false' | 'string' | 'number' | 'array' | 'object';

export type RangeWhat = 'an integer' | 'an errno number' | 'an argument index' | 'an unsigned 64-bit integer';
export type EnumWhat = 'action' | 'architecture' | 'comparison operator';

export type FieldReason =
  | { type: 'expected'; want: 'object' | 'string' | 'array'; found: JsonKind }
  /** `found`: the number as written, or the kind of a value that is not a number. */
  | { type: 'range'; what: RangeWhat; max: string; found: { number: string } | { kind: JsonKind } }
  | { type: 'unknown-value'; what: EnumWhat; value: string; allowed: readonly string[] }
  /** `explained`: the English gave what the member is for (defaultAction, names). */
  | { type: 'missing'; key: string; explained: boolean }
  | { type: 'not-an-object'; found: JsonKind }
  | { type: 'both-arch' }
  | { type: 'both-name' }
  | { type: 'empty-name' }
  | { type: 'args-not-array' }
  | { type: 'kernel-not-string' }
  | { type: 'kernel-invalid'; value: string }
  | { type: 'kernel-zero' };
