import { describe, expect, it } from 'vitest';
import { jsonProblemText, lineColumn, parseJsonText } from '../../../src/sim/seccomp/jsonText.ts';

/** The strict JSON reader behind the profile loader. */
describe('parseJsonText', () => {
  it.each([
    ['an integer stays exact beyond 2^53', '18446744073709551615', 18446744073709551615n],
    ['a negative integer', '-42', -42n],
    ['a fraction is a double', '1.5', 1.5],
    ['an exponent is a double', '1e3', 1000],
    ['escapes', '"a\\"b\\\\c\\/d\\n\\t\\u00e9"', 'a"b\\c/d\n\té'],
    ['a surrogate pair', '"\\ud83d\\ude00"', '😀'],
    ['literals', '[true, false, null]', [true, false, null]],
    ['whitespace around', ' \r\n\t{}\n ', new Map()],
  ])('reads %s', (_label, text, expected) => {
    const result = parseJsonText(text);
    expect(result.ok && result.value).toEqual(expected);
  });

  it('keeps object members in a Map, the last of a repeated name winning, and never touches prototypes', () => {
    const result = parseJsonText('{"a": 1, "__proto__": {"x": 1}, "a": 2}');
    expect(result.ok && result.value).toEqual(new Map<string, unknown>([['a', 2n], ['__proto__', new Map([['x', 1n]])]]));
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('records where each value starts, by path', () => {
    const result = parseJsonText('{\n  "syscalls": [\n    {"action": "X"}\n  ]\n}');
    expect(result.ok && Object.fromEntries(result.positions)).toEqual({ '': 0, syscalls: 16, 'syscalls[0]': 22, 'syscalls[0].action': 33 });
  });

  it.each([
    ['{"a" 1}', 1, 6, `expected ':' after the member name "a", found '1'`],
    ['[1 2]', 1, 4, `expected ',' or ']' after an array element, found '2'`],
    ['{"a": tru}', 1, 7, 'expected a value, found \'t\''],
    ['"\\x"', 1, 2, "invalid escape '\\x' in a string"],
    ['"\\u12g4"', 1, 2, 'expected four hex digits after \\u'],
    ['-', 1, 1, "invalid number starting at '-'"],
    ['1.', 1, 1, "invalid number '1.…'"],
    ['\uFEFF{}', 1, 1, 'expected a value, found character U+FEFF'],
    ['{\n\n   ]', 3, 4, `expected '"' to start a member name, found ']'`],
  ])('%j fails at line %i, column %i: %s', (text, line, column, message) => {
    const result = parseJsonText(text);
    expect(result).toEqual({ ok: false, message, problem: expect.objectContaining({ type: expect.any(String) }), offset: expect.any(Number), line, column });
    // The English message is the structured problem worded (the page words the same problem in Chinese).
    expect(!result.ok && jsonProblemText(result.problem)).toBe(message);
  });

  it.each([
    ['abc', 0, 1, 1], ['abc', 2, 1, 3], ['a\nbc', 2, 2, 1], ['a\nbc', 3, 2, 2], ['a\r\nb', 3, 2, 1], ['', 0, 1, 1],
  ])('lineColumn(%j, %i) is line %i, column %i', (text, offset, line, column) => {
    expect(lineColumn(text, offset)).toEqual({ line, column });
  });
});
