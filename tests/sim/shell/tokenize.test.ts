import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/sim/shell/tokenize.ts';

describe('tokenize', () => {
  it.each([
    ['cat /etc/passwd', ['cat', '/etc/passwd'], null],
    ['  hostname   lab  ', ['hostname', 'lab'], null],
    ['echo "hello world" > /tmp/x', ['echo', 'hello world'], { path: '/tmp/x', append: false }],
    ["echo 'a b'>>/tmp/log", ['echo', 'a b'], { path: '/tmp/log', append: true }],
    ['echo a\\ b', ['echo', 'a b'], null],
    ['ls', ['ls'], null],
  ])('%j', (line, argv, redirect) => {
    const r = tokenize(line);
    expect(r).toEqual({ ok: true, value: { argv, redirect } });
  });

  it.each([
    ['echo "abc', 'unterminated double quote', 6],
    ["cat 'x", 'unterminated single quote', 5],
    ['ls | wc', 'pipes are not supported yet: run each command on its own', 4],
    ['echo $HOME', 'variables are not supported', 6],
    ['echo hi >', 'a file name must follow >', 9],
    ['true; false', 'one command per line, please', 5],
  ])('%j fails with a message and its column', (line, message, column) => {
    expect(tokenize(line)).toMatchObject({ ok: false, message, column });
  });
});
