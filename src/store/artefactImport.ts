/**
 * What a person pasted into "Bring your own → docker run / config.json":
 * a `docker run` command line (perhaps over several lines with `\`, with a
 * shell prompt, or only its flags) made into the one line the control plane
 * runs, with a map back from each column of that line to the line and
 * column of the pasted text; or config.json (it starts with `{`).
 */

export interface TextPlace {
  line: number;
  column: number;
}

export type PastedArtefact =
  | { type: 'empty' }
  | { type: 'spec'; text: string }
  /** `places[i]` is where character i of `line` was in the pasted text. */
  | { type: 'docker'; line: string; places: TextPlace[] }
  | { type: 'refused'; message: string; place: TextPlace };

const PROMPT = /^\s*(?:[$#%>]|\S*[$#]\s)\s*/;

export function readPasted(text: string): PastedArtefact {
  if (!text.trim()) return { type: 'empty' };
  if (text.trimStart().startsWith('{')) return { type: 'spec', text };
  const joined = joinContinuations(text);
  const firstWord = /^\S+/.exec(joined.line)?.[0] ?? '';
  const start = joined.places[0] ?? { line: 1, column: 1 };
  if (firstWord === 'docker') {
    if (!/^docker\s+(?:container\s+)?run(?:\s|$)/.test(joined.line)) {
      return { type: 'refused', message: 'only `docker run` lines are imported here; type other docker commands in the terminal', place: start };
    }
    return { type: 'docker', ...joined };
  }
  // `run -it debian sh` or only the flags and image (`-it --memory 64m debian sh`): docker run is implied.
  const prefix = firstWord === 'run' ? 'docker ' : 'docker run ';
  return { type: 'docker', line: prefix + joined.line, places: [...prefix].map(() => start).concat(joined.places) };
}

/**
 * The pasted lines as one line: a prompt (`$ `, `root@host:~# `) dropped,
 * `\` + newline (the shell's line continuation) and blank lines turned into
 * one space, and `#` comment lines left out, each kept character tied to its place.
 */
function joinContinuations(text: string): { line: string; places: TextPlace[] } {
  let line = '';
  const places: TextPlace[] = [];
  text.split('\n').forEach((raw, k) => {
    let body = raw.replace(/\r$/, '');
    let column = 1;
    // `# comment` is left out; `# docker run …` is root's prompt before the command.
    if (/^\s*#/.test(body) && !/^\s*#\s*(?:docker|run|-)/.test(body)) return;
    const prompt = k === 0 || line === '' ? PROMPT.exec(body) : null;
    if (prompt && !/^\s*-/.test(body)) {
      column += prompt[0].length;
      body = body.slice(prompt[0].length);
    }
    body = body.replace(/\s*\\\s*$/, '');
    const lead = /^\s*/.exec(body)?.[0].length ?? 0;
    const kept = body.slice(lead).trimEnd();
    if (!kept) return;
    if (line) {
      line += ' ';
      places.push({ line: k + 1, column: column + lead });
    }
    for (let i = 0; i < kept.length; i++) places.push({ line: k + 1, column: column + lead + i });
    line += kept;
  });
  return { line, places };
}

/** The pasted text's line and column of a 1-based column of the joined line. */
export function placeOf(pasted: Extract<PastedArtefact, { type: 'docker' }>, column: number): TextPlace {
  const i = Math.max(0, Math.min(pasted.places.length - 1, column - 1));
  return pasted.places[i] ?? { line: 1, column: 1 };
}

/**
 * Where in the line docker's own words point: the flag it does not know,
 * the value it could not read, the image it could not find. Null when the
 * message names nothing in the line.
 * @see docker/cli's cobra/pflag messages: `unknown flag: --x`, `invalid argument "v" for "-m, --memory" flag: …`
 */
export function dockerErrorColumn(line: string, message: string): number | null {
  const unknown = /unknown flag: (\S+)/.exec(message) ?? /unknown shorthand flag: '(.)'/.exec(message);
  if (unknown?.[1]) {
    const flag = unknown[1];
    const at = flag.startsWith('-') ? tokenIndex(line, flag) : line.search(new RegExp(`\\s-[A-Za-z]*${escape(flag)}`)) + 1;
    return at >= 0 ? at + 1 : null;
  }
  const invalid = /invalid argument "((?:[^"\\]|\\.)*)" for "(?:-\w, )?(--[\w-]+)"/.exec(message);
  if (invalid?.[1] !== undefined && invalid[2]) {
    const flagAt = tokenIndex(line, invalid[2]);
    const valueAt = line.indexOf(invalid[1], Math.max(0, flagAt));
    return valueAt >= 0 ? valueAt + 1 : flagAt >= 0 ? flagAt + 1 : null;
  }
  const image = /Unable to find image '([^':]+)/.exec(message) ?? /opening seccomp profile \(([^)]+)\)/.exec(message);
  if (image?.[1]) {
    const at = line.indexOf(image[1]);
    return at >= 0 ? at + 1 : null;
  }
  return null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The index of `flag` as a word of the line (`--memory` or `--memory=…`), or -1. */
function tokenIndex(line: string, flag: string): number {
  const m = new RegExp(`(^|\\s)${escape(flag)}(?=[\\s=]|$)`).exec(line);
  return m ? m.index + (m[1]?.length ?? 0) : -1;
}
