import { childPath } from '../seccomp/jsonText.ts';
import {
  absolutePath, asObject, asStringMap, asText, checkFields, I64, listOf, need, oneOf, opt, optFields, Problem, SpecProblem, U32,
  type Reader,
} from './specParseFields.ts';
import { readResources } from './specParseResources.ts';
import { readSeccomp } from './specParseSeccomp.ts';
import { OCI_NAMESPACE_TYPES, type OciDevice, type OciIdMapping, type OciLinux, type OciNamespace } from './spec.ts';

/**
 * config.json's `linux` section.
 * @see https://github.com/opencontainers/runtime-spec/blob/main/config-linux.md
 * @see opencontainers/runc libcontainer/specconv/spec_linux.go CreateLibcontainerConfig ("malformed spec file: duplicated ns")
 */

const readNamespace: Reader<OciNamespace> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['type', 'path']);
  const type = need(obj, p, 'type', ctx, oneOf(OCI_NAMESPACE_TYPES, { en: 'a namespace type', zh: '命名空间类型' }, { en: "the spec's types are", zh: '规范中的类型有' }), { en: 'which namespace, such as pid', zh: '哪个命名空间，例如 pid' });
  if (type instanceof Problem) return type;
  const path = opt(obj, p, 'path', ctx, absolutePath({ en: 'a namespace to join (/proc/PID/ns/…)', zh: '要加入的命名空间（/proc/PID/ns/…）' }));
  if (path instanceof Problem) return path;
  return path === undefined ? { type } : { type, path };
};

/** The namespaces, each type at most once (runc: "malformed spec file: duplicated ns"). */
const readNamespaces: Reader<OciNamespace[]> = (v, p, ctx) => {
  const list = listOf(readNamespace)(v, p, ctx);
  if (list instanceof Problem) return list;
  const seen = new Map<string, number>();
  for (const [i, ns] of list.entries()) {
    const first = seen.get(ns.type);
    if (first !== undefined) return new SpecProblem(childPath(childPath(p, i), 'type'), { type: 'duplicate-namespace', ns: ns.type, first: childPath(p, first) });
    seen.set(ns.type, i);
  }
  return list;
};

const readIdMapping: Reader<OciIdMapping> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['containerID', 'hostID', 'size']);
  const containerID = need(obj, p, 'containerID', ctx, U32, { en: 'the first id inside the namespace', zh: '命名空间内的第一个 id' });
  if (containerID instanceof Problem) return containerID;
  const hostID = need(obj, p, 'hostID', ctx, U32, { en: 'the first id outside it', zh: '命名空间外的第一个 id' });
  if (hostID instanceof Problem) return hostID;
  const size = need(obj, p, 'size', ctx, U32, { en: 'how many ids the range holds', zh: '这个范围包含多少个 id' });
  if (size instanceof Problem) return size;
  // user_namespaces(7): a line of uid_map with a length of 0 is refused (EINVAL).
  if (size === 0) return new SpecProblem(childPath(p, 'size'), { type: 'empty-mapping' });
  return { containerID, hostID, size };
};

const DEVICE_TYPES = ['c', 'b', 'u', 'p'] as const;

const readDevice: Reader<OciDevice> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, ['path', 'type', 'major', 'minor', 'fileMode', 'uid', 'gid']);
  const path = need(obj, p, 'path', ctx, absolutePath({ en: 'a device path', zh: '设备路径' }), { en: 'where the node goes, such as /dev/fuse', zh: '设备节点放在哪里，例如 /dev/fuse' });
  if (path instanceof Problem) return path;
  const type = need(obj, p, 'type', ctx, oneOf(DEVICE_TYPES, { en: 'a device type', zh: '设备类型' }, { en: "the spec's are", zh: '规范中的有' }), { en: 'c (character), b (block), u (unbuffered character) or p (FIFO)', zh: 'c（字符设备）、b（块设备）、u（无缓冲字符设备）或 p（FIFO）' });
  if (type instanceof Problem) return type;
  // major and minor are required except for a FIFO.
  const number = (key: string) => (type === 'p' ? opt(obj, p, key, ctx, I64) : need(obj, p, key, ctx, I64, { en: `the device's ${key} number`, zh: `设备的 ${key} 设备号` }));
  const major = number('major');
  if (major instanceof Problem) return major;
  const minor = number('minor');
  if (minor instanceof Problem) return minor;
  const device: OciDevice = { path, type, major: major ?? 0, minor: minor ?? 0 };
  for (const key of ['fileMode', 'uid', 'gid'] as const) {
    const n = opt(obj, p, key, ctx, U32);
    if (n instanceof Problem) return n;
    if (n !== undefined) device[key] = n;
  }
  return device;
};

const paths = listOf(absolutePath({ en: 'a path inside the container', zh: '容器内的路径' }));

const LINUX_FIELDS = ['uidMappings', 'gidMappings', 'sysctl', 'resources', 'cgroupsPath', 'namespaces', 'devices', 'seccomp', 'maskedPaths', 'readonlyPaths'];
const LINUX_UNMODELLED = ['netDevices', 'rootfsPropagation', 'mountLabel', 'intelRdt', 'memoryPolicy', 'personality', 'timeOffsets'];

type LinuxReaders = { [K in keyof OciLinux]-?: Reader<NonNullable<OciLinux[K]>> };

const READERS: LinuxReaders = {
  namespaces: readNamespaces, uidMappings: listOf(readIdMapping), gidMappings: listOf(readIdMapping), sysctl: asStringMap,
  resources: readResources, cgroupsPath: asText, seccomp: readSeccomp, maskedPaths: paths, readonlyPaths: paths, devices: listOf(readDevice),
};

export const readLinux: Reader<OciLinux> = (v, p, ctx) => {
  const obj = asObject(v, p);
  if (obj instanceof Problem) return obj;
  checkFields(obj, p, ctx, LINUX_FIELDS, LINUX_UNMODELLED);
  const linux = optFields<OciLinux>(obj, p, ctx, READERS);
  return linux instanceof Problem ? linux : { ...linux, namespaces: linux.namespaces ?? [] };
};
