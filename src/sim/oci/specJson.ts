import { goMap, marshalIndent, struct, type GoJson, type GoObject } from './goJson.ts';
import type {
  OciCapabilities, OciDevice, OciDeviceRule, OciHook, OciHooks, OciIdMapping, OciLinux, OciMount, OciProcess,
  OciResources, OciSeccomp, OciSpec,
} from './spec.ts';

/**
 * config.json text as `runc spec` writes it (json.MarshalIndent with a tab):
 * members in the order of the runtime-spec's Go structs, each omitted or
 * written as its `json` tag says (`omitempty`; pointers written when set,
 * even to 0, such as oomScoreAdj or a device rule's minor).
 * @see opencontainers/runc spec.go (json.MarshalIndent(spec, "", "\t"))
 * @see opencontainers/runtime-spec specs-go/config.go (as vendored by runc, v1.3.0)
 */

const strings = (xs: readonly string[] | undefined): GoJson | undefined => xs;
const list = <T>(xs: readonly T[] | undefined, f: (x: T) => GoJson): GoJson | undefined => xs?.map(f);

function capabilities(c: OciCapabilities): GoObject {
  return struct([
    ['bounding', strings(c.bounding), 'omitempty'], ['effective', strings(c.effective), 'omitempty'],
    ['inheritable', strings(c.inheritable), 'omitempty'], ['permitted', strings(c.permitted), 'omitempty'],
    ['ambient', strings(c.ambient), 'omitempty'],
  ]);
}

function process(p: OciProcess): GoObject {
  const user = struct([
    ['uid', p.user.uid, 'always'], ['gid', p.user.gid, 'always'], ['umask', p.user.umask, 'pointer'],
    ['additionalGids', p.user.additionalGids, 'omitempty'],
  ]);
  return struct([
    ['terminal', p.terminal, 'omitempty'], ['user', user, 'always'], ['args', strings(p.args), 'omitempty'],
    ['env', strings(p.env), 'omitempty'], ['cwd', p.cwd, 'always'],
    ['capabilities', p.capabilities && capabilities(p.capabilities), 'pointer'],
    ['rlimits', list(p.rlimits, (r) => struct([['type', r.type, 'always'], ['hard', r.hard, 'always'], ['soft', r.soft, 'always']])), 'omitempty'],
    ['noNewPrivileges', p.noNewPrivileges, 'omitempty'], ['apparmorProfile', p.apparmorProfile, 'omitempty'],
    ['oomScoreAdj', p.oomScoreAdj, 'pointer'],
  ]);
}

const idMapping = (m: OciIdMapping): GoObject =>
  struct([['containerID', m.containerID, 'always'], ['hostID', m.hostID, 'always'], ['size', m.size, 'always']]);

const mount = (m: OciMount): GoObject => struct([
  ['destination', m.destination, 'always'], ['type', m.type, 'omitempty'], ['source', m.source, 'omitempty'],
  ['options', strings(m.options), 'omitempty'],
]);

const hook = (h: OciHook): GoObject => struct([
  ['path', h.path, 'always'], ['args', strings(h.args), 'omitempty'], ['env', strings(h.env), 'omitempty'], ['timeout', h.timeout, 'pointer'],
]);

function hooks(h: OciHooks): GoObject {
  const names = ['prestart', 'createRuntime', 'createContainer', 'startContainer', 'poststart', 'poststop'] as const;
  return struct(names.map((n) => [n, list(h[n], hook), 'omitempty'] as const));
}

const deviceRule = (d: OciDeviceRule): GoObject => struct([
  ['allow', d.allow, 'always'], ['type', d.type, 'omitempty'], ['major', d.major, 'pointer'], ['minor', d.minor, 'pointer'],
  ['access', d.access, 'omitempty'],
]);

function resources(r: OciResources): GoObject {
  const m = r.memory;
  const c = r.cpu;
  return struct([
    ['devices', list(r.devices, deviceRule), 'omitempty'],
    ['memory', m && struct([['limit', m.limit, 'pointer'], ['reservation', m.reservation, 'pointer'], ['swap', m.swap, 'pointer']]), 'pointer'],
    ['cpu', c && struct([
      ['shares', c.shares, 'pointer'], ['quota', c.quota, 'pointer'], ['period', c.period, 'pointer'], ['cpus', c.cpus, 'omitempty'],
    ]), 'pointer'],
    ['pids', r.pids && struct([['limit', r.pids.limit, 'pointer']]), 'pointer'],
    ['blockIO', r.blockIO && struct([['weight', r.blockIO.weight, 'pointer']]), 'pointer'],
  ]);
}

const device = (d: OciDevice): GoObject => struct([
  ['path', d.path, 'always'], ['type', d.type, 'always'], ['major', d.major, 'always'], ['minor', d.minor, 'always'],
  ['fileMode', d.fileMode, 'pointer'], ['uid', d.uid, 'pointer'], ['gid', d.gid, 'pointer'],
]);

function seccomp(s: OciSeccomp): GoObject {
  const rules = list(s.syscalls, (r) => struct([
    ['names', strings(r.names) ?? null, 'always'], ['action', r.action, 'always'], ['errnoRet', r.errnoRet, 'pointer'],
    ['args', list(r.args, (a) => struct([
      ['index', a.index, 'always'], ['value', a.value, 'always'], ['valueTwo', a.valueTwo, 'omitempty'], ['op', a.op, 'always'],
    ])), 'omitempty'],
  ]));
  return struct([
    ['defaultAction', s.defaultAction, 'always'], ['defaultErrnoRet', s.defaultErrnoRet, 'pointer'],
    ['architectures', strings(s.architectures), 'omitempty'], ['flags', strings(s.flags), 'omitempty'], ['syscalls', rules, 'omitempty'],
  ]);
}

function linux(l: OciLinux): GoObject {
  return struct([
    ['uidMappings', list(l.uidMappings, idMapping), 'omitempty'], ['gidMappings', list(l.gidMappings, idMapping), 'omitempty'],
    ['sysctl', goMap(l.sysctl), 'omitempty'], ['resources', l.resources && resources(l.resources), 'pointer'],
    ['cgroupsPath', l.cgroupsPath, 'omitempty'],
    ['namespaces', list(l.namespaces, (n) => struct([['type', n.type, 'always'], ['path', n.path, 'omitempty']])), 'omitempty'],
    ['devices', list(l.devices, device), 'omitempty'], ['seccomp', l.seccomp && seccomp(l.seccomp), 'pointer'],
    ['maskedPaths', strings(l.maskedPaths), 'omitempty'], ['readonlyPaths', strings(l.readonlyPaths), 'omitempty'],
  ]);
}

/** The spec as Go values, members in struct order. */
export function specToGo(spec: OciSpec): GoObject {
  return struct([
    ['ociVersion', spec.ociVersion, 'always'], ['process', process(spec.process), 'pointer'],
    ['root', struct([['path', spec.root.path, 'always'], ['readonly', spec.root.readonly, 'omitempty']]), 'pointer'],
    ['hostname', spec.hostname, 'omitempty'], ['mounts', list(spec.mounts, mount), 'omitempty'],
    ['hooks', spec.hooks && hooks(spec.hooks), 'pointer'], ['annotations', goMap(spec.annotations), 'omitempty'],
    ['linux', linux(spec.linux), 'pointer'],
  ]);
}

/** config.json as runc writes it (no newline at the end, as os.WriteFile of MarshalIndent's bytes leaves it). */
export function specToJson(spec: OciSpec): string {
  return marshalIndent(specToGo(spec));
}
