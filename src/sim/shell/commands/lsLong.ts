import { call, id, n, ptr, s } from '../build.ts';
import type { Program } from '../program.ts';
import { writeFd } from '../io.ts';

/**
 * `ls -l`: after listing the directory, GNU ls stats each entry without
 * following symlinks (coreutils 9.1 uses statx; the lab's lstat is
 * newfstatat with AT_SYMLINK_NOFOLLOW, the same attributes) and reads each
 * symlink's target with readlink. It leaves out the xattr probes for ACLs and
 * SELinux labels, and names only root (uid 0); other owners print as numbers.
 * @see coreutils src/ls.c gobble_file(), do_lstat(); strace -f ls -l /proc/self/ns
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TYPE: Record<string, string> = { S_IFREG: '-', S_IFDIR: 'd', S_IFLNK: 'l', S_IFCHR: 'c', S_IFBLK: 'b', S_IFSOCK: 's', S_IFIFO: 'p' };

interface Attrs { type: string; mode: number; nlink: string; uid: string; gid: string; size: string; mtime: number }

function parse(data: string): Attrs | null {
  const m = /st_mode=(S_IF[A-Z]+)(?:\|S_IS[A-Z]+)*\|(0?[0-7]+)/.exec(data);
  if (!m) return null;
  const field = (name: string) => new RegExp(`${name}=([^,}]+)`).exec(data)?.[1] ?? '?';
  return { type: m[1] ?? '', mode: parseInt(m[2] ?? '0', 8), nlink: field('st_nlink'), uid: field('st_uid'), gid: field('st_gid'), size: field('st_size'), mtime: Number(field('st_mtime')) };
}

function perms(mode: number): string {
  const t = (shift: number) => `${mode & (4 << shift) ? 'r' : '-'}${mode & (2 << shift) ? 'w' : '-'}${mode & (1 << shift) ? 'x' : '-'}`;
  return t(6) + t(3) + t(0);
}

/** On a terminal, coreutils quotes a name holding shell metacharacters (quoting style shell-escape): `'cgroup:[4026531835]'`. */
const quoted = (name: string) => (/^[A-Za-z0-9_./:+,=@%-]*$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`);

const owner = (uid: string) => (uid === '0' ? 'root' : uid);

function when(seconds: number): string {
  const d = new Date(Number.isFinite(seconds) ? seconds * 1000 : 0);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()] ?? 'Jan'} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The long listing of `names` in `dir`, one lstat (and readlink for a symlink) per entry. */
export function* longListing(dir: string, names: readonly string[]): Program {
  const lines: string[] = [];
  for (const name of names) {
    const path = `${dir.replace(/\/$/, '')}/${name}`;
    const st = yield call('newfstatat', id('AT_FDCWD'), s(path), ptr('{...}'), id('AT_SYMLINK_NOFOLLOW'));
    const a = st.errno ? null : parse(st.data ?? '');
    if (!a) {
      lines.push(`?????????? ? ?    ?    ?            ? ${name}`);
      continue;
    }
    let target = '';
    if (a.type === 'S_IFLNK') {
      const link = yield call('readlink', s(path), ptr('0x5581c2a40100'), n(4096));
      if (!link.errno) target = ` -> ${quoted(link.data ?? '')}`;
    }
    lines.push(`${TYPE[a.type] ?? '?'}${perms(a.mode)} ${a.nlink} ${owner(a.uid)} ${owner(a.gid)} ${a.size.padStart(5)} ${when(a.mtime)} ${quoted(name)}${target}`);
  }
  if (lines.length) yield* writeFd(1, `total 0\n${lines.join('\n')}\n`);
  return 0;
}
