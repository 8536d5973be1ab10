import { formatIdMap, type NamespaceOf } from '../sim/kernel/namespaces.ts';
import { findContainer, type ContainerRecord } from '../sim/stack/containers.ts';
import { PODMAN_DEFAULT_CAPS } from '../sim/stack/podmanCaps.ts';
import type { HostState } from './controlTypes.ts';
import { goTemplate, removed, statusCell, stopped, type Printed } from './dockerAdmin.ts';

/**
 * podman's ps, inspect, stop and rm on the containers podman made (docker's
 * are not podman's: each engine has its own store). Output as podman prints
 * it: tables through containers/common's tabwriter (minimum width 12,
 * padding 2), inspect as JSON indented by five spaces, errors as `Error: …`.
 * @see containers/podman cmd/podman/containers/ps.go (psReporter), rm.go, stop.go; cmd/podman/inspect/inspect.go; cmd/podman/utils/utils.go PrintGenericJSON; cmd/podman/utils/error.go PrintErrors
 * @see containers/container-libs common/pkg/report/writer.go NewWriterDefault
 */

/** Go's text/tabwriter with minwidth 12, padding 2: each column as wide as its widest cell plus 2, the last cell unpadded. */
export function podmanTable(rows: string[][]): string {
  const cols = Math.max(0, ...rows.map((r) => r.length - 1));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(12, ...rows.map((r) => (r[i] ?? '').length + 2)));
  return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('')).join('\n') + '\n';
}

const own = (state: HostState) => state.stack.containers.filter((c) => c.via === 'podman');

/** psReporter.Command: the command joined, cut to 17 characters and `...` unless --no-trunc. */
function commandCell(c: ContainerRecord): string {
  const text = c.spec.process.args.join(' ');
  return text.length > 17 ? `${text.slice(0, 17)}...` : text;
}

/** `podman ps`: with no --sort, the order of podman's state database, which is the order of creation. */
export function podmanPs(state: HostState, all: boolean, quiet: boolean, format?: string): Printed {
  const shown = own(state).filter((c) => all || c.status === 'running').sort((a, b) => a.seq - b.seq);
  if (quiet) return { state, stdout: shown.map((c) => `${c.id.slice(0, 12)}\n`).join(''), stderr: '', status: 0 };
  if (format !== undefined) return { state, stdout: shown.map((c) => `${goTemplate(format, psFields(c))}\n`).join(''), stderr: '', status: 0 };
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
    ...shown.map((c) => [c.id.slice(0, 12), c.image, commandCell(c), 'Less than a second ago', statusCell(c), '', c.name])];
  return { state, stdout: podmanTable(rows), stderr: '', status: 0 };
}

const psFields = (c: ContainerRecord): Record<string, unknown> => ({
  ID: c.id.slice(0, 12), Image: c.image, Command: commandCell(c), Names: c.name, Status: statusCell(c), State: c.status, Pid: c.status === 'running' ? c.pid : 0,
});

/** The user namespace's uid_map as /proc/PID/uid_map shows it, for the lab's own field. */
function uidMap(state: HostState, c: ContainerRecord): string {
  const proc = state.host.world.procs[c.pid];
  const ns = proc ? (state.host.world.namespaces[proc.ns.user] as NamespaceOf<'user'> | undefined) : undefined;
  return ns ? formatIdMap(ns.uidMap) : '';
}

/** conmon, the container's parent, while the container runs (podman omits the field when it is 0). */
function conmonPid(state: HostState, c: ContainerRecord): number | undefined {
  const ppid = c.status === 'running' ? state.host.world.procs[c.pid]?.ppid : undefined;
  return ppid !== undefined && state.host.world.procs[ppid]?.comm === 'conmon' ? ppid : undefined;
}

