/**
 * cgroup v2: the hierarchy, its cpu, memory and pids controllers, the
 * /sys/fs/cgroup files, the cgroup namespace view and Docker's flags.
 * @see Documentation/admin-guide/cgroup-v2.rst
 */
export * from './types.ts';
export * from './paths.ts';
export * from './tree.ts';
export * from './procs.ts';
export * from './pids.ts';
export * from './memoryCounters.ts';
export * from './memory.ts';
export * from './oom.ts';
export * from './cpu.ts';
export * from './parse.ts';
export * from './files.ts';
export * from './write.ts';
export * from './namespace.ts';
export * from './docker.ts';
export * from './limitState.ts';
