import { describe, expect, it } from 'vitest';
import { cellWidth, padCells } from '../../src/store/cells.ts';

describe('terminal cells: a wide (CJK, full-width) character takes two', () => {
  it.each([
    ['runc', 4],
    ['已拦截', 6],
    ['runc（当前）', 12],
    ['', 0],
  ])('cellWidth(%j) = %i', (text, cells) => expect(cellWidth(text)).toBe(cells));

  it.each([
    ['穿透', 6, '穿透  '],
    ['through', 10, 'through   '],
    ['too long here', 4, 'too long here'],
  ])('padCells(%j, %i) = %j', (text, width, padded) => expect(padCells(text, width)).toBe(padded));
});
