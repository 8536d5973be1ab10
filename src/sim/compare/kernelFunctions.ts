import type { RuntimeId, RuntimeOptions } from '../runtime/types.ts';

/**
 * How many distinct host kernel functions a workload touched under each
 * runtime (ftrace of the steady state, interrupts filtered; read from the
 * Nabla team's bar chart, ±5): the one published count of host kernel code
 * reached. Per application, not per call. Only the runtime settings that were
 * measured have figures (gVisor's systrap platform came later).
 */
export interface KernelFunctionCount {
  app: 'node-express' | 'redis-test' | 'python-tornado';
  functions: number;
  /** The measurement id in published_measurements.json. */
  id: string;
}

const APPS = ['node-express', 'redis-test', 'python-tornado'] as const;

const COUNTS: Readonly<Record<string, readonly [number, number, number]>> = {
  runc: [498, 385, 535],
  gvisor_ptrace: [328, 290, 280],
  gvisor_kvm: [472, 358, 438],
  kata_qemu: [280, 330, 267],
  kata_fc: [380, 412, 365],
  nabla: [155, 157, 157],
};

/** The measured setting a runtime with these options corresponds to, if any. */
function measuredAs(runtime: RuntimeId, options: RuntimeOptions): string | null {
  if (runtime === 'runc' || runtime === 'nabla') return runtime;
  if (runtime === 'gvisor') return options.platform === 'ptrace' ? 'gvisor_ptrace' : options.platform === 'kvm' ? 'gvisor_kvm' : null;
  if (runtime === 'kata') return options.hypervisor === 'qemu' ? 'kata_qemu' : options.hypervisor === 'firecracker' ? 'kata_fc' : null;
  return null;
}

export function kernelFunctionCounts(runtime: RuntimeId, options: RuntimeOptions): KernelFunctionCount[] {
  const key = measuredAs(runtime, options);
  const counts = key ? COUNTS[key] : undefined;
  if (!key || !counts) return [];
  return APPS.map((app, i) => ({ app, functions: counts[i] ?? 0, id: `nabla-kfuncs-${app}-${key}` }));
}
