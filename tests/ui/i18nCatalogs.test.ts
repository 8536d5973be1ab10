import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every catalog under src/ui and src/store (each `defineMessages({...})`
 * call, exported or kept inside a file: the components' strings and the
 * sentences the store composes itself, issue 6 point 6) has a Chinese text for each key: not
 * empty, not the English copied over, with the same {placeholders}. Texts
 * that are names or code, the same in both languages, are allowed by their
 * text below. The catalogs are read from the source (TypeScript's parser), so
 * no component has to be imported. A missing translation fails here.
 */
const ROOT = join(import.meta.dirname, '../..');
const UI = join(ROOT, 'src/ui');
const STORE = join(ROOT, 'src/store');

/** Texts that are the same in Chinese: names and code, not words. */
const SAME_IN_BOTH = new Set(['PID', 'UID', 'fd', 'CPU', 'Seccomp', 'Tab', 'help', 'errno', 'docker run / config.json', 'io_uring', '0']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The files that define the helper itself are not catalogs. */
const HELPERS = ['i18n/messages.ts', 'store/localize.ts'];
const catalogFiles = [...sourceFiles(UI), ...sourceFiles(STORE)].filter((f) => !HELPERS.some((h) => f.endsWith(h)) && /\bdefineMessages\s*\(/.test(readFileSync(f, 'utf8')));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

interface Entry { where: string; en: string | null; zh: string | null }

const propName = (p: ts.ObjectLiteralElementLike): string => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '?');
/** A string literal's text; null for anything computed (which the check then reports). */
const literal = (o: ts.ObjectLiteralExpression, key: string): string | null => {
  const p = o.properties.find((q) => propName(q) === key);
  if (!p || !ts.isPropertyAssignment(p)) return null;
  return ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer) ? p.initializer.text : null;
};

/** Every key of every `defineMessages({...})` call in the file, with its two texts. */
const entries = (file: string): Entry[] =>
  entriesOf(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS), file);

function entriesOf(source: ts.SourceFile, file: string): Entry[] {
  const found: Entry[] = [];
  const visit = (node: ts.Node): void => {
    const [arg] = ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineMessages' ? node.arguments : [];
    if (arg && ts.isObjectLiteralExpression(arg)) {
      for (const p of arg.properties) {
        const where = `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(p.getStart()).line + 1} ${propName(p)}`;
        const text = ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer) ? p.initializer : null;
        found.push({ where, en: text && literal(text, 'en'), zh: text && literal(text, 'zh') });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The problems of a catalog written as text (the checks' own test). */
function checkText(code: string): string {
  const file = join(ROOT, 'example.ts');
  return entriesOf(ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true), file).map(problem).join('\n');
}

function problem({ where, en, zh }: Entry): string | null {
  if (en === null || zh === null) return `${where}: not an { en, zh } pair of string literals`;
  if (zh.trim() === '' || en.trim() === '') return `${where}: empty`;
  if (zh === en && !SAME_IN_BOTH.has(en)) return `${where}: the Chinese is the English (${en})`;
  if (placeholders(en).join() !== placeholders(zh).join()) return `${where}: placeholders differ (${en} / ${zh})`;
  return null;
}

describe('UI catalogs', () => {
  it('are found: the components translated for issue 6 keep theirs under src/ui', () => {
    const names = catalogFiles.map((f) => relative(ROOT, f));
    expect(names).toEqual(expect.arrayContaining(['src/ui/inspector/inspectorMessages.ts', 'src/ui/compare/compareMessages.ts', 'src/ui/labPartsMessages.ts', 'src/ui/terminal/terminalMessages.ts']));
  });

  it('are found in the store too: what it composes itself (lab commands, inspector notes, persistence)', () => {
    const names = catalogFiles.map((f) => relative(ROOT, f));
    expect(names).toEqual(expect.arrayContaining(['src/store/labCommandMessages.ts', 'src/store/inspectorMessages.ts', 'src/store/persistenceMessages.ts', 'src/store/labStoreMessages.ts']));
  });

  it.each(catalogFiles.map((f) => [relative(ROOT, f), f]))('%s: every key has a Chinese text of its own', (_, file) => {
    const all = entries(file);
    expect(all.length).toBeGreaterThan(0);
    expect(all.map(problem).filter((p) => p !== null)).toEqual([]);
  });

  it.each([
    ['an English copy', "defineMessages({ a: { en: 'Close', zh: 'Close' } })", 'the Chinese is the English'],
    ['an empty text', "defineMessages({ a: { en: 'Close', zh: '' } })", 'empty'],
    ['a lost placeholder', "defineMessages({ a: { en: '{n} calls', zh: '次调用' } })", 'placeholders differ'],
    ['a computed text', "defineMessages({ a: { en: 'Close', zh: x } })", 'not an { en, zh } pair'],
  ])('catches %s', (_, code, message) => {
    expect(checkText(code)).toContain(message);
  });
});
