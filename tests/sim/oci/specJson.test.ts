import { describe, expect, it } from 'vitest';
import { goString, marshalIndent, struct } from '../../../src/sim/oci/goJson.ts';
import { runcSpec } from '../../../src/sim/oci/runcSpec.ts';
import type { OciSpec } from '../../../src/sim/oci/spec.ts';
import { specToJson } from '../../../src/sim/oci/specJson.ts';
import { specOf } from './fixtures.ts';

/**
 * config.json text as runc writes it: Go's json.MarshalIndent with a tab
 * (runc spec.go), fields in the runtime-spec's Go struct order, omitempty
 * and pointer fields as their tags say, strings escaped as Go escapes them.
 */

const keys = (text: string, indent: number) =>
  [...text.matchAll(new RegExp(`^\\t{${indent}}"([^"]+)":`, 'gm'))].map((m) => m[1]);

describe('specToJson', () => {
  it('writes `runc spec` with tabs, one member per line, and no newline at the end', () => {
    const text = specToJson(runcSpec());
    expect(text.startsWith('{\n\t"ociVersion": "1.3.0",\n\t"process": {\n\t\t"terminal": true,\n\t\t"user": {\n\t\t\t"uid": 0,\n\t\t\t"gid": 0\n\t\t},\n\t\t"args": [\n\t\t\t"sh"\n\t\t],')).toBe(true);
    expect(text).toContain('\t\t"resources": {\n\t\t\t"devices": [\n\t\t\t\t{\n\t\t\t\t\t"allow": false,\n\t\t\t\t\t"access": "rwm"\n\t\t\t\t}\n\t\t\t]\n\t\t},');
    expect(text.endsWith('\n\t}\n}')).toBe(true);
  });

  it.each([
    ['top level of runc spec', specToJson(runcSpec()), 1, ['ociVersion', 'process', 'root', 'hostname', 'mounts', 'linux']],
    ['process of runc spec', specToJson(runcSpec()), 2, ['terminal', 'user', 'args', 'env', 'cwd', 'capabilities', 'rlimits', 'noNewPrivileges', 'path', 'readonly', 'resources', 'namespaces', 'maskedPaths', 'readonlyPaths']],
    ['linux of runc spec --rootless', specToJson(runcSpec({ rootless: true })).split('"linux"')[1] ?? '', 2, ['uidMappings', 'gidMappings', 'namespaces', 'maskedPaths', 'readonlyPaths']],
    ['linux of a docker container', specToJson(specOf()).split('"linux"')[1] ?? '', 2, ['sysctl', 'resources', 'cgroupsPath', 'namespaces', 'seccomp', 'maskedPaths', 'readonlyPaths']],
    ['linux of a privileged container', specToJson(specOf({ privileged: true })).split('"linux"')[1] ?? '', 2, ['sysctl', 'resources', 'cgroupsPath', 'namespaces', 'devices']],
    ['process of a docker container', specToJson(specOf()).split('"root"')[0] ?? '', 2, ['user', 'args', 'env', 'cwd', 'capabilities', 'apparmorProfile', 'oomScoreAdj']],
  ])('orders the members of the %s as the Go structs do', (_what, text, depth, expected) => {
    expect(keys(text, depth)).toEqual(expected);
  });

  it.each([
    ['a pointer to 0 is written (oomScoreAdj)', specToJson(specOf()), '"oomScoreAdj": 0', true],
    ['a pointer to 0 is written (a device rule\'s minor)', specToJson(specOf()), '"minor": 0,', true],
    ['an empty struct behind a pointer is {} (blockIO)', specToJson(specOf()), '"blockIO": {}', true],
    ['false is left out (terminal)', specToJson(specOf()), '"terminal"', false],
    ['false is left out (root.readonly)', specToJson(specOf()), '"readonly"', false],
    ['an empty map is left out (sysctl under --network host)', specToJson(specOf({ network: 'host' })), '"sysctl"', false],
    ['valueTwo 0 is left out', specToJson(specOf()), '"valueTwo"', false],
  ])('%s', (_what, text, fragment, present) => {
    expect(text.includes(fragment)).toBe(present);
  });

  it('sorts map keys bytewise, as Go does', () => {
    const spec: OciSpec = { ...runcSpec(), annotations: { b: '1', '9': '2', '10': '3', a: '4' } };
    expect(keys(specToJson(spec).split('"annotations"')[1] ?? '', 2).slice(0, 4)).toEqual(['10', '9', 'a', 'b']);
  });

  it('is JSON that reads back to the same values, less the false ones Go leaves out', () => {
    const spec = specOf({ privileged: true, volumes: [{ host: '/srv', container: '/data', readOnly: true }] });
    const { terminal: _t, ...process } = spec.process;
    const expected = { ...spec, process, root: { path: spec.root.path } };
    expect(JSON.parse(specToJson(spec))).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe('goString: Go\'s string escaping', () => {
  it.each([
    ['plain', '"plain"'],
    ['a "quote" and \\', '"a \\"quote\\" and \\\\"'],
    ['<b>&amp;</b>', '"\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e"'],
    ['tab\tnew\nret\r', '"tab\\tnew\\nret\\r"'],
    ['\b\f', '"\\b\\f"'],
    ['\u0001\u001f\u007f', '"\\u0001\\u001f\u007f"'],
    ['line\u2028para\u2029', '"line\\u2028para\\u2029"'],
    ['emoji 🐳', '"emoji 🐳"'],
    ['lone \ud83d surrogate', '"lone \\ufffd surrogate"'],
    ['é', '"é"'],
  ])('%j is written %s', (input, output) => {
    expect(goString(input)).toBe(output);
  });
});

describe('marshalIndent', () => {
  it.each([
    [[], '[]'],
    [new Map(), '{}'],
    [[1, 'a'], '[\n\t1,\n\t"a"\n]'],
    [struct([['a', 0, 'always'], ['b', 0, 'omitempty'], ['c', 0, 'pointer'], ['d', undefined, 'pointer']]), '{\n\t"a": 0,\n\t"c": 0\n}'],
    [new Map([['x', new Map([['y', [true, null]]])]]), '{\n\t"x": {\n\t\t"y": [\n\t\t\ttrue,\n\t\t\tnull\n\t\t]\n\t}\n}'],
  ])('%j', (value, text) => {
    expect(marshalIndent(value)).toBe(text);
  });
});
