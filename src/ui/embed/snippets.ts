/**
 * The three snippets the Embed dialog offers for a lab URL. Pure.
 * - plain HTML: an `<iframe>` (no `allow` needed: the lab asks for no
 *   permission; `clipboard-write` only lets Share copy from inside a slide);
 * - reveal.js: a `<section>` whose background is the lab, with
 *   `data-background-interactive` so clicks reach it (reveal.js's iframe
 *   backgrounds; without it the iframe is not interactive);
 *   @see https://revealjs.com/backgrounds/#iframe-backgrounds
 * - Slidev: a slide with the built-in `iframe` layout and the URL in its
 *   frontmatter (`layout: iframe`, `url: …`).
 *   @see https://sli.dev/builtin/layouts#iframe
 */

import type { Language } from '../../sim/text/language.ts';
import { translate, defineMessages } from '../i18n/messages.ts';

/** The reveal.js slide's comment, for whoever edits the deck: in the page's language. */
const snippetText = defineMessages({
  revealHint: { en: '{title}: click into it to use it, Esc gives the keys back to the deck', zh: '{title}：点进去即可使用，按 Esc 把键盘交还给幻灯片' },
});

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** A YAML double-quoted scalar (Slidev's frontmatter is YAML). */
const yamlString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export interface Snippets {
  html: string;
  reveal: string;
  slidev: string;
}

export function embedSnippets(url: string, title = 'Isolation Lab', language: Language = 'en'): Snippets {
  const u = attr(url);
  const t = attr(title);
  return {
    html: `<iframe src="${u}" title="${t}" width="1280" height="720" style="border: 0; width: 100%; aspect-ratio: 16 / 9;" allow="clipboard-write" loading="lazy"></iframe>`,
    reveal: `<section data-background-iframe="${u}" data-background-interactive>\n  <!-- ${translate(snippetText, language, 'revealHint', { title: t })} -->\n</section>`,
    slidev: `---\nlayout: iframe\nurl: ${yamlString(url)}\n---`,
  };
}
