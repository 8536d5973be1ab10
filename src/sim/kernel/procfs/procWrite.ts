import { setOomScoreAdj } from '../../cgroups/procs.ts';
import { fail, ok, type SimResult } from '../../result.ts';
import type { IdMapEntry, NamespaceOf } from '../namespaces.ts';
import { nsCapable } from '../nsCapable.ts';
import { procByVisiblePid } from '../pidView.ts';
import type { Process } from '../process.ts';
import type { Viewer } from '../vfsBridge.ts';
import type { World } from '../world.ts';

/**
 * Writes to /proc that change the kernel: a UTS name, a user namespace's id
 * maps and setgroups, a process's oom_score_adj. Each is checked here and
 * queued on the viewer for the handler to apply.
 * @see user_namespaces(7) "Defining user and group ID mappings", proc_pid_oom_score_adj(5)
 */
export function writeProcFile(v: Viewer, writer: Process, parts: readonly string[], data: string): SimResult<true> {
  const [head, name, sub] = parts;
  if (head === 'sys' && name === 'kernel' && (sub === 'hostname' || sub === 'domainname')) return setUtsName(v, writer, sub, data);
  if (head === undefined || !/^\d+$/.test(head) || sub !== undefined || name === undefined) return fail('EACCES', 'this file is read-only');
  const target = procByVisiblePid(v.world, writer, Number(head));
  if (!target) return fail('ESRCH', `no process ${head}`);
  if (name === 'uid_map' || name === 'gid_map') return writeIdMap(v, writer, target, name === 'uid_map' ? 'uid' : 'gid', data);
  if (name === 'setgroups') return writeSetgroups(v, target, data);
  if (name === 'oom_score_adj') return writeOomScoreAdj(v, writer, target, data);
  return fail('EACCES', `/proc/${head}/${name} is read-only`);
}

function queue(v: Viewer, f: (w: World) => World): SimResult<true> {
  v.pending.push(f);
  return ok(true);
}

function setUtsName(v: Viewer, writer: Process, field: 'hostname' | 'domainname', data: string): SimResult<true> {
  const value = data.replace(/\n$/, '');
  if (value.length > 64) return fail('EINVAL', 'a UTS name is at most 64 bytes');
  const id = writer.ns.uts;
  return queue(v, (w) => ({ ...w, namespaces: { ...w.namespaces, [id]: { ...(w.namespaces[id] as NamespaceOf<'uts'>), [field]: value } } }));
}

function parseMap(data: string): IdMapEntry[] | undefined {
  const lines = data.split('\n').map((l) => l.trim()).filter(Boolean);
  const out: IdMapEntry[] = [];
  for (const line of lines) {
    const nums = line.split(/\s+/).map(Number);
    if (nums.length !== 3 || nums.some((n) => !Number.isInteger(n) || n < 0) || (nums[2] ?? 0) < 1) return undefined;
    out.push({ inside: nums[0] ?? 0, outside: nums[1] ?? 0, count: nums[2] ?? 1 });
  }
  return out.length && out.length <= 340 ? out : undefined;
}

/** The rules of user_namespaces(7): once only; from the namespace or its parent; own id alone, or CAP_SETUID/CAP_SETGID over the parent. */
function writeIdMap(v: Viewer, writer: Process, target: Process, kind: 'uid' | 'gid', data: string): SimResult<true> {
  const ns = v.world.namespaces[target.ns.user] as NamespaceOf<'user'>;
  if (ns.level === 0 || ns.parent === null) return fail('EPERM', 'the initial user namespace\'s map cannot be changed');
  if ((kind === 'uid' ? ns.uidMap : ns.gidMap).length) return fail('EPERM', `${kind}_map has been written already; it can be written once`);
  if (writer.ns.user !== ns.id && writer.ns.user !== ns.parent) return fail('EPERM', 'only a process in the namespace or its parent may write its map');
  const map = parseMap(data);
  if (!map) return fail('EINVAL', 'each line is "inside outside count" with count ≥ 1');
  const ownId = kind === 'uid' ? writer.cred.euid : writer.cred.egid;
  const ownOnly = map.length === 1 && map[0]?.count === 1 && map[0]?.outside === ownId;
  const capped = nsCapable(v.world, writer, ns.parent, kind === 'uid' ? 'CAP_SETUID' : 'CAP_SETGID');
  if (!capped && !ownOnly) return fail('EPERM', `mapping ids other than the writer's own needs CAP_SET${kind.toUpperCase()} in the parent user namespace`);
  if (kind === 'gid' && !capped && ns.setgroups !== 'deny') return fail('EPERM', 'an unprivileged gid_map needs "deny" written to setgroups first');
  const field = kind === 'uid' ? 'uidMap' : 'gidMap';
  return queue(v, (w) => ({ ...w, namespaces: { ...w.namespaces, [ns.id]: { ...(w.namespaces[ns.id] as NamespaceOf<'user'>), [field]: map } } }));
}

function writeSetgroups(v: Viewer, target: Process, data: string): SimResult<true> {
  const value = data.trim();
  if (value !== 'allow' && value !== 'deny') return fail('EINVAL', 'setgroups takes "allow" or "deny"');
  const ns = v.world.namespaces[target.ns.user] as NamespaceOf<'user'>;
  if (ns.gidMap.length && value !== ns.setgroups) return fail('EPERM', 'setgroups cannot change once gid_map is written');
  return queue(v, (w) => ({ ...w, namespaces: { ...w.namespaces, [ns.id]: { ...ns, setgroups: value } } }));
}

function writeOomScoreAdj(v: Viewer, writer: Process, target: Process, data: string): SimResult<true> {
  const adj = Number(data.trim());
  if (!Number.isInteger(adj) || adj < -1000 || adj > 1000) return fail('EINVAL', 'oom_score_adj is an integer from -1000 to 1000');
  if (adj < target.oomScoreAdj && !nsCapable(v.world, writer, v.world.initNs.user, 'CAP_SYS_RESOURCE')) {
    return fail('EACCES', 'lowering oom_score_adj needs CAP_SYS_RESOURCE');
  }
  return queue(v, (w) => {
    const tree = setOomScoreAdj(w.cgroups, target.pid, adj);
    const p = w.procs[target.pid];
    return { ...w, cgroups: tree.ok ? tree.value : w.cgroups, procs: p ? { ...w.procs, [p.pid]: { ...p, oomScoreAdj: adj } } : w.procs };
  });
}
