import type { CliIo } from '../../src/cli/main.ts';

/** A CliIo that keeps what isolab writes, with files served from a map (a missing one is ENOENT, as fs/promises says). */
export interface FakeIo extends CliIo {
  out: string;
  err: string;
  /** The paths readFile was asked for. */
  read: string[];
}

export function fakeIo(files: Record<string, string | NodeJS.ErrnoException> = {}): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    read: [],
    stdout: (s) => { io.out += s; },
    stderr: (s) => { io.err += s; },
    readFile: (path) => {
      io.read.push(path);
      const file = files[path];
      if (typeof file === 'string') return Promise.resolve(file);
      return Promise.reject(file ?? Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' }));
    },
  };
  return io;
}

/** A Node-style error with a code, as fs/promises rejects with. */
export function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}
