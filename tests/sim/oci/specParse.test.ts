import { describe, expect, it } from 'vitest';
import { runcSpec } from '../../../src/sim/oci/runcSpec.ts';
import { specToJson } from '../../../src/sim/oci/specJson.ts';
import { parseSpec } from '../../../src/sim/oci/specParse.ts';
import { lineColumn } from '../../../src/sim/seccomp/jsonText.ts';
import { specOf } from './fixtures.ts';

/**
 * parseSpec on real config.json text: what runc spec and dockerd write
 * reads back unchanged; each mistake is one error naming its JSON path and
 * where it is; what the lab leaves out is in the warnings.
 */

const RUNC = specToJson(runcSpec());
const USERNS = '{"ociVersion":"1.3.0","root":{"path":"r"},"process":{"user":{"uid":0,"gid":0},"args":["sh"],"cwd":"/"},"linux":{"namespaces":[{"type":"user"}]}}';

describe('parseSpec: round trips', () => {
  it.each([
    ['runc spec', runcSpec()],
    ['runc spec --rootless', runcSpec({ rootless: true })],
  ])('reads %s back to the same spec, with no warnings', (_what, spec) => {
    expect(parseSpec(specToJson(spec))).toEqual({ ok: true, value: spec, warnings: [] });
  });

  it.each([
    ['docker run debian', specOf()],
    ['--privileged', specOf({ privileged: true })],
    ['--cap-drop ALL --cap-add NET_BIND_SERVICE -u nobody', specOf({ capDrop: ['ALL'], capAdd: ['NET_BIND_SERVICE'], user: 'nobody' })],
    ['-v …:ro --read-only -t', specOf({ volumes: [{ host: '/srv', container: '/data', readOnly: true }], readOnly: true, tty: true })],
    ['--memory 64m --cpus 0.5 --pids-limit 10', specOf({ resources: { memory: '64m', cpus: '0.5', pidsLimit: '10' } })],
    ['--network host --pid host', specOf({ network: 'host', pid: 'host' })],
  ])('reads dockerd\'s spec for %s back to the same text', (_what, spec) => {
    const text = specToJson(spec);
    const r = parseSpec(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings).toEqual([]);
    expect(specToJson(r.value)).toBe(text);
  });

  it('reads a compact, reordered file the same as the indented one', () => {
    const obj = JSON.parse(RUNC) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(obj).reverse());
    expect(parseSpec(JSON.stringify(reordered))).toEqual(parseSpec(RUNC));
  });
});

/**
 * RUNC with `from` replaced by `to`; the error should point at `mark` in the
 * new text (its first occurrence from where `to` went in), else at `to` itself.
 */
function edit(from: string, to: string, mark?: string) {
  const index = RUNC.indexOf(from);
  if (index < 0) throw new Error(`the runc spec has no ${from}`);
  const text = RUNC.slice(0, index) + to + RUNC.slice(index + from.length);
  const at = mark === undefined ? index : mark.startsWith('^') ? text.indexOf(mark.slice(1)) : text.indexOf(mark, index);
  return { text, where: lineColumn(text, at) };
}

