import { closest } from '../text/closest.ts';
import { optionsProblemText, type OptionsProblem } from './optionsProblem.ts';
import type { RuntimeModel, RuntimeOptions } from './types.ts';

/** A refusal has its English `message` and the same `problem` as data (for the page's language). */
export type OptionsResult = { ok: true; value: RuntimeOptions } | { ok: false; message: string; problem: OptionsProblem };

const refuse = (problem: OptionsProblem): OptionsResult => ({ ok: false, message: optionsProblemText(problem), problem });

/**
 * Checks settings against a runtime's options and fills in the defaults. A
 * key the runtime does not have, or a value it does not take, comes back as a
 * message that names the choices.
 */
export function resolveOptions(model: Pick<RuntimeModel, 'id' | 'options' | 'checkOptions'>, given: RuntimeOptions = {}): OptionsResult {
  const value: Record<string, string> = {};
  for (const o of model.options) value[o.key] = o.default;
  for (const [key, v] of Object.entries(given)) {
    const spec = model.options.find((o) => o.key === key);
    if (!spec) {
      const keys = model.options.map((o) => o.key);
      return refuse({ type: 'no-option', runtime: model.id, key, hint: closest(key, keys)[0] ?? null, keys });
    }
    if (!spec.values.includes(v)) return refuse({ type: 'bad-value', key, values: [...spec.values], value: v });
    value[key] = v;
  }
  const problem = model.checkOptions?.(value);
  if (problem) return refuse({ type: 'refused', runtime: model.id, text: problem });
  return { ok: true, value };
}

/** The resolved options, for boot functions: throws on bad options (a programmer error once callers checked them). */
export function optionsOrThrow(model: Pick<RuntimeModel, 'id' | 'options' | 'checkOptions'>, given?: RuntimeOptions): RuntimeOptions {
  const r = resolveOptions(model, given);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
