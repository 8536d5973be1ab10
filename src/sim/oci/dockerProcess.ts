import type { Capability } from '../kernel/capabilities.ts';
import { fail, ok, type SimResult } from '../result.ts';
import type { RunRequest } from '../stack/runRequest.ts';
import { resolveDockerUser, type ImageAccounts } from './dockerUser.ts';
import type { OciProcess } from './spec.ts';

/**
 * process in the spec dockerd writes.
 * @see moby/moby daemon/oci_linux.go withCommonOptions, WithUser, WithCapabilities, WithApparmor, WithOOMScore
 * @see moby/moby daemon/commit.go merge; daemon/create.go mergeAndVerifyConfig; daemon/container.go getEntrypointAndArgs
 * @see moby/moby daemon/container/container.go CreateDaemonEnvironment; daemon/container/env.go ReplaceOrAppendEnvValues
 */

/** What the image's config says (`docker image inspect`: Config.Env, Cmd, Entrypoint, User, WorkingDir). */
export interface ImageConfig {
  env: readonly string[];
  cmd: readonly string[];
  entrypoint: readonly string[];
  user: string;
  workingDir: string;
}

/** moby's default PATH for Linux containers (daemon/pkg/oci/defaults.go defaultUnixPathEnv). */
export const DOCKER_DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The program: the image's entrypoint, then the command typed after the
 * image or else the image's CMD. Neither: `no command specified`.
 */
export function dockerArgs(req: RunRequest, image: ImageConfig): SimResult<string[]> {
  const cmd = req.command.length > 0 ? req.command : image.cmd;
  const entrypoint = image.entrypoint.length === 1 && image.entrypoint[0] === '' ? [] : image.entrypoint;
  const args = [...entrypoint, ...cmd];
  return args.length > 0 ? ok(args) : fail('EINVAL', 'no command specified');
}

/**
 * PATH, HOSTNAME and (with -t) TERM=xterm, then the image's variables: one
 * with a name already there replaces it in place, one without `=` removes it,
 * the others are appended.
 */
export function dockerEnv(image: ImageConfig, hostname: string, tty: boolean): string[] {
  const env = [`PATH=${DOCKER_DEFAULT_PATH}`, `HOSTNAME=${hostname}`, ...(tty ? ['TERM=xterm'] : [])];
  const index = new Map(env.map((e, i) => [e.split('=')[0] ?? '', i]));
  const removed = new Set<number>();
  for (const value of image.env) {
    const eq = value.indexOf('=');
    const at = index.get(eq < 0 ? value : value.slice(0, eq));
    if (eq < 0) {
      if (at !== undefined) removed.add(at);
    } else if (at !== undefined) {
      env[at] = value;
      removed.delete(at);
    } else env.push(value);
  }
  return env.filter((_, i) => !removed.has(i));
}

export interface ProcessContext {
  image: ImageConfig;
  accounts: ImageAccounts;
  appArmor?: boolean;
}

export function dockerProcess(req: RunRequest, ctx: ProcessContext, caps: readonly Capability[], hostname: string): SimResult<OciProcess> {
  const args = dockerArgs(req, ctx.image);
  if (!args.ok) return args;
  const user = resolveDockerUser(req.user || ctx.image.user, ctx.accounts);
  if (!user.ok) return user;
  const process: OciProcess = {
    terminal: req.tty, user: user.value, args: args.value, env: dockerEnv(ctx.image, hostname, req.tty),
    cwd: ctx.image.workingDir === '' ? '/' : ctx.image.workingDir,
    // containerd's WithCapabilities: bounding = effective = permitted; inheritable stays empty (moby's fix for CVE-2022-24769), no ambient.
    capabilities: { bounding: [...caps], effective: [...caps], permitted: [...caps] },
  };
  if (req.noNewPrivileges) process.noNewPrivileges = true;
  if (ctx.appArmor ?? true) process.apparmorProfile = req.privileged ? 'unconfined' : 'docker-default';
  process.oomScoreAdj = 0;
  return ok(process);
}
