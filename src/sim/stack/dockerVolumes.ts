/**
 * `-v/--volume` the way docker reads it: the CLI splits the spec (and refuses
 * empty sections and a fourth part), then the daemon parses it again, checks
 * the mode and the paths, and decides bind mount (absolute source) or named
 * volume. The lab models bind mounts; named and anonymous volumes are real
 * but unmodelled.
 * @see docker/cli internal/volumespec/volumespec.go Parse(); cli/command/container/opts.go parse() (binds vs volumes)
 * @see moby/moby daemon/volume/mounts/linux_parser.go ParseMountRaw(), linuxValidMountMode(), validateMountConfigImpl(); parser.go; validate.go; mounts.go
 */
export interface VolumeSpec {
  source: string;
  target: string;
  mode: string;
}

const END = '\u0000';

/** volumespec.Parse: the CLI's split, or its error text. */
export function cliVolumeSpec(spec: string): { ok: true; value: VolumeSpec } | { ok: false; error: string } {
  if (spec === '') return { ok: false, error: 'invalid empty volume spec' };
  const chars = Array.from(spec);
  if (chars.length <= 2) return { ok: true, value: { source: '', target: spec, mode: '' } };
  const v: VolumeSpec = { source: '', target: '', mode: '' };
  let buffer: string[] = [];
  for (const ch of [...chars, END]) {
    const drive = ch === ':' && buffer.length === 1 && /\p{L}/u.test(buffer[0] as string);
    if (drive || (ch !== ':' && ch !== END)) { buffer.push(ch); continue; }
    const why = fillField(v, buffer.join(''), ch === END);
    if (why) return { ok: false, error: `invalid spec: ${spec}: ${why}` };
    buffer = [];
  }
  return { ok: true, value: v };
}

/** populateFieldFromBuffer. */
function fillField(v: VolumeSpec, text: string, atEnd: boolean): string | null {
  if (text === '') return 'empty section between colons';
  if (v.source === '' && atEnd) v.target = text;
  else if (v.source === '') v.source = text;
  else if (v.target === '') v.target = text;
  else if (!atEnd) return 'too many colons';
  else v.mode = text;
  return null;
}

const RW = ['rw', 'ro'];
const LABEL = ['z', 'Z'];
const PROPAGATION = ['private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared'];
const COPY = ['nocopy'];
const CONSISTENCY = ['consistent', 'cached', 'delegated'];

/** linuxValidMountMode: known options, at most one of each kind. */
export function validMountMode(mode: string): boolean {
  if (mode === '') return true;
  const counts = [0, 0, 0, 0, 0];
  for (const o of mode.split(',')) {
    const kind = [RW, LABEL, PROPAGATION, COPY, CONSISTENCY].findIndex((list) => list.includes(o));
    if (kind < 0) return false;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts.every((c) => c <= 1);
}

/** path.Clean enough to tell whether a target is the root. */
const isRoot = (p: string): boolean => /^\/+(\.?\/*)*$/.test(p.replaceAll('\\', '/'));

/** The daemon's check of the mount config (validateMountConfigImpl), for a bind or a volume. */
function mountConfigError(v: VolumeSpec, type: 'bind' | 'volume'): string | null {
  const opts = v.mode.split(',');
  if (type === 'volume' && opts.some((o) => PROPAGATION.includes(o))) return 'field BindOptions must not be specified';
  if (type === 'bind' && opts.includes('nocopy')) return 'field VolumeOptions must not be specified';
  if (v.target === '') return 'field Target must not be empty';
  if (isRoot(v.target)) return "invalid specification: destination can't be '/'";
  if (!v.target.replaceAll('\\', '/').startsWith('/')) return `invalid mount path: '${v.target}' mount path must be absolute`;
  return null;
}

/** linuxParser.ParseMountRaw: the daemon's reading of one bind string, or its error text. */
export function daemonVolumeSpec(raw: string): { ok: true; value: VolumeSpec; type: 'bind' | 'volume' } | { ok: false; error: string } {
  const invalid = `invalid volume specification: '${raw}'`;
  const parts = raw.split(':');
  const arr = parts.length > 4 ? [...parts.slice(0, 3), parts.slice(3).join(':')] : parts;
  if (arr[0] === '' || arr.length > 3) return { ok: false, error: invalid };
  if (arr.length === 2 && validMountMode(arr[1] as string)) return { ok: false, error: invalid };
  const v: VolumeSpec = arr.length === 1
    ? { source: '', target: arr[0] as string, mode: '' }
    : { source: arr[0] as string, target: arr[1] as string, mode: arr[2] ?? '' };
  if (!validMountMode(v.mode)) return { ok: false, error: `invalid mode: ${v.mode}` };
  const type = v.source.startsWith('/') ? 'bind' : 'volume';
  const why = mountConfigError(v, type);
  if (why) return { ok: false, error: `${invalid}: invalid mount config for type "${type}": ${why}` };
  return { ok: true, value: v, type };
}

/** Any `ro` option makes the mount read-only (linuxParser.ReadWrite). */
export const isReadOnlyMode = (mode: string): boolean => mode.split(',').includes('ro');
