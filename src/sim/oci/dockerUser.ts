import { fail, ok, type SimResult } from '../result.ts';
import type { OciUser } from './spec.ts';

/**
 * `--user` (or the image's USER) as dockerd turns it into process.user: the
 * `user[:group]` text looked up in the image's /etc/passwd and /etc/group
 * the way moby/sys/user GetExecUser does it (the code runc's libcontainer/user
 * once held).
 * - No user: uid 0, looked up in passwd for its gid and name.
 * - A number is always a uid, never a name; with no passwd entry it is used
 *   as it is, with gid 0.
 * - A name must have a passwd entry: `unable to find user NAME: no matching
 *   entries in passwd file`.
 * - `:group` sets the gid (a name must be in /etc/group); without it, a user
 *   found in passwd gets the groups that list it as a member.
 * - Ids must be in 0..2147483647.
 * - additionalGids is the gid followed by those supplementary groups.
 * @see moby/moby vendor/github.com/moby/sys/user/user.go GetExecUser, parseNumeric
 * @see moby/moby daemon/oci_linux.go getUser, WithUser
 */

export interface AccountEntry {
  name: string;
  uid: number;
  gid: number;
}

/** The image's account files as lookups (fill them from /etc/passwd and /etc/group, or use imageAccounts). */
export interface ImageAccounts {
  /** The first /etc/passwd entry with this name. */
  lookupUser(name: string): { uid: number; gid: number } | undefined;
  /** The first /etc/passwd entry with this uid; absent: a numeric user is never found. */
  lookupUid?(uid: number): AccountEntry | undefined;
  /** The first /etc/group entry with this name, or this gid when `byGid`. */
  lookupGroup?(name: string, byGid: boolean): { gid: number } | undefined;
  /** The gids of the groups whose member list names this user, in file order. */
  groupsOf?(user: string): number[];
}

const MAX_ID = 2 ** 31 - 1;
const RANGE = `uids and gids must be in range 0-${MAX_ID}`;

/** Go's strconv.Atoi on an id: a number, not a number, or out of range. */
function numeric(text: string): { id: number } | 'name' | 'range' {
  if (!/^[+-]?\d+$/.test(text)) return 'name';
  const n = Number(text) + 0; // -0 is 0
  return n < 0 || n > MAX_ID ? 'range' : { id: n };
}

function findUser(userArg: string, accounts: ImageAccounts): SimResult<{ uid: number; gid: number; name?: string }> {
  if (userArg === '') {
    const root = accounts.lookupUid?.(0);
    return ok(root ?? { uid: 0, gid: 0 });
  }
  const num = numeric(userArg);
  if (num === 'range') return fail('EINVAL', RANGE);
  if (num !== 'name') return ok(accounts.lookupUid?.(num.id) ?? { uid: num.id, gid: 0 });
  const found = accounts.lookupUser(userArg);
  if (!found) return fail('EINVAL', `unable to find user ${userArg}: no matching entries in passwd file`);
  return ok({ ...found, name: userArg });
}

function findGroup(groupArg: string, accounts: ImageAccounts): SimResult<number> {
  const num = numeric(groupArg);
  if (num === 'range') return fail('EINVAL', RANGE);
  const found = accounts.lookupGroup?.(num === 'name' ? groupArg : String(num.id), num !== 'name');
  if (found) return ok(found.gid);
  if (num === 'name') return fail('EINVAL', `unable to find group ${groupArg}: no matching entries in group file`);
  return ok(num.id);
}

/** process.user for a `--user` text (empty: the image's default, root). */
export function resolveDockerUser(spec: string, accounts: ImageAccounts): SimResult<OciUser> {
  const [userArg = '', groupArg = ''] = spec.split(':');
  const user = findUser(userArg, accounts);
  if (!user.ok) return user;
  let gid = user.value.gid;
  let sgids: number[] = [];
  if (groupArg !== '') {
    const group = findGroup(groupArg, accounts);
    if (!group.ok) return group;
    gid = group.value;
  } else if (user.value.name !== undefined) {
    sgids = accounts.groupsOf?.(user.value.name) ?? [];
  }
  return ok({ uid: user.value.uid, gid, additionalGids: [gid, ...sgids] });
}

/**
 * Lookups over the text of /etc/passwd (`name:x:uid:gid:…`) and /etc/group
 * (`name:x:gid:member,member`). Like moby/sys/user, blank lines are
 * skipped and fields that are not numbers read as 0.
 * @see moby/moby vendor/github.com/moby/sys/user/user.go ParsePasswdFilter, ParseGroupFilter
 */
export function imageAccounts(passwd: string, group: string): Required<ImageAccounts> {
  const int = (s: string | undefined) => (/^[+-]?\d+$/.test(s ?? '') ? Number(s) : 0);
  const rows = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((l) => l.split(':'));
  const users = rows(passwd).map((f): AccountEntry => ({ name: f[0] ?? '', uid: int(f[2]), gid: int(f[3]) }));
  const groups = rows(group).map((f) => ({ name: f[0] ?? '', gid: int(f[2]), members: (f[3] ?? '').split(',').filter((m) => m !== '') }));
  return {
    lookupUser: (name) => users.find((u) => u.name === name),
    lookupUid: (uid) => users.find((u) => u.uid === uid),
    lookupGroup: (name, byGid) => groups.find((g) => (byGid ? g.gid === Number(name) : g.name === name)),
    groupsOf: (user) => groups.filter((g) => g.members.includes(user)).map((g) => g.gid),
  };
}