/** The fields of `podman inspect` that matter for isolation, named, ordered and shaped as podman's InspectContainerData. */
export function podmanInspectJson(state: HostState, c: ContainerRecord): Record<string, unknown> {
  const s = c.spec;
  const bounding = s.process.capabilities?.bounding ?? [];
  const defaults: readonly string[] = c.request.privileged ? bounding : PODMAN_DEFAULT_CAPS;
  const ns = (t: string) => s.linux.namespaces.find((n) => n.type === t);
  const r = s.linux.resources ?? {};
  return {
    Id: c.id, Path: s.process.args[0] ?? '', Args: s.process.args.slice(1),
    State: { OciVersion: s.ociVersion, Status: c.status, Running: c.status === 'running', Pid: c.status === 'running' ? c.pid : 0, ConmonPid: conmonPid(state, c), ExitCode: c.exitCode ?? 0 },
    ImageName: c.image, Name: c.name, OCIRuntime: c.runtimeName,
    EffectiveCaps: s.process.capabilities?.effective ?? [], BoundingCaps: bounding,
    Config: { Hostname: s.hostname ?? '', User: c.request.user ?? '', Env: s.process.env, Image: c.image },
    HostConfig: {
      CgroupManager: 'systemd', CgroupParent: 'user.slice', NetworkMode: !ns('network') ? 'host' : ns('network')?.path ? 'pasta' : 'none',
      CapAdd: bounding.filter((x) => !defaults.includes(x)), CapDrop: defaults.filter((x) => !bounding.includes(x)).sort(),
      PidMode: ns('pid') ? 'private' : 'host', Privileged: c.request.privileged, ReadonlyRootfs: s.root.readonly === true,
      UsernsMode: '', Runtime: 'oci', Memory: r.memory?.limit ?? 0, NanoCpus: Math.round(((r.cpu?.quota ?? 0) / (r.cpu?.period ?? 100000)) * 1e9), PidsLimit: r.pids?.limit ?? 0,
    },
    // Not podman's: what the lab read from the kernel, so the rootless mapping is in view.
    IsolationLab: { UidMap: uidMap(state, c), Seccomp: s.linux.seccomp ? "podman's default profile" : 'off' },
  };
}

export function podmanInspect(state: HostState, refs: readonly string[], format?: string): Printed {
  const found = refs.map((ref) => ({ ref, c: findContainer(state.stack, ref, 'podman') }));
  const records = found.flatMap((f) => ('error' in f.c ? [] : [f.c]));
  const errors = found.filter((f) => 'error' in f.c).map((f) => `no such object: ${JSON.stringify(f.ref)}`);
  const data = records.map((c) => podmanInspectJson(state, c));
  const stdout = format !== undefined ? data.map((d) => `${goTemplate(format, d)}\n`).join('') : `${JSON.stringify(data, null, 5)}\n`;
  // Inspect prints every error after the first bare, and returns the first for podman to print as `Error: …`.
  const stderr = errors.length ? `${errors.slice(1).map((e) => `${e}\n`).join('')}Error: ${errors[0] ?? ''}\n` : '';
  return { state, stdout, stderr, status: errors.length ? 125 : 0 };
}

const notFound = (ref: string) => `no container with name or ID ${JSON.stringify(ref)} found: no such container`;

/**
 * `podman stop`: SIGTERM, then SIGKILL after the timeout (10 s by default).
 * A shell as pid 1 ignores SIGTERM (the kernel drops signals a namespace's
 * init does not handle), so it takes the timeout, podman warns, and it exits 137.
 * @see containers/podman libpod/oci_conmon_common.go StopContainer ("StopSignal %s failed to stop container %s in %d seconds, resorting to SIGKILL")
 */
export function podmanStop(state: HostState, refs: readonly string[], timeout = 10): Printed {
  const found = refs.map((ref) => ({ ref, c: findContainer(state.stack, ref, 'podman') }));
  const missing = found.find((f) => 'error' in f.c);
  if (missing) return { state, stdout: '', stderr: `Error: ${notFound(missing.ref)}\n`, status: 125 };
  let cur = state;
  let out = '';
  let warn = '';
  for (const { ref, c } of found) {
    if ('error' in c) continue;
    if (c.status === 'running') {
      if (timeout > 0) warn += `WARN[${String(timeout).padStart(4, '0')}] StopSignal SIGTERM failed to stop container ${c.name} in ${timeout} seconds, resorting to SIGKILL\n`;
      cur = stopped(cur, c, 137);
    }
    out += `${ref}\n`;
  }
  return { state: cur, stdout: out, stderr: warn, status: 0 };
}

/**
 * `podman rm`: a running container needs --force. Exit 1 when a container
 * does not exist, 2 when one is running (rm.go setExitCode).
 * @see containers/podman libpod/container_internal.go checkReadyForRemoval; libpod/sqlite_state.go (no container with name or ID)
 */
export function podmanRm(state: HostState, refs: readonly string[], force: boolean): Printed {
  const found = refs.map((ref) => ({ ref, c: findContainer(state.stack, ref, 'podman') }));
  const missing = found.find((f) => 'error' in f.c);
  if (missing) return { state, stdout: '', stderr: `Error: ${notFound(missing.ref)}\n`, status: 1 };
  let cur = state;
  let out = '';
  const errors: string[] = [];
  for (const { ref, c } of found) {
    if ('error' in c) continue;
    if (c.status === 'running' && !force) {
      errors.push(`cannot remove container ${c.id} as it is running - running or paused containers cannot be removed without force: container state improper`);
      continue;
    }
    if (c.status === 'running') cur = stopped(cur, c, 137);
    cur = { ...cur, stack: removed(cur.stack, c.id) };
    out += `${ref}\n`;
  }
  return { state: cur, stdout: out, stderr: errors.map((e) => `Error: ${e}\n`).join(''), status: errors.length ? 2 : 0 };
}
