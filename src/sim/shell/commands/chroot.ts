import { call, s } from '../build.ts';
import { writeFd } from '../io.ts';
import { errnoMessage } from '../../errno.ts';
import type { Command, Program } from '../program.ts';
import type { CommandLookup } from './nsenter.ts';

/**
 * chroot DIR [CMD] (coreutils 9.1, Debian bookworm): chroot(DIR), which needs
 * CAP_SYS_CHROOT in the caller's user namespace, then chdir("/") so the cwd
 * is inside the new root, then execvp(CMD) (src/chroot.c; strace of
 * `chroot / true`: chroot("/"), chdir("/"), execve). Docker's default
 * capabilities keep CAP_SYS_CHROOT, so it works as root in a runc container.
 * The lab runs CMD in the shell's own process and has no way back out (that
 * would take the fchdir escape the lab does not model), so after chroot the
 * shell stays in the new root, as `chroot DIR` with no CMD runs a shell there.
 * Failures exit 125 (chroot's own) or 127 (CMD not found), as coreutils does.
 */
export function makeChroot(lookup: CommandLookup): Command {
  return function* (argv, env): Program {
    const [dir, ...cmd] = argv.slice(1).filter((a, i) => i > 0 || !a.startsWith('-'));
    if (!dir) {
      yield* writeFd(2, 'chroot: missing operand\n');
      return 125;
    }
    const sub = cmd[0] === undefined ? undefined : lookup(cmd[0]);
    const r = yield call('chroot', s(dir));
    if (r.errno) {
      yield* writeFd(2, `chroot: cannot change root directory to '${dir}': ${errnoMessage(r.errno)}\n`);
      return 125;
    }
    const cd = yield call('chdir', s('/'));
    if (cd.errno) {
      yield* writeFd(2, `chroot: cannot chdir to root directory: ${errnoMessage(cd.errno)}\n`);
      return 125;
    }
    if (cmd[0] === undefined) return 0;
    if (!sub) {
      yield* writeFd(2, `chroot: failed to run command '${cmd[0]}': No such file or directory\n`);
      return 127;
    }
    return yield* sub(cmd, env);
  };
}