describe('parseSpec: errors name the path, say what is wrong, and where', () => {
  it.each([
    ['ociVersion a number', edit('"1.3.0"', '1'), 'ociVersion', 'expected a string, found a number'],
    ['process.args empty', edit('[\n\t\t\t"sh"\n\t\t]', '[]'), 'process.args', 'is empty; runc refuses that ("args must not be empty")'],
    ['cwd relative', edit('"cwd": "/"', '"cwd": "srv"', '"srv"'), 'process.cwd', '"srv" is not an absolute path'],
    ['uid negative', edit('"uid": 0', '"uid": -1', '-1'), 'process.user.uid', 'must be from 0 to 4294967295 (a uint32), found -1'],
    ['gid a fraction', edit('"gid": 0', '"gid": 1.5', '1.5'), 'process.user.gid', 'must be a whole number written without a fraction or exponent'],
    ['uid too big', edit('"uid": 0', '"uid": 4294967296', '4294967296'), 'process.user.uid', 'found 4294967296'],
    ['uid huge', edit('"uid": 0', '"uid": 1e400', '1e400'), 'process.user.uid', 'must be a whole number'],
    ['unknown namespace', edit('"type": "ipc"', '"type": "foo"', '"foo"'), 'linux.namespaces[2].type',
      '"foo" is not a namespace type; the spec\'s types are pid, network, mount, ipc, uts, user, cgroup, time'],
    ['duplicated namespace', edit('"type": "ipc"', '"type": "pid"', '"pid"'), 'linux.namespaces[2].type', 'listed twice (first at linux.namespaces[0])'],
    ['unknown rlimit', edit('"RLIMIT_NOFILE"', '"RLIMIT_FOO"'), 'process.rlimits[0].type', 'is not a resource limit runc knows'],
    ['soft above hard', edit('"soft": 1024', '"soft": 4096', '4096'), 'process.rlimits[0].soft', 'above the hard limit 1024'],
    ['empty mount destination', edit('"destination": "/proc"', '"destination": ""', '""'), 'mounts[0].destination', 'is empty'],
    ['options not strings', edit('"nosuid",\n\t\t\t\t"strictatime"', '7,\n\t\t\t\t"strictatime"', '7,'), 'mounts[1].options[0]', 'expected a string, found a number'],
    ['device rule access', edit('"access": "rwm"', '"access": "rwx"', '"rwx"'), 'linux.resources.devices[0].access', 'made of r (read), w (write) and m (mknod)'],
    ['root missing', edit('"root": {\n\t\t"path": "rootfs",\n\t\t"readonly": true\n\t},', '', '^{'), 'root', 'missing'],
    ['masked path relative', edit('"/proc/acpi"', '"proc/acpi"'), 'linux.maskedPaths[0]', 'is not an absolute path'],
    ['hostname with no uts namespace', edit(',\n\t\t\t{\n\t\t\t\t"type": "uts"\n\t\t\t}', '', '^"runc"'), 'hostname', 'unable to set hostname without a private UTS namespace'],
    ['terminal a string', edit('"terminal": true', '"terminal": "yes"', '"yes"'), 'process.terminal', 'expected true or false, found a string'],
  ])('%s', (_what, { text, where }, path, fragment) => {
    const r = parseSpec(text);
    expect(r).toMatchObject({ ok: false, path, line: where.line, column: where.column });
    if (!r.ok) expect(r.message).toContain(fragment);
    if (!r.ok) expect(r.message.startsWith(`${path}: `)).toBe(true);
  });

  const seccomp = (s: unknown) => {
    const obj = JSON.parse(RUNC) as { linux: Record<string, unknown> };
    obj.linux.seccomp = s;
    return JSON.stringify(obj, null, '\t');
  };

  it.each([
    ['an unknown action', { defaultAction: 'SCMP_ACT_FOO' }, 'linux.seccomp.defaultAction', 'is not a seccomp action'],
    ['a rule with no names', { defaultAction: 'SCMP_ACT_ERRNO', syscalls: [{ action: 'SCMP_ACT_ALLOW' }] }, 'linux.seccomp.syscalls[0].names', 'missing'],
    ['an unknown operator', { defaultAction: 'SCMP_ACT_ERRNO', syscalls: [{ names: ['read'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 1, op: 'SCMP_CMP_ABOUT' }] }] },
      'linux.seccomp.syscalls[0].args[0].op', 'is not a seccomp comparison'],
    ['a seventh argument', { defaultAction: 'SCMP_ACT_ERRNO', syscalls: [{ names: ['read'], action: 'SCMP_ACT_ALLOW', args: [{ index: 6, value: 1, op: 'SCMP_CMP_EQ' }] }] },
      'linux.seccomp.syscalls[0].args[0].index', 'must be from 0 to 5'],
    ['an unknown architecture', { defaultAction: 'SCMP_ACT_ERRNO', architectures: ['SCMP_ARCH_Z80'] }, 'linux.seccomp.architectures[0]', 'is not an architecture runc knows'],
    ['a value the lab cannot hold', { defaultAction: 'SCMP_ACT_ERRNO', syscalls: [{ names: ['read'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 'U64_MAX', op: 'SCMP_CMP_EQ' }] }] },
      'linux.seccomp.syscalls[0].args[0].value', 'the largest whole number the lab holds exactly'],
  ])('seccomp with %s', (_what, s, path, fragment) => {
    const text = seccomp(s).replace('"U64_MAX"', '18446744073709551615');
    const r = parseSpec(text);
    expect(r).toMatchObject({ ok: false, path });
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it.each([
    ['not JSON', '{"ociVersion": "1.3.0",', '', 1, 24],
    ['an array', '[1, 2]', '', 1, 1],
    ['nested ten thousand deep', '['.repeat(10_000), '', 1, 258],
    ['an empty object', '{}', 'ociVersion', 1, 1],
    ['no process', '{"ociVersion": "1.3.0", "root": {"path": "rootfs"}}', 'process', 1, 1],
    ['a user namespace without mappings (at linux)', USERNS, 'linux.uidMappings', 1, USERNS.indexOf('{"namespaces"') + 1],
  ])('%s', (_what, text, path, line, column) => {
    expect(parseSpec(text)).toMatchObject({ ok: false, path, line, column });
  });
});

