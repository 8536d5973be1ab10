import type { Namespace, NamespaceOf, NsType } from './namespaces.ts';
import type { Process } from './process.ts';
import { copyMountTable } from './vfsBridge.ts';
import type { World } from './world.ts';

/**
 * Creating a namespace as clone(CLONE_NEW*) and unshare() do: the new one
 * starts as a copy of the creator's (UTS names, mounts) or empty (a network
 * namespace has only a loopback device, down; a pid namespace starts at 1).
 * @see namespaces(7), kernel/nsproxy.c create_new_namespaces()
 */
export function createNamespace(world: World, proc: Process, type: NsType, ownerUserNs: number): { world: World; id: number } {
  const id = world.nextNsId;
  let w: World = { ...world, nextNsId: id + 1 };
  const base = { id, ownerUserNs };
  let ns: Namespace;
  switch (type) {
    case 'uts': {
      const cur = world.namespaces[proc.ns.uts] as NamespaceOf<'uts'>;
      ns = { ...base, type, parent: null, hostname: cur.hostname, domainname: cur.domainname };
      break;
    }
    case 'pid': {
      const cur = world.namespaces[proc.pidNsForChildren] as NamespaceOf<'pid'>;
      ns = { ...base, type, parent: cur.id, level: cur.level + 1, nextPid: 1, initPid: null };
      break;
    }
    case 'user': {
      const cur = world.namespaces[proc.ns.user] as NamespaceOf<'user'>;
      ns = { ...base, type, ownerUserNs: cur.id, parent: cur.id, level: cur.level + 1, uidMap: [], gidMap: [], creatorUid: proc.cred.euid, setgroups: 'allow' };
      break;
    }
    case 'net':
      ns = { ...base, type, parent: null, interfaces: [{ name: 'lo', index: 1, kind: 'loopback', up: false, mac: '00:00:00:00:00:00', addrs: [] }] };
      break;
    case 'mnt': {
      const cur = world.namespaces[proc.ns.mnt] as NamespaceOf<'mnt'>;
      const copy = copyMountTable(w, cur.tableId, `mnt-${id}`);
      w = copy.world;
      ns = { ...base, type, parent: null, tableId: copy.tableId };
      break;
    }
    case 'cgroup':
      ns = { ...base, type, parent: null, root: proc.cgroup };
      break;
    case 'time':
      ns = { ...base, type, parent: null, monotonicOffsetNs: 0, boottimeOffsetNs: 0 };
      break;
    default:
      ns = { ...base, type: 'ipc', parent: null };
  }
  return { world: { ...w, namespaces: { ...w.namespaces, [id]: ns } }, id };
}

/** The deepest user-namespace nesting the kernel allows (kernel/user_namespace.c: level > 32 → EUSERS). */
export const MAX_USER_NS_LEVEL = 32;
