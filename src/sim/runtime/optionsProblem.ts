/**
 * Why a runtime's settings are refused, as data, so the lab can word its own
 * sentences in each language (src/store/optionsProblems.ts); the English here
 * is what `isolab` prints, word for word. `refused` carries a runtime's own
 * words (Kata's config loader, src/sim/kata/options.ts), which stay as the
 * real tool prints them in every language.
 */
export type OptionsProblem =
  /** `hint`: the closest key, if any; `keys`: the runtime's keys. */
  | { type: 'no-option'; runtime: string; key: string; hint: string | null; keys: string[] }
  | { type: 'bad-value'; key: string; values: string[]; value: string }
  | { type: 'refused'; runtime: string; text: string };

/** The problem in English. */
export function optionsProblemText(p: OptionsProblem): string {
  switch (p.type) {
    case 'no-option': {
      const mean = p.hint !== null ? ` (did you mean --${p.hint}?)` : '';
      const keys = p.keys.map((k) => `--${k}`);
      return `${p.runtime} has no option --${p.key}${mean}; ${keys.length ? `its options: ${keys.join(', ')}` : 'it takes no options'}`;
    }
    case 'bad-value': return `--${p.key} takes ${p.values.join(', ')}, not '${p.value}'`;
    case 'refused': return `${p.runtime}: ${p.text}`;
  }
}
