import type { ConstantFamily } from './constantFamily.ts';

/** Constants of the memory syscalls on x86_64. */

/** mmap/mprotect protection. @see include/uapi/asm-generic/mman-common.h */
export const PROT_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['PROT_READ', 0x1], ['PROT_WRITE', 0x2], ['PROT_EXEC', 0x4], ['PROT_SEM', 0x8],
    ['PROT_GROWSDOWN', 0x01000000], ['PROT_GROWSUP', 0x02000000], ['PROT_NONE', 0x0],
  ],
};

/**
 * mmap flags: the low four bits are the mapping type (shared, private…),
 * printed first; MAP_32BIT and MAP_ABOVE4G are x86's.
 * @see include/uapi/linux/mman.h, include/uapi/asm-generic/mman-common.h,
 *      arch/x86/include/uapi/asm/mman.h, mmap(2)
 */
export const MAP_FLAGS: ConstantFamily = {
  kind: 'flags',
  field: {
    mask: 0x0f,
    position: 'first',
    entries: [['MAP_SHARED', 0x1], ['MAP_PRIVATE', 0x2], ['MAP_SHARED_VALIDATE', 0x3], ['MAP_DROPPABLE', 0x8]],
  },
  entries: [
    ['MAP_FIXED', 0x10], ['MAP_ANONYMOUS', 0x20], ['MAP_32BIT', 0x40], ['MAP_ABOVE4G', 0x80],
    ['MAP_GROWSDOWN', 0x100], ['MAP_DENYWRITE', 0x800], ['MAP_EXECUTABLE', 0x1000], ['MAP_LOCKED', 0x2000],
    ['MAP_NORESERVE', 0x4000], ['MAP_POPULATE', 0x8000], ['MAP_NONBLOCK', 0x10000], ['MAP_STACK', 0x20000],
    ['MAP_HUGETLB', 0x40000], ['MAP_SYNC', 0x80000], ['MAP_FIXED_NOREPLACE', 0x100000],
    ['MAP_UNINITIALIZED', 0x4000000],
  ],
  // MAP_HUGE_* put log2(page size) in bits 26–31 (MAP_HUGE_SHIFT 26).
  aliases: [['MAP_ANON', 0x20], ['MAP_FILE', 0], ['MAP_TYPE', 0x0f], ['MAP_HUGE_2MB', 21 * 2 ** 26], ['MAP_HUGE_1GB', 30 * 2 ** 26]],
};

/** mremap flags. @see include/uapi/linux/mman.h */
export const MREMAP_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['MREMAP_MAYMOVE', 1], ['MREMAP_FIXED', 2], ['MREMAP_DONTUNMAP', 4]],
};

/** mlockall flags. @see include/uapi/asm-generic/mman.h, mlockall(2) */
export const MLOCKALL_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['MCL_CURRENT', 1], ['MCL_FUTURE', 2], ['MCL_ONFAULT', 4]],
};

/** madvise advice (a subset). @see include/uapi/asm-generic/mman-common.h, madvise(2) */
export const MADVISE_ADVICE: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['MADV_NORMAL', 0], ['MADV_RANDOM', 1], ['MADV_SEQUENTIAL', 2], ['MADV_WILLNEED', 3],
    ['MADV_DONTNEED', 4], ['MADV_FREE', 8], ['MADV_REMOVE', 9], ['MADV_DONTFORK', 10],
    ['MADV_DOFORK', 11], ['MADV_MERGEABLE', 12], ['MADV_UNMERGEABLE', 13], ['MADV_HUGEPAGE', 14],
    ['MADV_NOHUGEPAGE', 15], ['MADV_DONTDUMP', 16], ['MADV_DODUMP', 17], ['MADV_WIPEONFORK', 18],
    ['MADV_KEEPONFORK', 19], ['MADV_COLD', 20], ['MADV_PAGEOUT', 21], ['MADV_POPULATE_READ', 22],
    ['MADV_POPULATE_WRITE', 23], ['MADV_DONTNEED_LOCKED', 24], ['MADV_COLLAPSE', 25], ['MADV_HWPOISON', 100],
  ],
};

/** memfd_create flags. @see include/uapi/linux/memfd.h, memfd_create(2) */
export const MEMFD_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['MFD_CLOEXEC', 0x1], ['MFD_ALLOW_SEALING', 0x2], ['MFD_HUGETLB', 0x4], ['MFD_NOEXEC_SEAL', 0x8], ['MFD_EXEC', 0x10]],
};
