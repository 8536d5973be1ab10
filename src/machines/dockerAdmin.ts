import { reap } from '../sim/kernel/reap.ts';
import type { Session } from '../sim/runtime/types.ts';
import { findContainer, withRecord, type ContainerRecord, type StackState } from '../sim/stack/containers.ts';
import { formatImagesTable, imagesTable } from '../sim/vfs/images/imagesTable.ts';
import { IMAGE_MTIME } from '../sim/kernel/boot.ts';
import type { HostState } from './controlTypes.ts';
import { imageByRef, imageInspectJson } from './dockerImages.ts';

/**
 * docker's other commands on the engines' state: ps, inspect, stop, rm,
 * images. Each returns what docker prints and its exit status.
 * @see docker/cli cli/command/container (list.go, inspect.go, stop.go, rm.go), cli/command/formatter
 */
export interface Printed {
  state: HostState;
  stdout: string;
  stderr: string;
  status: number;
}

/** Columns as docker's tabwriter lays them out: each as wide as its widest cell, three spaces between. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3))).join('').trimEnd()).join('\n') + '\n';
}

/** `"sh -c 'while …"`: the command quoted, cut to 20 characters with an ellipsis (docker ps without --no-trunc). */
function commandCell(c: ContainerRecord): string {
  const text = c.spec.process.args.join(' ');
  return JSON.stringify(text.length > 20 ? `${text.slice(0, 19)}…` : text);
}

/** STATUS as docker and podman print it (the lab's clock has run for less than a second). */
export function statusCell(c: ContainerRecord): string {
  if (c.status === 'running') return 'Up Less than a second';
  if (c.status === 'created') return 'Created';
  return `Exited (${c.exitCode ?? 0}) Less than a second ago`;
}

export function dockerPs(state: HostState, all: boolean, quiet: boolean): Printed {
  const shown = state.stack.containers.filter((c) => c.via === 'docker' && (all || c.status === 'running')).sort((a, b) => b.seq - a.seq);
  if (quiet) return { state, stdout: shown.map((c) => `${c.id.slice(0, 12)}\n`).join(''), stderr: '', status: 0 };
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
    ...shown.map((c) => [c.id.slice(0, 12), c.image, commandCell(c), 'Less than a second ago', statusCell(c), '', c.name])];
  return { state, stdout: table(rows), stderr: '', status: 0 };
}

/** The fields of `docker inspect` that matter for isolation, named and shaped as the Engine API returns them. */
export function inspectJson(c: ContainerRecord): Record<string, unknown> {
  const r = c.request;
  const caps = c.spec.process.capabilities?.bounding ?? [];
  return {
    Id: c.id, Path: c.spec.process.args[0] ?? '', Args: c.spec.process.args.slice(1),
    State: { Status: c.status, Running: c.status === 'running', Pid: c.status === 'running' ? c.pid : 0, ExitCode: c.exitCode ?? 0 },
    Image: c.imageRef, Name: `/${c.name}`,
    HostConfig: {
      Runtime: c.runtimeName, Privileged: r.privileged, CapAdd: r.capAdd.length ? r.capAdd : null, CapDrop: r.capDrop.length ? r.capDrop : null,
      SecurityOpt: securityOpt(c), NetworkMode: r.network === 'bridge' ? 'bridge' : r.network, PidMode: r.pid === 'host' ? 'host' : '',
      UsernsMode: r.userns === 'host' ? 'host' : '', ReadonlyRootfs: r.readOnly, Binds: r.volumes.length ? r.volumes.map((v) => `${v.host}:${v.container}${v.readOnly ? ':ro' : ''}`) : null,
      Memory: c.spec.linux.resources?.memory?.limit ?? 0, NanoCpus: Math.round(((c.spec.linux.resources?.cpu?.quota ?? 0) / (c.spec.linux.resources?.cpu?.period ?? 100000)) * 1e9),
      PidsLimit: c.spec.linux.resources?.pids?.limit ?? null, MaskedPaths: c.spec.linux.maskedPaths ?? [], ReadonlyPaths: c.spec.linux.readonlyPaths ?? [],
    },
    Config: { Hostname: c.spec.hostname ?? '', User: r.user ?? '', Image: c.image, Cmd: r.command.length ? r.command : null },
    // Not an Engine API field: what the lab read from the spec, so the effective capability count is in view.
    IsolationLab: { Capabilities: caps.length, Seccomp: c.spec.linux.seccomp ? 'on' : 'off' },
  };
}

