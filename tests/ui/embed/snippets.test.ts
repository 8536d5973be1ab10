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
});
