import type { RuntimeId, RuntimeOptions } from '../runtime/types.ts';

/**
 * How long each runtime takes to start a workload, as published: what
 * `isolab compare` prints beside the per-call costs. Figures come from
 * different papers and machines; those from one source (the Unikraft
 * EuroSys'21 artifact: Docker, Linux on Firecracker, Rumprun on Solo5) can be
 * set side by side, the others only with their conditions.
 */
export interface StartupFigure {
  ms: number;
  /** Id in published_measurements.json. */
  id: string;
  what: string;
}

const UK21 = 'Unikraft EuroSys\'21 artifact, i7-9700K';

export function startupFigures(runtime: RuntimeId, options: RuntimeOptions): StartupFigure[] {
  switch (runtime) {
    case 'host': return [];
    case 'runc': return [
      { ms: 66.3, id: 'uk21-boot-docker', what: `Docker hello-world, container start to exit (${UK21})` },
      { ms: 1193, id: 'gvisor-perfguide-startup-empty-runc', what: "docker run alpine true, whole command (gVisor performance guide, GCE n1-standard-4)" },
    ];
    case 'gvisor': return [{ ms: 1144, id: 'gvisor-perfguide-startup-empty-runsc', what: "docker run --runtime=runsc alpine true, whole command (gVisor performance guide, GCE n1-standard-4, ptrace platform)" }];
    case 'nabla':
    case 'unikernel-hvt': return [{ ms: 14.4, id: 'uk21-boot-rumprun-solo5', what: `Rumprun on Solo5, boot (${UK21})` }];
    case 'kata': return kataStartup(options.hypervisor);
    case 'firecracker': return [
      { ms: 331.6, id: 'uk21-boot-linux-on-firecracker', what: `an Alpine Linux guest on Firecracker, guest boot (${UK21})` },
      { ms: 125, id: 'fc-spec-boot', what: 'InstanceStart to guest /sbin/init, minimal kernel and rootfs (Firecracker specification, upper bound)' },
    ];
    case 'lightvm': return [{ ms: 2.3, id: 'lightvm-boot', what: 'create and boot a minimal unikernel on Xen with noxs and chaos (LightVM, SOSP\'17 abstract)' }];
  }
}

function kataStartup(hypervisor: string | undefined): StartupFigure[] {
  if (hypervisor === 'clh') return [{ ms: 390, id: 'kata-ci-boot-clh', what: 'container lifecycle to workload, Cloud Hypervisor (Kata CI acceptance midvalue, -40%/+50%)' }];
  if (hypervisor === 'qemu') return [{ ms: 710, id: 'kata-ci-boot-qemu', what: 'container lifecycle to workload, QEMU (Kata CI acceptance midvalue, -40%/+30%)' }];
  return [];
}
