import { cwdOf, goPathError, hostPath, pathKind, writeText } from '../sim/oci/bundleFs.ts';
import { runcListJson, runcListText, runcStateText } from '../sim/oci/bundleText.ts';
import { runcSpec } from '../sim/oci/runcSpec.ts';
import { specToJson } from '../sim/oci/specJson.ts';
import type { HostState } from './controlTypes.ts';
import { withTutorialBundle } from './runcBundle.ts';
import { findRunc, listed } from './runcRecords.ts';
import { hop, refusedCall, type RuncDone } from './runcTrace.ts';

/**
 * `runc spec`, `runc state` and `runc list`: runc's files and what it prints
 * from them.
 * @see opencontainers/runc spec.go (chdir to --bundle, "File config.json exists. Remove it first", os.WriteFile 0666), state.go, list.go
 */
const fail = (state: HostState, line: string, message: string, notes = ''): RuncDone => ({ state, calls: [refusedCall(line, message)], stdout: '', stderr: `${notes}ERRO[0000] ${message}\n`, status: 1 });

export function runcSpecCommand(start: HostState, rootless: boolean, bundleArg: string | undefined): RuncDone {
  const line = `runc spec${rootless ? ' --rootless' : ''}${bundleArg !== undefined ? ` -b ${bundleArg}` : ''}`;
  const prepared = withTutorialBundle(start);
  const state = prepared.state;
  const notes = prepared.notes.map((n) => `${n}\n`).join('');
  const { world, pid } = state.host;
  const dir = hostPath(cwdOf(world, pid), bundleArg ?? '.');
  if (bundleArg !== undefined) {
    const kind = pathKind(world, pid, dir);
    if (!kind.ok) return fail(state, line, goPathError('chdir', bundleArg, kind), notes);
  }
  const file = `${dir}/config.json`;
  if (pathKind(world, pid, file).ok) return fail(state, line, 'File config.json exists. Remove it first', notes);
  // runc writes the spec for the user running it: as root, --rootless maps container root to uid 0.
  const text = specToJson(runcSpec(rootless ? { rootless, uid: 0, gid: 0 } : {}));
  const written = writeText(world, pid, file, text, 0o666);
  if (!written.ok) return fail(state, line, goPathError('open', 'config.json', written), notes);
  const calls = [{
    name: line, line: `${line} = 0`, retval: 0, errno: null, deniedBy: null, reason: null, servedBy: 'host' as const,
    hops: [
      hop('oci-runtime', 'handled', `runc writes its example spec${rootless ? ', made rootless (a user namespace, no network namespace, /sys bound from the host)' : ''} to ${file}: a starting point to edit (args is ["sh"], terminal is true)`, 500_000),
      hop('host-kernel', 'handled', `openat(AT_FDCWD, "config.json", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) in ${dir}, then write(${text.length} bytes): the file is 0644 after the shell's umask 022`, 20_000, 'do_sys_openat2'),
    ],
  }];
  return { state: { ...state, host: { ...state.host, world: written.value } }, calls, stdout: '', stderr: notes, status: 0 };
}

export function runcState(state: HostState, root: string, id: string): RuncDone {
  const c = findRunc(state.stack, id);
  if (!c) return fail(state, `runc state ${id}`, 'container does not exist');
  const s = listed(state, root, c);
  const calls = [{
    name: `runc state ${id}`, line: `runc state ${id} = 0`, retval: 0, errno: null, deniedBy: null, reason: null, servedBy: 'host' as const,
    hops: [hop('oci-runtime', 'handled', `runc reads ${root}/${id}/state.json and looks at the init (pid ${c.pid}): the container is "${s.status}"`, 500_000, undefined, s.status)],
  }];
  return { state, calls, stdout: runcStateText(s), stderr: '', status: 0 };
}

export function runcList(state: HostState, root: string, quiet: boolean, format: string): RuncDone {
  const rows = state.stack.containers.filter((c) => c.via === 'runc').map((c) => listed(state, root, c)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stdout = quiet ? runcListText(rows, true) : format === 'json' ? runcListJson(rows) : runcListText(rows, false);
  return { state, calls: [], stdout, stderr: '', status: 0 };
}

