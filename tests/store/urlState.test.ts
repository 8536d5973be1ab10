import { describe, expect, it } from 'vitest';
import { EMBED_PANELS, NO_SETTINGS, PANELS, parseUrlSettings, queryOf, shownPanels, urlOf, type UrlSettings } from '../../src/store/urlState.ts';

/** The page's settings in its URL (issue 6, point 4): read, written, and bad ones named. */
describe('parseUrlSettings', () => {
  it.each<[string, Partial<UrlSettings>]>([
    ['', {}],
    ['?runtime=gvisor:platform=kvm', { runtime: { id: 'gvisor', options: { platform: 'kvm' } } }],
    ['?runtime=gvisor&platform=kvm&directfs=off', { runtime: { id: 'gvisor', options: { platform: 'kvm', directfs: 'off' } } }],
    ['?run=getpid()&run=cat+/etc/hostname', { run: ['getpid()', 'cat /etc/hostname'] }],
    ['?lesson=namespaces&step=3', { lesson: { id: 'namespaces', step: 3 } }],
    ['?speed=0.5&theme=dark&lang=zh', { speed: 0.5, theme: 'dark', lang: 'zh' }],
    ['?speed=2x', { speed: 2 }],
    ['?embed=1&presenter=1&still=1', { embed: true, presenter: true, still: true }],
    ['?embed=0', { embed: false }],
    ['?panels=diagram,timeline', { panels: ['diagram', 'timeline'] }],
    ['?s=1.abc', { session: '1.abc' }],
  ])('%s', (search, expected) => {
    const { settings, problems } = parseUrlSettings(search);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...NO_SETTINGS, ...expected });
  });

  it('reads the shared session from the hash too', () => {
    expect(parseUrlSettings('', '#s=1.xyz').settings.session).toBe('1.xyz');
  });

  it.each([
    ['?theme=sepia', 'theme=sepia: expected light or dark'],
    ['?lang=fr', 'lang=fr: expected en or zh'],
    ['?speed=10', 'speed=10: expected a number from 0.25 to 4'],
    ['?speed=fast', 'speed=fast: expected a number from 0.25 to 4'],
    ['?step=2', 'step needs a lesson'],
    ['?lesson=x&step=0', 'step=0: expected a step number from 1'],
    ['?panels=diagram,map', 'panels: unknown map'],
    ['?runtime=gvisor:platform', "'platform' is not KEY=VALUE"],
    ['?runtime=', 'runtime is empty'],
    [`?${Array.from({ length: 60 }, () => 'run=getpid()').join('&')}`, 'only the first 50 of 60 lines run'],
  ])('%s is named: %s', (search, problem) => {
    const { problems } = parseUrlSettings(search);
    expect(problems.join('\n')).toContain(problem);
  });

  it('keeps what it can read next to what it cannot', () => {
    const { settings } = parseUrlSettings('?theme=sepia&lang=zh&panels=diagram,map');
    expect(settings).toMatchObject({ theme: null, lang: 'zh', panels: ['diagram'] });
  });
});

describe('queryOf', () => {
  it.each([
    '?embed=1&runtime=gvisor%3Aplatform%3Dkvm&run=getpid%28%29&run=cat+%2Fetc%2Fhostname&lesson=seccomp&step=2&speed=0.5&theme=dark&lang=zh&panels=terminal%2Cdiagram&presenter=1&still=1',
    '?embed=1',
    '',
  ])('writes what it reads: %s', (search) => {
    expect(queryOf(parseUrlSettings(search).settings)).toBe(search);
  });
});

describe('urlOf', () => {
  it('puts a shared session in the hash, the rest in the query', () => {
    const { settings } = parseUrlSettings('?embed=1&s=1.abc');
    expect(urlOf('https://lab.example/', settings)).toBe('https://lab.example/?embed=1#s=1.abc');
    expect(parseUrlSettings('?embed=1', '#s=1.abc').settings).toEqual(settings);
  });
});

describe('shownPanels', () => {
  it.each<[Partial<UrlSettings>, readonly string[]]>([
    [{}, PANELS],
    [{ embed: true }, EMBED_PANELS],
    [{ embed: true, panels: ['diagram'] }, ['diagram']],
    [{ embed: true, lesson: { id: 'seccomp', step: null } }, [...EMBED_PANELS, 'lessons']],
  ])('%j shows %j', (s, panels) => {
    expect(shownPanels({ ...NO_SETTINGS, ...s })).toEqual(panels);
  });
});
