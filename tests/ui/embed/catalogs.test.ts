import { describe, expect, it } from 'vitest';
import { diagramMessages } from '../../../src/ui/diagram/messages.ts';
import { embedMessages } from '../../../src/ui/embed/embedMessages.ts';
import { NARRATION, playbackMessages } from '../../../src/ui/playback/messages.ts';

/** Every string of these catalogs in both languages, with the same placeholders (a missing {name} would print as is). */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const rows = Object.entries({ diagramMessages, embedMessages, playbackMessages, NARRATION }).flatMap(([catalog, messages]) =>
  Object.entries(messages).map(([key, text]) => [`${catalog}.${key}`, text.en, text.zh] as const));

describe('catalogs', () => {
  it.each(rows)('%s', (_key, en, zh) => {
    expect(en.trim()).not.toBe('');
    expect(zh.trim()).not.toBe('');
    expect(placeholders(zh)).toEqual(placeholders(en));
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
