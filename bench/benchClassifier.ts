// The classifiers the replay benchmarks use: each runtime model's own static
// classifier (src/sim/runtime/staticVerdicts.ts, reached through the registry
// as the CLI's `isolab replay` reaches it), so the figures measure the code a
// person actually runs.
import { findRuntime, RUNTIMES } from '../src/sim/runtime/registry.ts';
import type { RuntimeId, RuntimeModel } from '../src/sim/runtime/types.ts';
import type { ArgDependence } from '../src/sim/strace/replay.ts';
import type { StaticClassifier } from '../src/sim/trace.ts';

export interface BenchClassifier {
  id: RuntimeId;
  label: string;
  classify: StaticClassifier;
  /** Present: replay memoises the verdict of every name it does not flag. Absent: every call is classified. */
  argDependent?: ArgDependence;
}

const fromModel = (r: RuntimeModel): BenchClassifier => ({ id: r.id, label: r.label, classify: r.classify, argDependent: r.argDependent });

/** One runtime's classifier, by id (`runc`, `host`). */
export function runtimeClassifier(id: RuntimeId): BenchClassifier {
  const runtime = findRuntime(id);
  if (!runtime) throw new Error(`no runtime '${id}' in src/sim/runtime/registry.ts`);
  return fromModel(runtime);
}

/** Every runtime the lab models, in the registry's order. */
export function allClassifiers(): BenchClassifier[] {
  return RUNTIMES.map(fromModel);
}

/** The same classifier with memoisation off: every call pays for its own verdict. */
export function withoutMemo(c: BenchClassifier): BenchClassifier {
  return { id: c.id, label: `${c.label}, no memo`, classify: c.classify };
}
