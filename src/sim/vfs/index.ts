/**
 * The virtual filesystem: inodes and filesystems, mount namespaces, path
 * resolution and permission, file operations, and the root filesystems of the
 * host and of containers. Start with README-level types in env.ts and
 * resolve.ts; hostWorld.ts and containerWorld.ts build whole worlds.
 */
export * from './path.ts';
export * from './inode.ts';
export * from './filesystem.ts';
export * from './treeSpec.ts';
export * from './synthetic.ts';
export * from './staticProvider.ts';
export * from './sysfsStatic.ts';
export * from './mount.ts';
export * from './location.ts';
export * from './node.ts';
export * from './env.ts';
export * from './permission.ts';
export * from './walk.ts';
export * from './resolve.ts';
export * from './devices.ts';
export * from './writeGuards.ts';
export * from './create.ts';
export * from './open.ts';
export * from './fileData.ts';
export * from './dirOps.ts';
export * from './attrOps.ts';
export * from './stat.ts';
export * from './pathChecks.ts';
export * from './mountAttach.ts';
export * from './fsOptions.ts';
export * from './mountNew.ts';
export * from './bindMount.ts';
export * from './remount.ts';
export * from './moveMount.ts';
export * from './umount.ts';
export * from './pivotRoot.ts';
export * from './mountFlags.ts';
export * from './mountSyscalls.ts';
export * from './procMounts.ts';
export * from './dockerDefaults.ts';
export * from './runcMasks.ts';
export * from './runcRootfs.ts';
export * from './setupHelpers.ts';
export * from './hostWorld.ts';
export * from './containerWorld.ts';
export * from './images/imageSpec.ts';
export * from './images/debianAccounts.ts';
export * from './images/debianSlim.ts';
export * from './images/alpine.ts';
export * from './images/distrolessStatic.ts';
export * from './images/hostRoot.ts';
export * from './images/catalog.ts';
