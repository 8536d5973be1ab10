/**
 * What Docker prints when the program to run is not in the image (`docker
 * run gcr.io/distroless/static-debian12 sh`, `docker exec CTR sh`), built
 * the way the real message is built, layer by layer:
 *
 * 1. runc init looks the program up with Go's exec.LookPath before it execs
 *    (libcontainer/standard_init_linux.go for run, setns_init_linux.go for
 *    exec). Go's error: `exec: "sh": executable file not found in $PATH`; for
 *    a name with a slash LookPath only stats it: `exec: "/bin/sh": stat
 *    /bin/sh: no such file or directory` (os/exec lp_unix.go, exec.go Error).
 * 2. runc: for create, the init error comes back over the sync socket and is
 *    wrapped "error during container init: " (process_linux.go, since runc
 *    1.2), then "unable to start container process: " (container_linux.go),
 *    then "runc create failed: " (create.go). For exec the setns process
 *    error is not wrapped that way; exec.go adds "exec failed: ".
 * 3. containerd-shim-runc-v2 prefixes runc's last logged error with "OCI
 *    runtime create failed: " / "OCI runtime exec failed: "
 *    (cmd/containerd-shim-runc-v2/process/init.go runtimeError, exec.go);
 *    containerd adds "failed to create shim task: " (core/runtime/v2/task_manager.go);
 *    dockerd adds "failed to create task for container: "
 *    (daemon/internal/libcontainerd/remote/client.go).
 * 4. The docker CLI prints "docker: Error response from daemon: …", a blank
 *    line and "Run 'docker run --help' for more information", and exits 127
 *    for "executable file not found" (cli/command/container/run.go
 *    toStatusError, withHelp). For exec, dockerd writes the error onto the
 *    exec's output stream followed by "\r\n" (daemon/server/router/container/exec.go)
 *    and sets the exec's exit code to 127 (daemon/errors.go isInvalidCommand).
 *
 * Older engines (containerd 1.x clients) ended both with ": unknown", the
 * gRPC code; containerd/errdefs/pkg v0.3 (used by containerd 2 and current
 * moby) no longer appends it. Issue reports show both forms.
 * @see https://github.com/opencontainers/runc (commit 76d9cf5d, 2026-08-19)
 * @see https://github.com/containerd/containerd (commit 301026e5, 2026-08-22)
 * @see https://github.com/moby/moby (commit b985e231, 2026-08-23), https://github.com/docker/cli (commit 28f75608, 2026-08-20)
 * @see https://github.com/containerd/errdefs/blob/main/pkg/errgrpc/grpc.go (ToNative)
 */

/** Exit status of `docker run` / `docker exec` when the command is not found. */
export const EXEC_NOT_FOUND_STATUS = 127;

/** Go's strconv.Quote for the names a shell passes: backslash, quote and control characters escaped. */
export function goQuote(s: string): string {
  const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (named[ch] !== undefined) out += named[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** Go's exec.LookPath error for a program that is not there. */
export function lookPathError(program: string): string {
  if (program.includes('/')) return `exec: ${goQuote(program)}: stat ${program}: no such file or directory`;
  return `exec: ${goQuote(program)}: executable file not found in $PATH`;
}

/**
 * runc's message for `runc create`. runc's create.go writes the literal
 * "runc create failed"; `runtime` is for a runtime that words its errors the
 * same way under another name. crun, runsc and kata word theirs differently.
 */
export function runtimeCreateError(program: string, runtime = 'runc'): string {
  return `${runtime} create failed: unable to start container process: error during container init: ${lookPathError(program)}`;
}

/**
 * The first line `docker run IMAGE program` prints on stderr when the image
 * has no such program: the brief form the container code shows.
 */
export function execNotFoundMessage(program: string, runtime = 'runc'): string {
  return `docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: ${runtimeCreateError(program, runtime)}`;
}

/** All of `docker run`'s stderr for a missing program, and its exit status. */
export function dockerRunNotFound(program: string, runtime = 'runc'): { stderr: string; exitCode: number } {
  return { stderr: `${execNotFoundMessage(program, runtime)}\n\nRun 'docker run --help' for more information\n`, exitCode: EXEC_NOT_FOUND_STATUS };
}

/** What `docker exec CTR program` prints (on the exec's output stream) for a missing program, and its exit status. */
export function dockerExecNotFound(program: string): { output: string; exitCode: number } {
  return { output: `OCI runtime exec failed: exec failed: unable to start container process: ${lookPathError(program)}\r\n`, exitCode: EXEC_NOT_FOUND_STATUS };
}
