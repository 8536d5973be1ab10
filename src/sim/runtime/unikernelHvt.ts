import { NABLA_BOOT } from '../nabla/costs.ts';
import { HVT_LAYERS } from '../nabla/layers.ts';
import { libosArgDependent, libosClassify, libosSurface, libosVerdicts } from '../nabla/libosVerdicts.ts';
import { bootLibOsWorld } from '../nabla/libosWorld.ts';
import { tenderFor } from '../nabla/tender.ts';
import { optionsOrThrow } from './options.ts';
import type { RuntimeModel, RuntimeOption } from './types.ts';

/**
 * The same unikernel (rumprun) as a KVM guest under solo5-hvt, for
 * comparison with Nabla's spt: a Solo5 call is a VM exit (an outl to I/O
 * port 0x500 + nr) that the hvt tender serves with host syscalls, then
 * resumes the vCPU with ioctl(KVM_RUN). The tender's own seccomp filter on
 * Linux arrived in Solo5 v0.11.0; before, it ran unfiltered.
 * @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/tenders/hvt/hvt_seccomp_linux.c
 * @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/tenders/hvt/hvt_kvm_x86_64.c (KVM_EXIT_IO → hypercall handlers)
 */
const OPTIONS: readonly RuntimeOption[] = [{
  key: 'solo5',
  values: ['v0.12.1', 'v0.10.1'],
  default: 'v0.12.1',
  description: "The Solo5 release of the hvt tender: v0.12.1 installs a seccomp filter on itself (18 syscalls, no argument checks, kill on anything else; since v0.11.0); v0.10.1 and earlier run the tender with no filter on Linux.",
}];

const defaults = (given?: Readonly<Record<string, string>>) => optionsOrThrow({ id: 'unikernel-hvt', options: OPTIONS }, given);

export const UNIKERNEL_HVT: RuntimeModel = {
  id: 'unikernel-hvt',
  label: 'Unikernel (rumprun on solo5-hvt, KVM)',
  summary: "the same rumprun unikernel as a KVM guest under Solo5's hvt tender: library-OS calls inside the guest, hypercalls as VM exits the tender serves",
  layers: HVT_LAYERS,
  options: OPTIONS,
  servedBy: 'libos',
  boot: (b) => {
    const options = defaults(b?.options);
    // Rumprun's boot on Solo5 (uk21-boot-rumprun-solo5); solo5-hvt's own part, start to first guest
    // instruction, is 2.92 ms of it (uk21-vmm-boot-solo5-hvt), so it is not added again.
    const { world, pid } = bootLibOsWorld(NABLA_BOOT.rumprunSolo5.ns);
    return { runtime: 'unikernel-hvt', world, pid, options };
  },
  classify: libosClassify,
  verdicts: () => libosVerdicts(),
  argDependent: libosArgDependent,
  surface: (o) => libosSurface(tenderFor('unikernel-hvt', defaults(o))),
};
