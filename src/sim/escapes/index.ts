import type { RuntimeId } from '../runtime/types.ts';
import type { EscapeScenario } from './types.ts';
import { PRIVILEGED_MOUNT } from './privilegedMount.ts';
import { RELEASE_AGENT } from './releaseAgent.ts';
import { RUNC_EXE } from './runcExe.ts';
import { DIRTY_PIPE } from './dirtyPipe.ts';
import { FSCONFIG } from './fsconfig.ts';
import { MODULE_LOAD } from './moduleLoad.ts';
import { PTRACE_HOST } from './ptraceHost.ts';
import { DOCKER_SOCK } from './dockerSock.ts';
import { IO_URING } from './ioUring.ts';

export type { EscapeScenario, EscapeClass, Citation } from './types.ts';

/** The escape lab's scenarios, in the order the matrix shows them. */
export const ESCAPES: readonly EscapeScenario[] = [PRIVILEGED_MOUNT, RELEASE_AGENT, RUNC_EXE, DIRTY_PIPE, FSCONFIG, MODULE_LOAD, PTRACE_HOST, DOCKER_SOCK, IO_URING];

/** The matrix's columns: the bare host first, for contrast, then every runtime of the lab. */
export const ESCAPE_RUNTIMES: readonly RuntimeId[] = ['host', 'runc', 'gvisor', 'kata', 'nabla', 'unikernel-hvt', 'firecracker', 'lightvm'];

/**
 * The name `docker run --runtime` takes for a runtime the lab's dockerd
 * knows (its daemon.json: runc built in, runsc and kata-runtime added).
 * The others have no Docker in front of them in the lab.
 * @see src/sim/stack/dockerd.ts
 */
export const DOCKER_RUNTIME_NAME: Partial<Record<RuntimeId, string>> = { runc: 'runc', gvisor: 'runsc', kata: 'kata-runtime' };

export const findEscape = (id: string): EscapeScenario | undefined => ESCAPES.find((s) => s.id === id);
