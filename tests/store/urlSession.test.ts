import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_PATH, PROFILE_RUN_LINE } from '../../src/store/artefacts.ts';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore, type LabState } from '../../src/store/labStore.ts';
import { restoreShared } from '../../src/store/urlApply.ts';
import { decodeSession, encodeSession, sharedOf, SESSION_VERSION } from '../../src/store/urlSession.ts';

/** A shared link restores the whole session exactly (issue 6, point 5). */

const view = (s: LabState) => ({
  transcript: s.transcript,
  entries: s.entries.map((e) => ({ id: e.id, runtime: e.runtime, options: e.options, input: e.input, run: e.run, container: e.container })),
  playback: { entryId: s.playback.entryId, call: s.playback.call, hop: s.playback.hop, speed: s.playback.speed, playing: s.playback.playing },
  runtimeId: s.runtimeId,
  options: s.options,
  container: s.container,
  theme: s.theme,
  fontScale: s.fontScale,
  language: s.language,
  log: s.log,
});

async function roundTrip(build: (s: () => LabState) => void | Promise<void>) {
  const first = createLabStore(createEngine());
  await build(() => first.getState());
  first.getState().pause();
  const link = await encodeSession(sharedOf(first.getState()));
  const decoded = await decodeSession(link);
  if (!decoded.ok) throw new Error(decoded.message);
  const second = createLabStore(createEngine());
  restoreShared(second, decoded.session);
  return { link, first: view(first.getState()), second: view(second.getState()) };
}

