import { describe, expect, it } from 'vitest';
import { referenceCsv } from '../../helpers/reference.ts';
import { SYSCALLS, allSyscalls, formatSignature, isSyscallName, syscallByName, syscallByNumber } from '../../../src/sim/syscalls/catalogue.ts';
import { RETURN_KINDS, SYSCALL_CATEGORIES } from '../../../src/sim/syscalls/syscallInfo.ts';

const table = referenceCsv('syscalls_x86_64.csv');

describe('the catalogue against syscall_64.tbl (syscalls_x86_64.csv)', () => {
  it('has exactly the 385 rows of the reference, in number order', () => {
    expect(table).toHaveLength(385);
    expect(SYSCALLS).toHaveLength(385);
    expect(SYSCALLS.map((s) => s.number)).toEqual(table.map((r) => Number(r.number)));
  });

  it.each(table)('$number $name', (row) => {
    const byNumber = syscallByNumber(Number(row.number));
    expect(byNumber?.name).toBe(row.name);
    expect(syscallByName(row.name ?? '')?.number).toBe(Number(row.number));
    expect(byNumber?.entryPoint).toBe(row.entry_point === '' ? null : row.entry_point);
    // An empty slot or sys_ni_syscall both mean ENOSYS.
    expect(byNumber?.implemented).toBe(row.entry_point !== '' && row.entry_point !== 'sys_ni_syscall');
    expect(byNumber?.abi).toBe(row.abi);
  });

  it('agrees with gVisor\'s amd64 table on every number (gVisor spells 156 `sysctl`)', () => {
    const gvisor = referenceCsv('gvisor_syscalls_amd64.csv');
    const renamed = gvisor.map((r) => (r.name === 'sysctl' ? '_sysctl' : r.name));
    expect(renamed).toEqual(gvisor.map((r) => syscallByNumber(Number(r.number))?.name));
  });
});

describe('catalogue entries', () => {
  it('describes the arguments of at least 150 syscalls', () => {
    expect(SYSCALLS.filter((s) => s.args !== null).length).toBeGreaterThanOrEqual(150);
  });

  it.each(SYSCALLS.map((s) => ({ name: s.name, s })))('$name has a category, and a return kind with its arguments', ({ s }) => {
    expect(SYSCALL_CATEGORIES).toContain(s.category);
    if (s.args) expect(RETURN_KINDS).toContain(s.returns);
    else expect(s.returns).toBeNull();
    expect(s.args?.every((a) => a.name !== '' && a.type !== '') ?? true).toBe(true);
  });

  it('gives no kernel slot a signature it cannot take (at most six registers)', () => {
    expect(SYSCALLS.filter((s) => (s.args?.length ?? 0) > 6)).toEqual([]);
  });

  it.each([
    { name: 'openat', sig: 'openat(int dirfd, const char *pathname, int flags, mode_t mode)', returns: 'fd', category: 'file' },
    { name: 'execve', sig: 'execve(const char *pathname, char *const argv[], char *const envp[])', returns: 'noreturn', category: 'process' },
    { name: 'clone', sig: 'clone(unsigned long flags, void *stack, int *parent_tid, int *child_tid, unsigned long tls)', returns: 'pid', category: 'process' },
    { name: 'mmap', sig: 'mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)', returns: 'pointer', category: 'memory' },
    { name: 'utimensat', sig: 'utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags)', returns: 'zero', category: 'fs-metadata' },
    { name: 'mount', sig: 'mount(const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data)', returns: 'zero', category: 'mount' },
    { name: 'getpid', sig: 'getpid()', returns: 'pid', category: 'process' },
    { name: 'unshare', sig: 'unshare(int flags)', returns: 'zero', category: 'namespace' },
    { name: 'keyctl', sig: 'keyctl(int operation, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)', returns: 'value', category: 'keys' },
    { name: 'io_uring_setup', sig: 'io_uring_setup(uint32_t entries, struct io_uring_params *p)', returns: 'fd', category: 'io-uring' },
    { name: 'tuxcall', sig: 'tuxcall(…)', returns: null, category: 'system' },
  ])('$name: $sig', ({ name, sig, returns, category }) => {
    const s = syscallByName(name);
    expect(s && formatSignature(s)).toBe(sig);
    expect(s?.returns).toBe(returns);
    expect(s?.category).toBe(category);
  });

  it.each([
    { name: '_sysctl', number: 156, implemented: false, entryPoint: 'sys_ni_syscall' },
    { name: 'security', number: 185, implemented: false, entryPoint: null },
    { name: 'newfstatat', number: 262, implemented: true, entryPoint: 'sys_newfstatat' },
    { name: 'umount2', number: 166, implemented: true, entryPoint: 'sys_umount' },
    { name: 'uprobe', number: 336, implemented: true, entryPoint: 'sys_uprobe' },
    { name: 'rseq_slice_yield', number: 471, implemented: true, entryPoint: 'sys_rseq_slice_yield' },
  ])('$name is slot $number', ({ name, number, implemented, entryPoint }) => {
    expect(syscallByName(name)).toMatchObject({ number, implemented, entryPoint });
  });

  it.each([
    { lookup: () => syscallByName('sysctl'), what: 'gVisor\'s spelling of _sysctl' },
    { lookup: () => syscallByName('OPENAT'), what: 'a name in the wrong case' },
    { lookup: () => syscallByName('umount'), what: 'a name from another architecture' },
    { lookup: () => syscallByNumber(337), what: 'a number in the unused 337–423 gap' },
    { lookup: () => syscallByNumber(512), what: 'an x32 number' },
  ])('finds nothing for $what', ({ lookup }) => {
    expect(lookup()).toBeUndefined();
  });

  it('lists 16 empty slots plus _sysctl as unimplemented', () => {
    expect(allSyscalls().filter((s) => !s.implemented)).toHaveLength(17);
    expect(isSyscallName('read')).toBe(true);
    expect(isSyscallName('reed')).toBe(false);
  });
});
