/**
 * Every flag `podman run` defines (the container-create flags, the network
 * flags and run's own), the root flags every podman command inherits, and
 * the flag aliases podman normalises (`--net` → `--network`).
 * @see containers/podman cmd/podman/common/create.go DefineCreateFlags(); common/netflags.go DefineNetFlags(); containers/run.go runFlags()
 * @see containers/podman cmd/podman/root.go rootFlags(); cmd/podman/utils/alias.go AliasFlags()
 */
import { flags, type FlagSpec } from './flagParser.ts';
import { parseGoFloat, parseGoInt, parseGoUint } from './goStrconv.ts';

type Check = (v: string) => string | null;
const int64: Check = (v) => { const r = parseGoInt(v, 64); return r.ok ? null : r.cause; };
const uint64: Check = (v) => { const r = parseGoUint(v, 64); return r.ok ? null : r.cause; };
const float64: Check = (v) => { const r = parseGoFloat(v); return r.ok ? null : r.cause; };

const BOOLS = ['detach|d', 'disable-content-trust', 'env-host', 'http-proxy', 'init', 'interactive|i', 'no-healthcheck',
  'oom-kill-disable', 'privileged', 'publish-all|P', 'quiet|q', 'read-only', 'read-only-tmpfs', 'replace', 'rm', 'rootfs',
  'tty|t', 'unsetenv-all', 'no-hostname', 'no-hosts', 'sig-proxy', 'rmi', 'passwd'];

const STRINGS = ['annotation', 'arch', 'attach|a', 'authfile', 'blkio-weight', 'blkio-weight-device', 'cap-add', 'cap-drop',
  'cert-dir', 'cgroup-conf', 'cgroup-parent', 'cgroupns', 'cgroups', 'chrootdirs', 'cidfile', 'conmon-pidfile', 'cpuset-cpus',
  'cpuset-mems', 'creds', 'decryption-key', 'device', 'device-cgroup-rule', 'device-read-bps', 'device-read-iops',
  'device-write-bps', 'device-write-iops', 'entrypoint', 'env|e', 'env-file', 'env-merge', 'expose', 'gidmap', 'gpus',
  'group-add', 'group-entry', 'health-cmd', 'health-interval', 'health-log-destination', 'health-on-failure',
  'health-start-period', 'health-startup-cmd', 'health-startup-interval', 'health-startup-timeout', 'health-timeout',
  'hostname|h', 'hostuser', 'image-volume', 'init-path', 'ipc', 'kernel-memory', 'label|l', 'label-file', 'log-driver',
  'log-opt', 'memory|m', 'memory-reservation', 'memory-swap', 'mount', 'name', 'os', 'passwd-entry', 'personality', 'pid',
  'pidfile', 'platform', 'pod', 'pod-id-file', 'pull', 'rdt-class', 'requires', 'restart', 'retry-delay', 'sdnotify',
  'seccomp-policy', 'secret', 'security-opt', 'shm-size', 'shm-size-systemd', 'signature-policy', 'stop-signal',
  'subgidname', 'subuidname', 'sysctl', 'systemd', 'tmpfs', 'tz', 'uidmap', 'ulimit', 'umask', 'unsetenv', 'user|u',
  'userns', 'uts', 'variant', 'volume|v', 'volumes-from', 'workdir|w', 'detach-keys', 'preserve-fd',
  // network flags
  'add-host', 'hosts-file', 'dns', 'dns-option', 'dns-search', 'ip', 'ip6', 'mac-address', 'network', 'network-alias', 'publish|p'];

/** The root's persistent flags: `podman --runtime runsc run …` and `podman run --runtime runsc …` both work. */
export const PODMAN_GLOBAL_FLAGS: readonly FlagSpec[] = [
  ...flags('value', ['cgroup-manager', 'cpu-profile', 'memory-profile', 'conmon', 'network-config-dir', 'default-mounts-file',
    'events-backend', 'hooks-dir', 'cdi-spec-dir', 'namespace', 'network-backend', 'root', 'registries-conf', 'runroot',
    'imagestore', 'pull-option', 'runtime', 'storage-driver', 'tmpdir', 'volumepath', 'storage-opt', 'log-level', 'runtime-flag']),
  ...flags('value', ['max-workers'], int64),
  ...flags('bool', ['transient-store', 'trace', 'syslog', 'help']),
];

export const PODMAN_RUN_FLAGS: readonly FlagSpec[] = [
  ...flags('bool', BOOLS),
  ...flags('value', STRINGS),
  ...flags('value', ['cpus'], float64),
  ...flags('value', ['pids-limit', 'cpu-quota', 'cpu-rt-runtime', 'memory-swappiness', 'oom-score-adj'], int64),
  ...flags('value', ['cpu-period', 'cpu-rt-period', 'cpu-shares|c', 'stop-timeout', 'timeout', 'health-max-log-count',
    'health-max-log-size', 'health-retries', 'health-startup-retries', 'health-startup-success', 'retry', 'preserve-fds'], uint64),
];

/** AliasFlags: old or Docker spellings podman accepts for a flag. */
export const PODMAN_ALIASES: Readonly<Record<string, string>> = {
  'dns-opt': 'dns-option', 'healthcheck-command': 'health-cmd', 'healthcheck-interval': 'health-interval',
  'healthcheck-retries': 'health-retries', 'healthcheck-start-period': 'health-start-period', 'healthcheck-timeout': 'health-timeout',
  net: 'network', 'override-arch': 'arch', 'override-os': 'os', 'override-variant': 'variant',
};

/** The flags podmanRun.ts turns into RunRequest fields. */
export const PODMAN_MODELLED: ReadonlySet<string> = new Set(['detach', 'interactive', 'tty', 'rm', 'privileged', 'read-only',
  'name', 'hostname', 'user', 'workdir', 'entrypoint', 'env', 'cap-add', 'cap-drop', 'security-opt', 'userns', 'pid', 'network',
  'volume', 'runtime', 'memory', 'cpus', 'pids-limit', 'help']);

export const PODMAN_BOOLS: ReadonlySet<string> = new Set([...PODMAN_RUN_FLAGS, ...PODMAN_GLOBAL_FLAGS].filter((f) => f.kind === 'bool').map((f) => f.name));
