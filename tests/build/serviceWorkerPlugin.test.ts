import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSP, CSP_DIRECTIVES } from '../../build/contentSecurityPolicy.ts';
import { buildVersion, listBuild, precacheUrls } from '../../build/serviceWorkerPlugin.ts';
import { serviceWorkerSource } from '../../build/serviceWorkerSource.ts';

/** The service worker's precache list and version, from a build output written to a temp dir. */
let out: string;
const write = (file: string, text: string) => {
  mkdirSync(join(out, file, '..'), { recursive: true });
  writeFileSync(join(out, file), text);
};

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'isolab-sw-'));
  write('index.html', '<!doctype html>');
  write('assets/index-abc.js', 'x');
  write('assets/index-abc.js.map', '{}');
  write('assets/favicon-123.svg', '<svg/>');
  write('robots.txt', 'public file');
  write('sw.js', 'old worker');
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('the service worker plugin', () => {
  it('precaches every file of the build but source maps and itself, the page as ./', () => {
    const files = listBuild(out);
    expect(files).toEqual(['assets/favicon-123.svg', 'assets/index-abc.js', 'index.html', 'robots.txt']);
    expect(precacheUrls(files)).toEqual(['./', 'assets/favicon-123.svg', 'assets/index-abc.js', 'robots.txt']);
  });

  it.each([
    ['a hashed asset renamed', () => { rmSync(join(out, 'assets/index-abc.js')); write('assets/index-def.js', 'x'); }],
    ['index.html changed', () => write('index.html', '<!doctype html><title>new</title>')],
    ['a public file changed', () => write('robots.txt', 'changed')],
  ])('gives a new build a new cache: %s', (_, change) => {
    const before = buildVersion(out, listBuild(out));
    expect(buildVersion(out, listBuild(out))).toBe(before);
    change();
    expect(buildVersion(out, listBuild(out))).not.toBe(before);
  });

  it('writes a worker that parses, named for its version, with the list', () => {
    const source = serviceWorkerSource('v1', ['./', 'assets/a.js']);
    expect(() => new Script(source)).not.toThrow();
    expect(source).toContain(`const CACHE = PREFIX + "v1";`);
    expect(source).toContain('"assets/a.js"');
  });
});

describe('the Content-Security-Policy', () => {
  it.each([['script-src', "'self'"], ['default-src', "'self'"], ['object-src', "'none'"], ['base-uri', "'none'"]])('%s is %s', (name, value) => {
    expect(CSP_DIRECTIVES.find(([n]) => n === name)?.[1]).toBe(value);
  });
  it('never allows eval or inline script', () => {
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP_DIRECTIVES.filter(([n]) => n.startsWith('script') || n === 'default-src').map(([, v]) => v).join(' ')).not.toContain('unsafe-inline');
  });
});
