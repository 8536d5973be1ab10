import { describe, expect, it } from 'vitest';
import { parseArg, parseSyscallTable } from '../../../../src/sim/syscalls/table/parseSyscallTable.ts';

describe('parseArg', () => {
  it.each([
    { text: 'int fd', name: 'fd', type: 'int' },
    { text: 'const char *pathname', name: 'pathname', type: 'const char *' },
    { text: 'char *const argv[]', name: 'argv', type: 'char *const []' },
    { text: 'const struct timespec times[2]', name: 'times', type: 'const struct timespec [2]' },
    { text: 'struct iocb **iocbpp', name: 'iocbpp', type: 'struct iocb **' },
    { text: ' unsigned long flags ', name: 'flags', type: 'unsigned long' },
  ])('$text', ({ text, name, type }) => {
    expect(parseArg(text)).toEqual({ name, type });
  });
});

describe('parseSyscallTable', () => {
  it('reads categories, signatures and bare names', () => {
    const rows = parseSyscallTable(`
      @file
      read(int fd, void *buf, size_t count) count
      sync() zero
      @system
      tuxcall
    `);
    expect(rows).toEqual([
      { name: 'read', category: 'file', returns: 'count', args: [{ name: 'fd', type: 'int' }, { name: 'buf', type: 'void *' }, { name: 'count', type: 'size_t' }] },
      { name: 'sync', category: 'file', returns: 'zero', args: [] },
      { name: 'tuxcall', category: 'system', returns: null, args: null },
    ]);
  });

  it.each([
    { what: 'a row before any category', table: 'read(int fd) count' },
    { what: 'an unknown category', table: '@files\nread(int fd) count' },
    { what: 'an unknown return kind', table: '@file\nread(int fd) bytes' },
    { what: 'an argument with no type', table: '@file\nread(fd) count' },
  ])('rejects $what', ({ table }) => {
    expect(() => parseSyscallTable(table)).toThrow(/syscall table/);
  });
});
