import { closest } from '../text/closest.ts';
import type { RuntimeModel, RuntimeOptions } from './types.ts';

export type OptionsResult = { ok: true; value: RuntimeOptions } | { ok: false; message: string };

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
      const keys = model.options.map((o) => `--${o.key}`);
      const hint = closest(key, model.options.map((o) => o.key));
      const mean = hint.length ? ` (did you mean --${hint[0]}?)` : '';
      return { ok: false, message: `${model.id} has no option --${key}${mean}; ${keys.length ? `its options: ${keys.join(', ')}` : 'it takes no options'}` };
    }
    if (!spec.values.includes(v)) return { ok: false, message: `--${key} takes ${spec.values.join(', ')}, not '${v}'` };
    value[key] = v;
  }
  const problem = model.checkOptions?.(value);
  if (problem) return { ok: false, message: `${model.id}: ${problem}` };
  return { ok: true, value };
}

/** The resolved options, for boot functions: throws on bad options (a programmer error once callers checked them). */
export function optionsOrThrow(model: Pick<RuntimeModel, 'id' | 'options' | 'checkOptions'>, given?: RuntimeOptions): RuntimeOptions {
  const r = resolveOptions(model, given);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
