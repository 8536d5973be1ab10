import { describe, expect, it } from 'vitest';
import { argsOrRaw, parseArgs } from '../../../src/sim/strace/argParser.ts';
import { shapeCall } from './argShape.ts';

describe('parseArgs reads the argument text a log line keeps', () => {
  it.each([
    ['', '()'],
    ['   ', '()'],
    ['AT_FDCWD</tmp>, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC', '(fd:-100</tmp>, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC)'],
    ['child_stack=NULL, flags=SIGCHLD', '(child_stack=NULL, flags=SIGCHLD)'],
    ['-1,', '(#-1)'],
    ['SIG_SETMASK, [], ', '(SIG_SETMASK, [])'],
    ['-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL', '(#-1, [{raw(WIFEXITED(s) && WEXITSTATUS(s) == 0)}], #0, NULL)'],
    ['{sa_family=AF_UNIX, sun_path=@"/tmp/.X11-unix/X0"}, 21', '({sa_family=AF_UNIX, sun_path=raw(@"/tmp/.X11-unix/X0")}, #21)'],
  ])('%j', (raw, expected) => {
    const r = parseArgs(raw);
    expect(r.ok && shapeCall('', r.value.args, r.value.labels)).toBe(expected);
  });

  it.each([
    ['1)', "unexpected ')' at column 2: no bracket is open", 2],
    ['1, ,', 'empty argument at column 4', 4],
    ['"abc', 'unterminated string starting at column 1', 1],
    ['{a=1', "missing '}' to close '{' from column 1", 5],
  ])('%j is an error', (raw, message, column) => {
    expect(parseArgs(raw)).toMatchObject({ ok: false, message, column });
  });

  it.each([
    ['3, "x"', [{ type: 'number', value: 3, text: '3' }, { type: 'string', value: 'x', truncated: false, text: '"x"' }]],
    ['  "abc  ', [{ type: 'raw', text: '"abc' }]],
  ])('argsOrRaw(%j) never fails', (raw, args) => {
    expect(argsOrRaw(raw)).toEqual(args);
  });
});
