import { bootTinyx, bootUnikernel } from '../lightvm/guest.ts';
import { LIGHTVM_LAYERS } from '../lightvm/layers.ts';
import { lightvmSurface } from '../lightvm/surface.ts';
import { LIGHTVM_BOOT } from '../lightvm/boot.ts';
import { LIGHTVM_FIGURES } from '../lightvm/costs.ts';
import { lightvmVerdicts, unikernelClassify } from '../lightvm/verdicts.ts';
import { optionsOrThrow } from './options.ts';
import type { RuntimeModel, RuntimeOption } from './types.ts';

/**
 * LightVM's guest kinds (Manco et al., SOSP 2017): unikernels built on
 * Mini-OS, and Tinyx, trimmed Linux VMs made for one application.
 * @see https://github.com/sysml/lightvm/blob/17a471ac0d1e1161e4f3b4dcf8f03356f14b8327/README.md ("both Linux and Mini-OS based guests")
 */
const OPTIONS: readonly RuntimeOption[] = [
  { key: 'guest', values: ['unikernel', 'tinyx'], default: 'unikernel', description: 'The guest: a Mini-OS unikernel (one address space; calls are function calls into Mini-OS) or a Tinyx VM (a trimmed Linux kernel; syscalls land in it).' },
];

/** A guest on Xen with LightVM's chaos toolstack and noxs: a unikernel or a Tinyx VM, with split-driver I/O to Dom0. */
export const LIGHTVM: RuntimeModel = {
  id: 'lightvm',
  label: 'LightVM (Xen, chaos + noxs)',
  summary: "a Mini-OS unikernel or a Tinyx VM on Xen: calls stay in the guest; I/O goes over split-driver rings and event-channel hypercalls to backends in Dom0's kernel, with no user-space VMM",
  layers: LIGHTVM_LAYERS,
  options: OPTIONS,
  // The default guest, a unikernel, is its own library OS; a Tinyx guest is served by its guest kernel.
  servedBy: 'libos',
  boot: (boot) => {
    const options = optionsOrThrow(LIGHTVM, boot?.options);
    const { world, pid } = options.guest === 'tinyx' ? bootTinyx(boot) : bootUnikernel();
    return { runtime: 'lightvm', world, pid, options };
  },
  classify: unikernelClassify,
  // Replay classifies by name alone: Mini-OS's table never looks at arguments.
  argDependent: () => false,
  verdicts: (options) => lightvmVerdicts(optionsOrThrow(LIGHTVM, options)),
  surface: (options) => lightvmSurface(optionsOrThrow(LIGHTVM, options)),
  // Only the whole boot has a figure, and only from the paper's abstract.
  bootSteps: () => LIGHTVM_BOOT.map((s) => {
    const f = LIGHTVM_FIGURES.find((x) => x.id === s.figure?.id && x.unit === 'ms');
    return { by: s.by, what: s.what, ...(f ? { figure: { ms: f.value, id: f.id, note: f.what } } : {}) };
  }),
};
