import { describe, expect, it } from 'vitest';
import { shortcutFor, stepSpeed, type KeyInfo } from '../../../src/ui/playback/shortcuts.ts';

describe('playback shortcuts', () => {
  it.each<[string, KeyInfo, ReturnType<typeof shortcutFor>]>([
    ['k on the page plays or pauses', { key: 'k', tag: 'body' }, 'toggle'],
    ['Space on the page plays or pauses', { key: ' ', tag: 'body' }, 'toggle'],
    ['Space on a focused button presses the button instead', { key: ' ', tag: 'button' }, null],
    [', steps back', { key: ',', tag: 'div' }, 'back'],
    ['. steps forward', { key: '.', tag: 'div' }, 'forward'],
    ['> speeds up', { key: '>', tag: 'body' }, 'faster'],
    ['< slows down', { key: '<', tag: 'body' }, 'slower'],
    ['typing in a field is typing', { key: 'k', tag: 'input' }, null],
    ['the terminal (a textarea) keeps its keys', { key: '.', tag: 'textarea' }, null],
    ['a select keeps its keys', { key: ' ', tag: 'select' }, null],
    ['anything editable keeps its keys', { key: ',', tag: 'div', editable: true }, null],
    ['a browser shortcut is left alone', { key: 'k', tag: 'body', ctrlKey: true }, null],
    ['other keys do nothing', { key: 'x', tag: 'body' }, null],
  ])('%s', (_name, key, action) => {
    expect(shortcutFor(key)).toBe(action);
  });

  it.each<[number, 1 | -1, number]>([
    [1, 1, 1.5],
    [1, -1, 0.5],
    [4, 1, 4],
    [0.25, -1, 0.25],
    [0.75, 1, 1],
    [0.75, -1, 0.5],
    [9, -1, 2],
  ])('from %d× a step of %d gives %d×', (speed, direction, next) => {
    expect(stepSpeed(speed, direction)).toBe(next);
  });
});
