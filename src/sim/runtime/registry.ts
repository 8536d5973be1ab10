import { HOST } from './host.ts';
import { RUNC } from './runc.ts';
import { GVISOR } from './gvisor.ts';
import { NABLA } from './nabla.ts';
import { UNIKERNEL_HVT } from './unikernelHvt.ts';
import { FIRECRACKER } from './firecracker.ts';
import { LIGHTVM } from './lightvm.ts';
import { KATA } from './kata.ts';
import type { RuntimeId, RuntimeModel } from './types.ts';

/** Every runtime the lab models. A new runtime is a model file plus its machine, listed here. */
export const RUNTIMES: readonly RuntimeModel[] = [HOST, RUNC, GVISOR, KATA, NABLA, UNIKERNEL_HVT, FIRECRACKER, LIGHTVM];

export const RUNTIME_IDS: readonly RuntimeId[] = RUNTIMES.map((r) => r.id);

export function findRuntime(id: string): RuntimeModel | undefined {
  return RUNTIMES.find((r) => r.id === id);
}