describe('parseSpec: warnings', () => {
  const withField = (edit: (o: Record<string, Record<string, unknown>>) => void) => {
    const obj = JSON.parse(RUNC) as Record<string, Record<string, unknown>>;
    edit(obj);
    return parseSpec(JSON.stringify(obj));
  };

  it.each([
    ['annotations', (o: Record<string, Record<string, unknown>>) => { o.annotations = { a: 'b' }; }, 'annotations: not modelled by the lab; left out'],
    ['process.selinuxLabel', (o: Record<string, Record<string, unknown>>) => { (o.process ?? {}).selinuxLabel = 'x'; }, 'process.selinuxLabel: not modelled by the lab; left out'],
    ['linux.intelRdt', (o: Record<string, Record<string, unknown>>) => { (o.linux ?? {}).intelRdt = {}; }, 'linux.intelRdt: not modelled by the lab; left out'],
    ['a misspelt field', (o: Record<string, Record<string, unknown>>) => { (o.linux ?? {}).namespace = []; }, 'linux.namespace: not a field of the runtime spec; left out'],
    ['an unknown capability', (o: Record<string, Record<string, unknown>>) => {
      (o.process ?? {}).capabilities = { bounding: ['CAP_KILL', 'CAP_FOO'] };
    }, 'process.capabilities.bounding[1]: "CAP_FOO" is not a Linux capability'],
    ['a relative mount destination', (o: Record<string, Record<string, unknown>>) => {
      (o.mounts as unknown as { destination: string }[])[0] = { destination: 'proc' };
    }, 'mounts[0].destination: "proc" is relative'],
    ['an env entry without =', (o: Record<string, Record<string, unknown>>) => { (o.process ?? {}).env = ['TERM']; }, 'process.env[0]: "TERM" has no "="'],
    ['an ociVersion that is not SemVer', (o: Record<string, Record<string, unknown>>) => { (o as Record<string, unknown>).ociVersion = '1.3'; }, 'ociVersion: "1.3" is not a SemVer 2.0.0 version'],
  ])('%s', (_what, change, warning) => {
    const r = withField(change);
    if (!r.ok) throw new Error(r.message);
    expect(r.warnings.some((w) => w.startsWith(warning))).toBe(true);
  });

  it('drops what it warns about: the unknown capability, the annotations; and mounts a relative destination from /', () => {
    const r = withField((o) => {
      o.annotations = { a: 'b' };
      (o.process ?? {}).capabilities = { bounding: ['CAP_KILL', 'CAP_FOO'] };
      (o.mounts as unknown as { destination: string }[])[0] = { destination: 'proc' };
    });
    if (!r.ok) throw new Error(r.message);
    expect([r.value.annotations, r.value.process.capabilities?.bounding, r.value.mounts[0]]).toEqual([undefined, ['CAP_KILL'], { destination: '/proc' }]);
  });
});
