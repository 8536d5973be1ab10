import { syscallByName } from '../../syscalls/catalogue.ts';
import { COST } from '../costs.ts';
import { cloneHandler } from './clone.ts';
import { fileHandlers } from './files.ts';
import { fdHandlers } from './fds.ts';
import { identityHandlers } from './identity.ts';
import { lifecycleHandlers } from './lifecycle.ts';
import { memoryHandlers } from './memory.ts';
import { mknodHandlers } from './mknod.ts';
import { attrHandlers } from './attrs.ts';
import { ioctlHandler } from './ioctl.ts';
import { ptraceHandlers } from './ptrace.ts';
import { mountHandlers } from './mounts.ts';
import { privilegedHandlers } from './privileged.ts';
import { readlinkHandlers } from './readlink.ts';
import { setnsHandler } from './setns.ts';
import { netSocketHandler, recvmsgHandler } from './net.ts';
import type { SyscallHandler } from './types.ts';
import { unshareHandler } from './unshare.ts';
import { utsHandlers } from './uts.ts';
import { done } from './util.ts';

/** Every syscall the lab's kernel models in detail, by name. */
const HANDLERS: Record<string, SyscallHandler> = {
  ...identityHandlers,
  ...utsHandlers,
  ...privilegedHandlers,
  ...lifecycleHandlers,
  ...memoryHandlers,
  ...mknodHandlers,
  ...attrHandlers,
  ...ptraceHandlers,
  ...fileHandlers,
  ...fdHandlers,
  ...mountHandlers,
  ...readlinkHandlers,
  unshare: unshareHandler,
  setns: setnsHandler,
  clone: cloneHandler,
  clone3: cloneHandler,
  fork: cloneHandler,
  vfork: cloneHandler,
  socket: netSocketHandler,
  recvmsg: recvmsgHandler,
  ioctl: ioctlHandler,
};

/**
 * A syscall the lab does not model in detail still passes the real gates
 * (seccomp, and whatever the catalogue knows); its effect is stated, not
 * carried out, and the hop says so. It returns 0, as most such calls do on
 * success.
 */
const OUTLINE: SyscallHandler = {
  execute: (c) => {
    const info = syscallByName(c.call.name);
    const what = info ? `${info.category} call` : 'call';
    return done(c, 0, `The kernel runs ${c.call.name}, a ${what}; the lab does not model its effect and returns 0`, { simplified: true, cost: COST.generic });
  },
};

export function handlerFor(name: string): SyscallHandler {
  return HANDLERS[name] ?? OUTLINE;
}

export function isModelled(name: string): boolean {
  return name in HANDLERS;
}