function securityOpt(c: ContainerRecord): string[] | null {
  const out: string[] = [];
  if (c.request.seccomp.type === 'unconfined') out.push('seccomp=unconfined');
  if (c.request.seccomp.type === 'profile') out.push(`seccomp=${c.request.seccomp.path}`);
  if (c.request.noNewPrivileges) out.push('no-new-privileges');
  if (c.request.privileged) out.push('label=disable');
  return out.length ? out : null;
}

/** `docker inspect NAME|IMAGE…`: a container by name or id, else an image by reference (as docker tries both). */
export function dockerInspect(state: HostState, refs: readonly string[], format?: string): Printed {
  const found = refs.map((ref): Record<string, unknown> | string => {
    const c = findContainer(state.stack, ref);
    if (!('error' in c)) return inspectJson(c);
    const image = imageByRef(ref);
    const json = image ? imageInspectJson(image) : null;
    return json ?? (c.error.startsWith('No such container') ? `No such object: ${ref}` : c.error);
  });
  const errors = found.flatMap((f) => (typeof f === 'string' ? [`Error: ${f}\n`] : []));
  const objects = found.filter((f): f is Record<string, unknown> => typeof f !== 'string');
  const stdout = format !== undefined ? objects.map((o) => `${goTemplate(format, o)}\n`).join('') : objects.length ? `${JSON.stringify(objects, null, 4)}\n` : '[]\n';
  return { state, stdout, stderr: errors.join(''), status: errors.length ? 1 : 0 };
}

/** The Go templates people use with `-f`: `{{.HostConfig.Privileged}}`, `{{json .HostConfig.CapAdd}}`. */
export function goTemplate(format: string, data: Record<string, unknown>): string {
  return format.replace(/\{\{\s*(json\s+)?\.([\w.]*)\s*\}\}/g, (_, json: string | undefined, path: string) => {
    const value = path.split('.').filter(Boolean).reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
    if (json) return JSON.stringify(value ?? null);
    if (value === null || value === undefined) return '<no value>';
    return Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** The container's processes end; a runc container's leave the host's process table. */
export function stopped(state: HostState, c: ContainerRecord, exitCode: number): HostState {
  const record: ContainerRecord = { ...c, status: 'exited', exitCode };
  if (c.sandbox) return { ...state, stack: withRecord(state.stack, { ...record, sandbox: endSandbox(c.sandbox, c.pid) }) };
  const init = state.host.world.procs[c.pid];
  const world = init ? reap(state.host.world, init) : state.host.world;
  return { host: { ...state.host, world }, stack: withRecord(state.stack, record) };
}

function endSandbox(s: Session, pid: number): Session {
  const init = s.world.procs[pid];
  return init ? { ...s, world: reap(s.world, init) } : s;
}

/**
 * `docker stop`: SIGTERM, then SIGKILL after 10 s. A shell as pid 1 of its
 * namespace has no SIGTERM handler, and the kernel drops signals a
 * namespace's init does not handle, so it takes the ten seconds and exits 137.
 * @see pid_namespaces(7), docker/cli docs "docker container stop"
 */
export function dockerStop(state: HostState, refs: readonly string[]): Printed {
  return eachContainer(state, refs, (cur, c) => (c.status === 'running' ? stopped(cur, c, 137) : cur));
}

export function dockerRm(state: HostState, refs: readonly string[], force: boolean): Printed {
  return eachContainer(state, refs, (cur, c) => {
    if (c.status === 'running' && !force) return `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`;
    const ended = c.status === 'running' ? stopped(cur, c, 137) : cur;
    return { ...ended, stack: removed(ended.stack, c.id) };
  });
}

/** Applies `act` to each container named, in order, as docker does: it prints each name done and the daemon's error for each refused. */
function eachContainer(state: HostState, refs: readonly string[], act: (cur: HostState, c: ContainerRecord) => HostState | string): Printed {
  let cur = state;
  let out = '';
  let err = '';
  for (const ref of refs) {
    const c = findContainer(cur.stack, ref);
    const next = 'error' in c ? c.error : act(cur, c);
    if (typeof next === 'string') err += `Error response from daemon: ${next}\n`;
    else { cur = next; out += `${ref}\n`; }
  }
  return { state: cur, stdout: out, stderr: err, status: err ? 1 : 0 };
}

export const removed = (stack: StackState, id: string): StackState => ({ ...stack, containers: stack.containers.filter((c) => c.id !== id) });

/** `docker images`: the lab's images, as the classic table prints them (imagesTable.ts). */
export function dockerImages(state: HostState): Printed {
  return { state, stdout: formatImagesTable(imagesTable(IMAGE_MTIME)), stderr: '', status: 0 };
}

