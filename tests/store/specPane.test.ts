import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/store/engine.ts';
import { createLabStore } from '../../src/store/labStore.ts';
import { offsetOf, runcDefaultSpec, SPEC_RUN_INPUT, specProblemOf } from '../../src/store/specPane.ts';

/** The Spec pane's side of the store: the container's config.json after each run, and runs from the editor. */
describe('specProblemOf: where a refusal points', () => {
  it.each([
    { message: 'linux.namespaces[1].type: "netns" is not a namespace type; the spec\'s types are pid, network (line 138, column 13)', path: 'linux.namespaces[1].type', line: 138, column: 13 },
    { message: 'JSON syntax error at line 4, column 1: unexpected end of input', path: null, line: 4, column: 1 },
    { message: 'config.json: config.json holds one JSON object, found an array (line 1, column 1)', path: null, line: 1, column: 1 },
    { message: 'process: missing; runc refuses a config without it', path: 'process', line: null, column: null },
  ])('$message', ({ message, path, line, column }) => {
    expect(specProblemOf(message)).toEqual({ message, path, line, column });
  });

  it.each([
    { line: 1, column: 1, at: 0 },
    { line: 2, column: 3, at: 6 },
    { line: 9, column: 1, at: 11 },
  ])('offsetOf line $line column $column is $at', ({ line, column, at }) => {
    expect(offsetOf('abc\nde fg\nh', line, column)).toBe(at);
  });

  it('the default is what runc spec writes', async () => {
    const text = await runcDefaultSpec();
    expect(JSON.parse(text)).toMatchObject({ ociVersion: '1.3.0', process: { terminal: true, args: ['sh'] }, hostname: 'runc' });
  });
});

describe('the store and the Spec pane', () => {
  it('specText follows the attached container, and is null outside one', () => {
    const store = createLabStore(createEngine());
    expect(store.getState().specText).toBeNull();
    store.getState().submitLine('docker run -it --cap-add SYS_ADMIN debian sh');
    expect(store.getState().specText).toContain('"CAP_SYS_ADMIN"');
    store.getState().submitLine('exit');
    expect(store.getState().specText).toBeNull();
  });

  it('a bad spec is refused with where it went wrong, recorded like a typed line, and nothing attaches', () => {
    const store = createLabStore(createEngine());
    store.getState().applySpec('{"ociVersion": "1.3.0", "root": {"path": "rootfs"}, "process": {"cwd": "/", "args": ["sh"], "user": {"uid": 0, "gid": 0}}, "linux": {"namespaces": [{"type": "netns"}]}}');
    const s = store.getState();
    expect(s.specProblem).toMatchObject({ path: 'linux.namespaces[0].type', line: 1 });
    expect(s.container).toBeNull();
    expect(s.entries.at(-1)).toMatchObject({ input: SPEC_RUN_INPUT, run: { type: 'refused' } });
  });

  it('an edited spec runs: the terminal lands in the new container, whose config.json the pane then shows', () => {
    const store = createLabStore(createEngine());
    store.getState().submitLine('docker run -it --cap-add SYS_ADMIN debian sh');
    const edited = (store.getState().specText ?? '').replace(/"hostname": "[^"]*"/, '"hostname": "edited"');
    store.getState().applySpec(edited);
    const s = store.getState();
    expect(s.specProblem).toBeNull();
    expect(s.container).toMatchObject({ name: 'spec-1', runtime: 'runc' });
    expect(s.specText).toContain('"hostname": "edited"');
    expect(s.transcript.some((l) => l.kind === 'input' && l.text.endsWith(SPEC_RUN_INPUT))).toBe(true);
    store.getState().submitLine('hostname');
    expect(s.transcript.length).toBeLessThan(store.getState().transcript.length);
    expect(store.getState().transcript.at(-1)?.text).toBe('edited');
  });

  it('a spec runc refuses (no such program in the root filesystem) is shown with runc\'s words', () => {
    const store = createLabStore(createEngine());
    store.getState().applySpec(JSON.stringify({ ociVersion: '1.3.0', root: { path: 'rootfs' }, process: { cwd: '/', args: ['bash'], user: { uid: 0, gid: 0 } }, linux: { namespaces: [{ type: 'mount' }, { type: 'pid' }] } }));
    expect(store.getState().specProblem?.message).toContain('ERRO[0000] runc run failed: unable to start container process: error during container init: exec: "bash": executable file not found in $PATH');
  });
});
