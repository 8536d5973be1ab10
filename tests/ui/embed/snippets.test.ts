import { describe, expect, it } from 'vitest';
import { embedSnippets } from '../../../src/ui/embed/snippets.ts';

/** The Embed dialog's snippets for plain HTML, reveal.js and Slidev. */
describe('embedSnippets', () => {
  const url = 'https://lab.example/?embed=1&run=echo+"hi"&panels=diagram';
  const s = embedSnippets(url);

  it.each([
    ['html', /^<iframe src="https:\/\/lab\.example\/\?embed=1&amp;run=echo\+&quot;hi&quot;&amp;panels=diagram" title="Isolation Lab"/],
    ['reveal', /^<section data-background-iframe="https:\/\/lab\.example\/\?embed=1&amp;run=echo\+&quot;hi&quot;&amp;panels=diagram" data-background-interactive>\n/],
    ['slidev', /^---\nlayout: iframe\nurl: "https:\/\/lab\.example\/\?embed=1&run=echo\+\\"hi\\"&panels=diagram"\n---$/],
  ] as const)('%s', (kind, pattern) => {
    expect(s[kind]).toMatch(pattern);
  });

  it('the HTML snippet is one element that parses back to the same URL', () => {
    const src = /src="([^"]*)"/.exec(s.html)?.[1] ?? '';
    expect(src.replace(/&quot;/g, '"').replace(/&amp;/g, '&')).toBe(url);
  });

  it.each([
    ['en', '<!-- Isolation Lab: click into it to use it, Esc gives the keys back to the deck -->'],
    ['zh', '<!-- Isolation Lab：点进去即可使用，按 Esc 把键盘交还给幻灯片 -->'],
  ] as const)('the reveal.js comment is in the page language (%s)', (language, comment) => {
    const r = embedSnippets(url, undefined, language).reveal;
    expect(r.split('\n')[1]).toBe(`  ${comment}`);
    expect(r.split('\n')[0]).toBe(s.reveal.split('\n')[0]);
  });
});
