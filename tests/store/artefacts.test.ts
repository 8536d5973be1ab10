import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_PATH } from '../../src/store/artefacts.ts';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore } from '../../src/store/labStore.ts';
import { runcDefaultSpec } from '../../src/store/specPane.ts';

/**
 * "Bring your own" through the store, with a ready engine: a real strace
 * log's report per runtime and a replayed range as a timeline entry; a
 * seccomp profile checked, then used for a container whose filter it is;
 * docker run lines and config.json imported, refusals placed on their line.
 */
const LOG = readFileSync(new URL('../fixtures/strace-cat-tt.strace', import.meta.url), 'utf8');
/** A fresh lab store with a ready engine: "Bring your own" is its slice, with its own log, draft and timer. */
const fresh = () => createLabStore(createEngine());

describe('the strace log', () => {
  it('reports every runtime of the lab, with the calls runc would stop', async () => {
    const lab = fresh();
    await lab.getState().loadStraceLog(LOG, 'strace-cat-tt.strace');
    const s = lab.getState().strace;
    if (s.type !== 'done') throw new Error(s.type);
    expect(s.report).toMatchObject({ lines: 570, calls: 552, unreadable: [] });
    expect(s.report.runtimes.map((r) => r.id)).toEqual(['host', 'runc', 'gvisor', 'kata', 'nabla', 'unikernel-hvt', 'firecracker', 'lightvm']);
    const runc = s.report.runtimes.find((r) => r.id === 'runc');
    expect(runc).toMatchObject({ allowed: 550, denied: 2, denials: [{ layer: 'seccomp', errno: 'EPERM', count: 2 }] });
    expect(lab.getState().straceSource).toBe('strace-cat-tt.strace');
  });

  it.each([
    [320, 326, 'gvisor', 'sentry'],
    [557, 557, 'runc', null],
  ])('replays lines %i–%i under %s: an entry the playback loads', async (from, to, runtime, servedBy) => {
    const lab = fresh();
    await lab.getState().loadStraceLog(LOG);
    const count = lab.getState().replayStraceLines(from, to, runtime);
    expect(count).toBeGreaterThan(0);
    const entry = lab.getState().entries.at(-1);
    expect(entry).toMatchObject({ runtime, input: from === to ? `replay strace log line ${from}` : `replay strace log lines ${from}-${to}` });
    expect(lab.getState().playback.entryId).toBe(entry?.id);
    if (entry?.run.type !== 'ran') throw new Error('not run');
    expect(entry.run.calls.length).toBe(count);
    if (servedBy) expect(entry.run.calls.some((c) => c.servedBy === servedBy)).toBe(true);
    // mount under runc: Docker's default profile answers EPERM in the diagram too.
    else expect(entry.run.calls[0]).toMatchObject({ name: 'mount', failed: true });
  });

  it('a range with no call in it runs nothing', async () => {
    const lab = fresh();
    await lab.getState().loadStraceLog('getpid() = 7\n\n\n');
    expect(lab.getState().replayStraceLines(2, 3, 'runc')).toBe(0);
    expect(lab.getState().entries).toEqual([]);
  });
});

describe('the seccomp profile', () => {
  it.each([
    ['{\n  "defaultAction": "SCMP_ACT_ALOW"\n}', 2, 20],
    ['{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [ { "names": ["mount"] ', 3, 38],
    ['nonsense', 1, 1],
  ])('a broken profile names its line and column: %j', async (text, line, column) => {
    const lab = fresh();
    lab.getState().setSeccompDraft(text);
    await lab.getState().checkSeccompNow();
    expect(lab.getState().seccompCheck).toMatchObject({ type: 'error', line, column });
    expect(lab.getState().useSeccompProfile()).toBe(false);
  });

  it("Docker's default loads with no change; a profile used for a container is that container's filter", async () => {
    const lab = fresh();
    await lab.getState().loadDockerDefault();
    expect(lab.getState().seccompCheck).toMatchObject({ type: 'ok', counts: { allowed: 0, denied: 0, action: 0, args: 0 } });
    lab.getState().setSeccompDraft('{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["getpid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38 } ] }');
    await lab.getState().checkSeccompNow();
    const check = lab.getState().seccompCheck;
    expect(check?.type === 'ok' && check.rows.find((r) => r.name === 'getpid')?.change).toBe('denied');
    expect(lab.getState().useSeccompProfile()).toBe(true);
    expect(lab.getState().container).not.toBeNull();
    expect(lab.getState().entries.at(-1)?.input).toBe(`docker run -it --security-opt seccomp=${PROFILE_PATH} debian sh`);
    lab.getState().submitLine('getpid()');
    const ran = lab.getState().entries.at(-1)?.run;
    expect(ran?.type === 'ran' && ran.calls[0]?.line).toMatch(/ENOSYS/);
  });
});

describe('docker run / config.json', () => {
  it('a docker run line over two lines lands the terminal in the container, configured from its flags', () => {
    const lab = fresh();
    lab.getState().importArtefact('$ docker run -it --name imported \\\n    --memory 64m debian sh');
    expect(lab.getState().importResult).toEqual({ type: 'ok', what: 'docker', line: 'docker run -it --name imported --memory 64m debian sh' });
    expect(lab.getState().container).toMatchObject({ name: 'imported', runtime: 'runc' });
    expect(lab.getState().specText).toContain('"limit": 67108864');
  });

  it.each([
    ['docker run -it \\\n  --memroy 64m debian sh', 'unknown flag: --memroy', { line: 2, column: 3 }],
    ['-it --memory lots debian sh', 'invalid argument "lots"', { line: 1, column: 14 }],
    ['docker run -it nosuchimage', "Unable to find image 'nosuchimage:latest'", { line: 1, column: 16 }],
    ['docker images', 'only `docker run` lines', { line: 1, column: 1 }],
    ['{ "ociVersion": 1 }', 'ociVersion: expected a string', { line: 1, column: 17 }],
    ['{ not json', 'JSON syntax error', { line: 1, column: 3 }],
  ])('%j is refused in the tool\'s words, placed on its line', (text, words, place) => {
    const lab = fresh();
    lab.getState().importArtefact(text);
    const r = lab.getState().importResult;
    expect(r?.type === 'error' && r.message).toContain(words);
    expect(r?.type === 'error' && r.place).toEqual(place);
    expect(lab.getState().container).toBeNull();
  });

  it("runc spec's config.json runs through the Spec pane's path", async () => {
    const lab = fresh();
    lab.getState().importArtefact(await runcDefaultSpec());
    expect(lab.getState().importResult).toMatchObject({ type: 'ok', what: 'spec' });
    expect(lab.getState().entries.at(-1)?.input).toBe('runc run (config.json)');
  });
});
