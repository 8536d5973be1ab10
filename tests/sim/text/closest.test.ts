import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../../src/sim/text/closest.ts';

describe('closest', () => {
  it.each([
    ['rnuc', ['host', 'runc'], ['runc']],
    ['hostnme', ['hostname', 'host', 'ls'], ['hostname']],
    ['zzzzzz', ['host', 'runc'], []],
  ])('closest(%j) → %j', (word, candidates, expected) => expect(closest(word, candidates)).toEqual(expected));

  it.each([['kitten', 'sitting', 3], ['ab', 'ba', 1], ['', 'abc', 3], ['same', 'same', 0]])(
    'editDistance(%j, %j) = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});
