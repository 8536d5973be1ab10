import { fail, ok } from '../../result.ts';
import type { SyntheticProvider } from '../../vfs/synthetic.ts';
import { pidSeenBy, procByVisiblePid } from '../pidView.ts';
import { isLeader } from '../process.ts';
import { pidList, pidNode } from './procPid.ts';
import { bootNode, systemList, systemNode } from './procSystem.ts';
import { dir, link, viewerOf } from './procTypes.ts';
import { writeProcFile } from './procWrite.ts';

/**
 * procfs, answered from the world for each viewer: /proc/self is the
 * viewer's own pid as its pid namespace numbers it, and only processes of
 * that namespace (and its descendants) are listed. The lab shows the viewer's
 * pid namespace in every proc mount; the kernel shows the namespace of
 * whoever mounted it, which is the same for every process in the lab's worlds.
 * @see proc(5), pid_namespaces(7) "/proc and PID namespaces"
 */
export const procProvider: SyntheticProvider = {
  lookup(_fsId, parts, v) {
    const seen = viewerOf(v);
    const [head, ...rest] = parts;
    if (head === undefined) return dir();
    // While a runtime builds a container nobody is looking yet: answer with the fixed entries, so runc finds what it masks.
    if (!seen) return bootNode(parts);
    const { viewer, proc } = seen;
    if (head === 'self' || head === 'thread-self') return rest.length ? undefined : link(String(pidSeenBy(viewer.world, proc, proc)));
    if (/^\d+$/.test(head)) {
      const target = procByVisiblePid(viewer.world, proc, Number(head));
      return target ? pidNode(viewer, target, rest) : undefined;
    }
    return systemNode(viewer, proc, parts);
  },
  list(_fsId, parts, v) {
    const seen = viewerOf(v);
    if (!seen) return parts.length === 0 ? [] : undefined;
    const { viewer, proc } = seen;
    const [head] = parts;
    if (head !== undefined && /^\d+$/.test(head)) {
      const target = procByVisiblePid(viewer.world, proc, Number(head));
      return target ? pidList(target, parts.slice(1)) : undefined;
    }
    if (parts.length) return systemList(parts);
    // /proc lists thread groups; a thread is reachable by its tid but not listed (fs/proc/base.c proc_pid_readdir).
    const pids = Object.values(viewer.world.procs).filter(isLeader).map((p) => pidSeenBy(viewer.world, proc, p)).filter((n) => n > 0);
    return [...(systemList([]) ?? []), ...pids.sort((a, b) => a - b).map(String)];
  },
  write(_fsId, parts, data, v) {
    const seen = viewerOf(v);
    if (!seen) return fail('EACCES', 'no process to write for');
    const r = writeProcFile(seen.viewer, seen.proc, parts, data);
    return r.ok ? ok(data.length) : r;
  },
};