describe('a shared session link', () => {
  it.each<[string, (s: () => LabState) => void]>([
    ['an empty session', () => {}],
    ['lines on two runtimes, a setting and a seek', (s) => {
      s().submitCommand('hostname lab');
      s().chooseRuntime('gvisor');
      s().setOption('platform', 'kvm');
      s().submitLine('getpid()');
      s().submitLine('cat /etc/hostname');
      s().seek(2, 0, 2);
      s().setSpeed(0.5);
    }],
    ['lab commands, a refused line, theme and language', (s) => {
      s().submitLine('help');
      s().submitLine('frob(');
      s().submitLine('runtime kata');
      s().submitLine('open("/etc/passwd", O_RDONLY)');
      s().setTheme('dark');
      s().setLanguage('zh');
      s().setFontScale(1.5);
    }],
    ['a container attached, a line inside it, then back out', (s) => {
      s().submitLine('docker run -it --runtime=runsc debian sh');
      s().submitLine('getpid()');
      s().submitLine('exit');
      s().submitLine('docker run -it debian sh');
    }],
    ['a comparison played in step', (s) => {
      s().submitLine('compare getpid() runc gvisor:platform=kvm');
      const first = s().comparison?.columns[0]?.entryId ?? 1;
      s().seek(first, 0, 1);
    }],
    ['lab commands answered in the language of their time', (s) => {
      s().setLanguage('zh');
      s().submitLine('help');
      s().setLanguage('en');
      s().submitLine('help');
      s().submitLine('getpid()');
    }],
    ['settings changed after the last line', (s) => {
      s().submitLine('getpid()');
      s().chooseRuntime('gvisor');
      s().setOption('platform', 'ptrace');
    }],
  ])('%s comes back the same', async (_name, build) => {
    const { link, first, second } = await roundTrip(build);
    expect(link.startsWith(`${SESSION_VERSION}.`)).toBe(true);
    expect(link).toMatch(/^1\.[A-Za-z0-9_-]*$/);
    expect(second).toEqual(first);
  });

  // Issue 6, point 3: "Bring your own" runs, whose input is only a label or needs a file on the host.
  const LOG = readFileSync(new URL('../fixtures/strace-cat-tt.strace', import.meta.url), 'utf8');
  const PROFILE = '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["getpid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38 } ] }';
  it.each<[string, (s: () => LabState) => Promise<void>]>([
    ['a strace range replayed under gvisor:platform=kvm from inside a container, then seeked into', async (s) => {
      s().chooseRuntime('gvisor');
      s().setOption('platform', 'kvm');
      s().chooseRuntime('runc');
      s().submitLine('docker run -it debian sh');
      await s().loadStraceLog(LOG);
      s().replayStraceLines(320, 326, 'gvisor');
      s().submitLine('getpid()');
      s().seek(2, 1, 0);
    }],
    ['the whole log replayed (only its first 40 calls run)', async (s) => {
      await s().loadStraceLog(LOG);
      s().replayStraceLines(1, 570, 'runc');
    }],
    ['"Use this profile", then a line in its container', async (s) => {
      s().writeHostFileAndRun(PROFILE_PATH, PROFILE, PROFILE_RUN_LINE);
      s().submitLine('getpid()');
      s().seek(2, 0, 0);
    }],
  ])('%s comes back the same', async (_name, build) => {
    const { first, second } = await roundTrip(build);
    expect(second).toEqual(first);
    expect(second.transcript.filter((l) => l.kind === 'error' || l.kind === 'stderr').map((l) => l.text).join('\n')).not.toMatch(/unknown command|no such file/i);
    expect(second.entries.length).toBeGreaterThan(0);
  });

  it.each([
    [{ runtime: 'runc', options: {}, input: 'replay strace log line 2', replay: { runtime: 'runc', options: { platform: 1 }, calls: [], total: 0 } }],
    [{ runtime: 'runc', options: {}, input: 'replay strace log line 2', replay: { runtime: 'runc', options: {}, calls: [{ line: '2', text: 'getpid()' }], total: 1 } }],
    [{ runtime: 'runc', options: {}, input: PROFILE_RUN_LINE, hostFile: { path: PROFILE_PATH, text: null } }],
  ])('a link whose replay or profile is damaged is refused with the line named: %j', async (line) => {
    const base = { v: 1, runtimeId: 'runc', options: {}, theme: 'light', fontScale: 1, speed: 1, language: 'en', position: null, container: null };
    const r = await decodeSession(await encodeSession({ ...base, lines: [{ runtime: 'runc', options: {}, input: 'getpid()' }, line] } as never));
    expect(r.ok ? '' : r.message).toContain('its line 2 is malformed');
  });

  it('restores into a page whose model is still loading, as the browser does', async () => {
    const first = createLabStore(createEngine());
    first.getState().setLanguage('zh');
    first.getState().submitLine('help');
    first.getState().setLanguage('en');
    first.getState().submitLine('docker run -it debian sh');
    first.getState().submitLine('cat /etc/hostname');
    first.getState().seek(2, 1, 0);
    const decoded = await decodeSession(await encodeSession(sharedOf(first.getState())));
    if (!decoded.ok) throw new Error(decoded.message);
    const second = createLabStore();
    expect(second.getState().ready).toBe(false);
    await new Promise<void>((done) => restoreShared(second, decoded.session, done));
    expect(view(second.getState())).toEqual(view(first.getState()));
  });

  it.each([
    ['', 'does not start with a version number'],
    ['nodot', 'does not start with a version number'],
    ['2.AAAA', 'it is version 2, and this lab reads version 1'],
    ['1.!!!!', 'is damaged'],
    ['1.AAAA', 'is damaged'],
  ])('%j is refused: %s', async (text, message) => {
    const r = await decodeSession(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain(message);
  });

  it.each([
    [{ v: 1 }, 'names no runtime'],
    [[], 'not a session'],
    [{ v: 2 }, 'version 2'],
    [{ v: 1, runtimeId: 'runc', options: {}, lines: [{ input: 1 }], theme: 'light', fontScale: 1, speed: 1, language: 'en', position: null, container: null }, 'line 1 is malformed'],
    [{ v: 1, runtimeId: 'runc', options: {}, lines: [], theme: 'light', fontScale: 1, speed: 1, language: 'fr', position: null, container: null }, 'unknown language (fr)'],
    [{ v: 1, runtimeId: 'runc', options: {}, lines: [], theme: 'light', fontScale: 1, speed: 1, language: 'en', position: { entryId: 'x' }, container: null }, 'position is malformed'],
  ])('well-compressed but wrong data %j is refused: %s', async (data, message) => {
    const link = await encodeSession(data as never);
    const r = await decodeSession(link);
    expect(r.ok ? '' : r.message).toContain(message);
  });
});
