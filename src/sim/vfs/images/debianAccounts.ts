/**
 * Debian 12 (bookworm) account files as a fresh image has them: the users
 * and groups base-passwd creates (its `passwd.master` and `group.master`),
 * shadow entries with no password (`*`). The lab adds one ordinary user,
 * `lab` (1000), which no Debian image has, so lessons can show an unprivileged
 * caller.
 * @see base-passwd's README (/usr/share/doc/base-passwd/users-and-groups.txt), shadow(5)
 */

/** [name, uid, gid, gecos, home, shell] in base-passwd's order. */
const USERS: ReadonlyArray<readonly [string, number, number, string, string, string]> = [
  ['root', 0, 0, 'root', '/root', '/bin/bash'],
  ['daemon', 1, 1, 'daemon', '/usr/sbin', '/usr/sbin/nologin'],
  ['bin', 2, 2, 'bin', '/bin', '/usr/sbin/nologin'],
  ['sys', 3, 3, 'sys', '/dev', '/usr/sbin/nologin'],
  ['sync', 4, 65534, 'sync', '/bin', '/bin/sync'],
  ['games', 5, 60, 'games', '/usr/games', '/usr/sbin/nologin'],
  ['man', 6, 12, 'man', '/var/cache/man', '/usr/sbin/nologin'],
  ['lp', 7, 7, 'lp', '/var/spool/lpd', '/usr/sbin/nologin'],
  ['mail', 8, 8, 'mail', '/var/mail', '/usr/sbin/nologin'],
  ['news', 9, 9, 'news', '/var/spool/news', '/usr/sbin/nologin'],
  ['uucp', 10, 10, 'uucp', '/var/spool/uucp', '/usr/sbin/nologin'],
  ['proxy', 13, 13, 'proxy', '/bin', '/usr/sbin/nologin'],
  ['www-data', 33, 33, 'www-data', '/var/www', '/usr/sbin/nologin'],
  ['backup', 34, 34, 'backup', '/var/backups', '/usr/sbin/nologin'],
  ['list', 38, 38, 'Mailing List Manager', '/var/list', '/usr/sbin/nologin'],
  ['irc', 39, 39, 'ircd', '/run/ircd', '/usr/sbin/nologin'],
  ['_apt', 42, 65534, '', '/nonexistent', '/usr/sbin/nologin'],
  ['nobody', 65534, 65534, 'nobody', '/nonexistent', '/usr/sbin/nologin'],
];

/** [name, gid] in base-passwd's order. */
const GROUPS: ReadonlyArray<readonly [string, number]> = [
  ['root', 0], ['daemon', 1], ['bin', 2], ['sys', 3], ['adm', 4], ['tty', 5], ['disk', 6], ['lp', 7],
  ['mail', 8], ['news', 9], ['uucp', 10], ['man', 12], ['proxy', 13], ['kmem', 15], ['dialout', 20],
  ['fax', 21], ['voice', 22], ['cdrom', 24], ['floppy', 25], ['tape', 26], ['sudo', 27], ['audio', 29],
  ['dip', 30], ['www-data', 33], ['backup', 34], ['operator', 37], ['list', 38], ['irc', 39], ['src', 40],
  ['shadow', 42], ['utmp', 43], ['video', 44], ['sasl', 45], ['plugdev', 46], ['staff', 50], ['games', 60],
  ['users', 100], ['nogroup', 65534],
];

/** The group that owns /etc/shadow (0640 root:shadow) and the setgid password helpers. */
export const SHADOW_GID = 42;

/** The lab's own unprivileged user, added to every image and the host. */
export const LAB_USER = { name: 'lab', uid: 1000, gid: 1000, home: '/home/lab' } as const;

/** Day number (days since 1970-01-01) in the shadow "last change" field; 19769 is 2024-02-13. */
const LAST_CHANGE = 19769;

export interface Accounts {
  passwd: string;
  group: string;
  shadow: string;
  gshadow: string;
}

export interface ExtraAccount {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
  /** The shadow password field: `*`, `!` (locked) or a hash. */
  password: string;
}

export interface AccountOptions {
  /** Overrides for the lab user (the host gives it a shell and a password). */
  lab?: Partial<ExtraAccount>;
  /** root's shadow password field; `*` (no password) in images. */
  rootPassword?: string;
  extraUsers?: readonly ExtraAccount[];
  /** [name, gid, members] */
  extraGroups?: ReadonlyArray<readonly [string, number, string]>;
}

/**
 * The four files, with the lab user (`lab:x:1000:1000::/home/lab:/bin/sh`,
 * locked password `!` as `useradd` leaves it) and any extra accounts appended.
 */
export function debianAccounts(opts: AccountOptions = {}): Accounts {
  const lab: ExtraAccount = { ...LAB_USER, gecos: '', shell: '/bin/sh', password: '!', ...opts.lab };
  const base = USERS.map(([name, uid, gid, gecos, home, shell]) => ({ name, uid, gid, gecos, home, shell, password: name === 'root' ? (opts.rootPassword ?? '*') : '*' }));
  const users = [...base, lab, ...(opts.extraUsers ?? [])];
  const groups = [...GROUPS.map(([name, gid]) => [name, gid, ''] as const), ['lab', 1000, ''] as const, ...(opts.extraGroups ?? [])];
  return {
    passwd: users.map((u) => `${u.name}:x:${u.uid}:${u.gid}:${u.gecos}:${u.home}:${u.shell}\n`).join(''),
    group: groups.map(([name, gid, members]) => `${name}:x:${gid}:${members}\n`).join(''),
    shadow: users.map((u) => `${u.name}:${u.password}:${LAST_CHANGE}:0:99999:7:::\n`).join(''),
    gshadow: groups.map(([name, , members]) => `${name}:*::${members}\n`).join(''),
  };
}
