import { bootHost, HOST_SHELL_PID } from '../kernel/boot.ts';
import { linuxRuntime } from './linuxRuntime.ts';

/** A root shell on the host: the initial namespaces, every capability, no seccomp filter. */
export const HOST = linuxRuntime({
  id: 'host',
  label: 'Host (no isolation)',
  summary: 'a root shell on the host: the initial namespaces, every capability, no seccomp filter',
  boot: () => ({ runtime: 'host', world: bootHost(), pid: HOST_SHELL_PID, options: {} }),
}, null, 'the root shell (no seccomp filter)');
