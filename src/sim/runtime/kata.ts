import { bootGuest } from '../kata/guest.ts';
import { KATA_LAYERS } from '../kata/layers.ts';
import { KATA_OPTIONS, kataOptionsProblem, kataSettings } from '../kata/options.ts';
import { kataSurface } from '../kata/surface.ts';
import { kataBootSequence } from '../kata/bootSequence.ts';
import { kataArgDependent, kataClassify, kataVerdicts } from '../kata/verdicts.ts';
import { optionsOrThrow } from './options.ts';
import type { RuntimeModel } from './types.ts';

/**
 * `docker run --runtime io.containerd.kata.v2`: the container runs in a
 * lightweight VM with its own guest kernel; its syscalls are the guest's,
 * and only shared-file, network and terminal I/O reaches the host, through
 * the VMM, virtiofsd and the shim.
 * @see https://github.com/kata-containers/kata-containers/tree/7c6ba40c54ea29b459b4997cff948caaba4e658b/docs/design/architecture
 */
export const KATA: RuntimeModel = {
  id: 'kata',
  label: 'Kata Containers',
  summary: "the container runs in a lightweight VM (QEMU, Cloud Hypervisor or Firecracker) with its own guest kernel; its syscalls never reach the host kernel, only its shared files, packets and terminal output do, through the VMM, virtiofsd and the shim",
  layers: KATA_LAYERS,
  options: KATA_OPTIONS,
  servedBy: 'guest',
  // Kata's own config loader refuses some combinations; so does the lab, with its words.
  checkOptions: kataOptionsProblem,
  boot: (boot) => {
    const options = optionsOrThrow(KATA, boot?.options);
    const { world, pid } = bootGuest(kataSettings(options), boot);
    return { runtime: 'kata', world, pid, options };
  },
  classify: kataClassify,
  argDependent: kataArgDependent,
  verdicts: (options) => kataVerdicts(optionsOrThrow(KATA, options)),
  surface: (options) => kataSurface(optionsOrThrow(KATA, options)),
  bootSteps: (options) => kataBootSequence(optionsOrThrow(KATA, options)).steps.map((s) => ({
    by: s.layer,
    what: s.note,
    ...(s.rpc ? { calls: [`${s.rpc.service}.${s.rpc.name}`] } : s.starts.length ? { calls: s.starts.map((p) => `starts ${p}`) } : {}),
    ...(s.source !== 'estimate' ? { figure: { ms: s.costNs / 1e6, id: s.source, note: 'the modelled share of this step' } } : {}),
  })),
};
