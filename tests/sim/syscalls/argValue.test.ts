import { describe, expect, it } from 'vitest';
import type { ArgNode } from '../../../src/sim/syscalls/args.ts';
import { argIsNull, argNames, argNumber, argString } from '../../../src/sim/syscalls/argValue.ts';

const num = (value: number, text = String(value)): ArgNode => ({ type: 'number', value, text });
const ident = (name: string): ArgNode => ({ type: 'ident', name, text: name });
const str = (value: string): ArgNode => ({ type: 'string', value, truncated: false, text: JSON.stringify(value) });
const flags = (...parts: ArgNode[]): ArgNode => ({ type: 'flags', parts, text: parts.map((p) => p.text).join('|') });
const call = (name: string, ...args: ArgNode[]): ArgNode => ({ type: 'call', name, args, text: `${name}(…)` });
const fd = (n: number, path: string): ArgNode => ({ type: 'fd', fd: n, path, text: `${n}<${path}>` });

describe('argNumber', () => {
  it.each([
    { what: 'a number', node: num(3), value: 3 },
    { what: 'an octal mode', node: num(0o644, '0644'), value: 0o644 },
    { what: 'a constant', node: ident('AT_FDCWD'), value: -100 },
    { what: 'NULL', node: ident('NULL'), value: 0 },
    { what: 'open flags', node: flags(ident('O_RDONLY'), ident('O_CLOEXEC')), value: 0x80000 },
    { what: 'clone flags past bit 31', node: flags(ident('CLONE_IO'), ident('CLONE_NEWNET'), ident('SIGCHLD')), value: 0xc0000011 },
    { what: 'flags with a number', node: flags(ident('S_IFCHR'), num(0o666, '0666')), value: 0o20666 },
    { what: 'flags with an unknown part', node: flags(ident('O_RDONLY'), ident('O_BOGUS')), value: undefined },
    { what: 'an fd from strace -y', node: fd(3, '/etc/passwd'), value: 3 },
    { what: 'makedev(1, 3) (/dev/null)', node: call('makedev', num(1, '0x1'), num(3, '0x3')), value: 0x103 },
    { what: 'makedev(0x88, 0x1) (/dev/pts/1)', node: call('makedev', num(0x88), num(1)), value: 0x8801 },
    { what: 'makedev with a large minor', node: call('makedev', num(8), num(0x100)), value: 0x100800 },
    { what: 'htons(80)', node: call('htons', num(80)), value: 80 },
    { what: 'inet_addr("127.0.0.1")', node: call('inet_addr', str('127.0.0.1')), value: 0x7f000001 },
    { what: 'inet_addr of nonsense', node: call('inet_addr', str('localhost')), value: undefined },
    { what: 'an unknown call', node: call('frobnicate', num(1)), value: undefined },
    { what: 'an unknown constant', node: ident('SIG_WHATEVER'), value: undefined },
    { what: 'a string', node: str('/etc'), value: undefined },
    { what: 'a pointer kept as text', node: { type: 'omitted', text: '0x7ffd5b1c2a10' }, value: 0x7ffd5b1c2a10 },
    { what: 'an elision', node: { type: 'omitted', text: '...' }, value: undefined },
    { what: 'a shift kept raw', node: { type: 'raw', text: '1<<SIGCHLD' }, value: 1 << 17 },
    { what: 'a signal set', node: { type: 'raw', text: '~[RTMIN RT_1]' }, value: undefined },
    { what: 'a struct', node: { type: 'struct', fields: [], text: '{}' }, value: undefined },
    { what: 'an array', node: { type: 'array', items: [num(1)], text: '[1]' }, value: undefined },
  ] as { what: string; node: ArgNode; value: number | undefined }[])('$what → $value', ({ node, value }) => {
    expect(argNumber(node)).toBe(value);
  });
});

describe('argString', () => {
  it.each([
    { what: 'a string', node: str('/etc/passwd'), value: '/etc/passwd' },
    { what: 'an fd from strace -y', node: fd(3, '/etc/passwd'), value: '/etc/passwd' },
    { what: 'a number', node: num(3), value: undefined },
    { what: 'NULL', node: ident('NULL'), value: undefined },
  ])('$what → $value', ({ node, value }) => {
    expect(argString(node)).toBe(value);
  });
});

describe('argIsNull and argNames', () => {
  it.each([
    { node: ident('NULL'), isNull: true, names: ['NULL'] },
    { node: num(0), isNull: true, names: [] },
    { node: num(4096), isNull: false, names: [] },
    { node: flags(ident('CLONE_NEWUSER'), ident('SIGCHLD')), isNull: false, names: ['CLONE_NEWUSER', 'SIGCHLD'] },
    { node: str('x'), isNull: false, names: [] },
  ])('$node.text', ({ node, isNull, names }) => {
    expect(argIsNull(node)).toBe(isNull);
    expect(argNames(node)).toEqual(names);
  });
});
