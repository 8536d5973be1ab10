import { describe, expect, it } from 'vitest';
import { dockerErrorColumn, placeOf, readPasted } from '../../src/store/artefactImport.ts';

/** A pasted `docker run` made into the one line the control plane runs, with each column traced back to the pasted text. */
describe('readPasted', () => {
  it.each([
    ['docker run -it debian sh', 'docker run -it debian sh'],
    ['$ docker run -it debian sh', 'docker run -it debian sh'],
    ['root@lab:~# docker run --rm -it alpine sh\n', 'docker run --rm -it alpine sh'],
    ['docker run -it \\\n  --memory 64m \\\n  debian sh', 'docker run -it --memory 64m debian sh'],
    ['run -it debian sh', 'docker run -it debian sh'],
    ['-it --cap-drop ALL debian sh', 'docker run -it --cap-drop ALL debian sh'],
    ['# start a box\ndocker run -it debian sh', 'docker run -it debian sh'],
    ['docker container run -it debian sh', 'docker container run -it debian sh'],
  ])('%j → %j', (text, line) => {
    const p = readPasted(text);
    expect(p.type === 'docker' && p.line).toBe(line);
    if (p.type === 'docker') expect(p.places).toHaveLength(line.length);
  });

  it.each([
    ['', 'empty'],
    ['   \n\t', 'empty'],
    ['{"ociVersion": "1.2.0"}', 'spec'],
    ['\n  { not json', 'spec'],
    ['docker ps -a', 'refused'],
  ])('%j is %s', (text, type) => {
    expect(readPasted(text).type).toBe(type);
  });
});

describe('placeOf', () => {
  it.each([
    // pasted, the text to find in the joined line, its line and column in the pasted text
    ['docker run -it \\\n  --memroy 64m debian sh', '--memroy', 2, 3],
    ['$ docker run -it debian sh', 'debian', 1, 18],
    ['-it --memory abc debian', 'abc', 1, 14],
    ['docker run -it \\\n    --memory 64m \\\n\tdebian sh', 'debian', 3, 2],
  ])('%j: %s is at line %i, column %i', (text, token, line, column) => {
    const p = readPasted(text);
    if (p.type !== 'docker') throw new Error(p.type);
    expect(placeOf(p, p.line.indexOf(token) + 1)).toEqual({ line, column });
  });
});

describe('dockerErrorColumn', () => {
  const line = 'docker run -it --memory abc --security-opt seccomp=/root/p.json nosuchimage sh';
  it.each([
    ['unknown flag: --memroy', 'docker run --memroy 64m debian', '--memroy'],
    ["unknown shorthand flag: 'x' in -x", 'docker run -itx debian', '-itx'],
    ['invalid argument "abc" for "-m, --memory" flag: invalid size: \'abc\'', line, 'abc'],
    ["docker: Unable to find image 'nosuchimage:latest' locally", line, 'nosuchimage'],
    ['docker: opening seccomp profile (/root/p.json) failed: open /root/p.json: no such file or directory', line, '/root/p.json'],
  ])('%s points at %s', (message, text, token) => {
    expect(dockerErrorColumn(text, message)).toBe(text.indexOf(token) + 1);
  });

  it('says nothing when the message names nothing in the line', () => {
    expect(dockerErrorColumn('docker run debian', 'docker: Error response from daemon: something else')).toBeNull();
  });
});
