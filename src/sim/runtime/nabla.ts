import { NABLA_BOOT } from '../nabla/costs.ts';
import { NABLA_LAYERS } from '../nabla/layers.ts';
import { libosArgDependent, libosClassify, libosSurface, libosVerdicts } from '../nabla/libosVerdicts.ts';
import { bootLibOsWorld } from '../nabla/libosWorld.ts';
import { tenderFor } from '../nabla/tender.ts';
import { optionsOrThrow } from './options.ts';
import type { RuntimeModel, RuntimeOption } from './types.ts';

/**
 * Nabla containers: runnc runs the image's unikernel (the program linked with
 * rumprun, a NetBSD rump kernel as a library OS) in nabla-run, a Solo5 spt
 * tender: an ordinary host process that confines itself with a seccomp
 * filter of 7 host syscalls, argument-checked, before it jumps into the
 * unikernel. The program's syscalls are function calls into the libOS; only
 * the libOS's console, block, network and clock I/O reach the host.
 * @see https://github.com/nabla-containers/runnc/blob/ba0f41279361c0815a8b0ebb1650eba71b63ec21/README.md
 * @see https://github.com/Solo5/solo5/blob/469c1a8d935b503fa553aef152d1d57d095fa3a4/docs/architecture.md
 */
const OPTIONS: readonly RuntimeOption[] = [{
  key: 'tender',
  values: ['nabla-run', 'solo5-spt'],
  default: 'nabla-run',
  description: "The spt tender the unikernel runs in: nabla-run, what runnc builds from Solo5 v0.4.1-54 (2019; 7 syscalls, ppoll), or today's solo5-spt (9 syscalls: epoll_pwait and timerfd_settime instead of ppoll, plus arch_prctl(ARCH_SET_FS)).",
}];

const defaults = (given?: Readonly<Record<string, string>>) => optionsOrThrow({ id: 'nabla', options: OPTIONS }, given);

export const NABLA: RuntimeModel = {
  id: 'nabla',
  label: 'Nabla (rumprun on solo5-spt)',
  summary: 'a Nabla container: the program linked with a NetBSD rump kernel as its library OS, in a Solo5 spt tender process limited by seccomp to 7 host syscalls',
  layers: NABLA_LAYERS,
  options: OPTIONS,
  servedBy: 'libos',
  boot: (b) => {
    const options = defaults(b?.options);
    // The clock starts after rumprun's boot on Solo5 (uk21-boot-rumprun-solo5).
    const { world, pid } = bootLibOsWorld(NABLA_BOOT.rumprunSolo5.ns);
    return { runtime: 'nabla', world, pid, options };
  },
  classify: libosClassify,
  verdicts: () => libosVerdicts(),
  argDependent: libosArgDependent,
  surface: (o) => libosSurface(tenderFor('nabla', defaults(o))),
};
