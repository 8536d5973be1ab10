/**
 * Categories and signatures of the memory, IPC, futex, socket, system,
 * module, debugging, asynchronous-I/O and x86-specific syscalls, in the
 * format described in fileSyscalls.ts. Slots the kernel leaves empty
 * (getpmsg, tuxcall, vserver…) are listed bare under the area they were
 * meant for.
 * @see syscalls(2), unimplemented(2)
 */
export const SYSTEM_SYSCALLS = `
@memory
mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset) pointer
munmap(void *addr, size_t length) zero
mprotect(void *addr, size_t len, int prot) zero
pkey_mprotect(void *addr, size_t len, int prot, int pkey) zero
pkey_alloc(unsigned int flags, unsigned int access_rights) id
pkey_free(int pkey) zero
brk(void *addr) pointer
mremap(void *old_address, size_t old_size, size_t new_size, int flags, void *new_address) pointer
remap_file_pages(void *addr, size_t size, int prot, size_t pgoff, int flags) zero
msync(void *addr, size_t length, int flags) zero
mincore(void *addr, size_t length, unsigned char *vec) zero
madvise(void *addr, size_t length, int advice) zero
process_madvise(int pidfd, const struct iovec *iovec, size_t vlen, int advice, unsigned int flags) count
process_mrelease(int pidfd, unsigned int flags) zero
mlock(const void *addr, size_t len) zero
mlock2(const void *addr, size_t len, unsigned int flags) zero
munlock(const void *addr, size_t len) zero
mlockall(int flags) zero
munlockall() zero
mseal(unsigned long start, size_t len, unsigned long flags) zero
mbind(void *addr, unsigned long len, int mode, const unsigned long *nodemask, unsigned long maxnode, unsigned int flags) zero
set_mempolicy(int mode, const unsigned long *nodemask, unsigned long maxnode) zero
get_mempolicy(int *mode, unsigned long *nodemask, unsigned long maxnode, void *addr, unsigned long flags) zero
set_mempolicy_home_node(unsigned long start, unsigned long len, unsigned long home_node, unsigned long flags) zero
migrate_pages(int pid, unsigned long maxnode, const unsigned long *old_nodes, const unsigned long *new_nodes) count
move_pages(int pid, unsigned long count, void **pages, const int *nodes, int *status, int flags) zero
memfd_create(const char *name, unsigned int flags) fd
memfd_secret(unsigned int flags) fd
userfaultfd(int flags) fd
membarrier(int cmd, unsigned int flags, int cpu_id) value
map_shadow_stack(unsigned long addr, unsigned long size, unsigned int flags) pointer

@ipc
pipe(int pipefd[2]) zero
pipe2(int pipefd[2], int flags) zero
shmget(key_t key, size_t size, int shmflg) id
shmat(int shmid, const void *shmaddr, int shmflg) pointer
shmdt(const void *shmaddr) zero
shmctl(int shmid, int cmd, struct shmid_ds *buf) value
semget(key_t key, int nsems, int semflg) id
semop(int semid, struct sembuf *sops, size_t nsops) zero
semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout) zero
semctl(int semid, int semnum, int cmd, unsigned long arg) value
msgget(key_t key, int msgflg) id
msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg) zero
msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg) count
msgctl(int msqid, int cmd, struct msqid_ds *buf) value
mq_open(const char *name, int oflag, mode_t mode, struct mq_attr *attr) fd
mq_unlink(const char *name) zero
mq_timedsend(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio, const struct timespec *abs_timeout) zero
mq_timedreceive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned int *msg_prio, const struct timespec *abs_timeout) count
mq_notify(mqd_t mqdes, const struct sigevent *sevp) zero
mq_getsetattr(mqd_t mqdes, const struct mq_attr *newattr, struct mq_attr *oldattr) zero
getpmsg
putpmsg

@sync
futex(uint32_t *uaddr, int futex_op, uint32_t val, const struct timespec *timeout, uint32_t *uaddr2, uint32_t val3) value
futex_waitv(struct futex_waitv *waiters, unsigned int nr_futexes, unsigned int flags, struct timespec *timeout, clockid_t clockid) value
futex_wake(void *uaddr, unsigned long mask, int nr, unsigned int flags) count
futex_wait(void *uaddr, unsigned long val, unsigned long mask, unsigned int flags, struct timespec *timeout, clockid_t clockid) zero
futex_requeue(struct futex_waitv *waiters, unsigned int flags, int nr_wake, int nr_requeue) count
set_robust_list(struct robust_list_head *head, size_t len) zero
get_robust_list(int pid, struct robust_list_head **head_ptr, size_t *len_ptr) zero

@network
socket(int domain, int type, int protocol) fd
socketpair(int domain, int type, int protocol, int sv[2]) zero
connect(int sockfd, const struct sockaddr *addr, socklen_t addrlen) zero
bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen) zero
listen(int sockfd, int backlog) zero
accept(int sockfd, struct sockaddr *addr, socklen_t *addrlen) fd
accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags) fd
shutdown(int sockfd, int how) zero
getsockname(int sockfd, struct sockaddr *addr, socklen_t *addrlen) zero
getpeername(int sockfd, struct sockaddr *addr, socklen_t *addrlen) zero
setsockopt(int sockfd, int level, int optname, const void *optval, socklen_t optlen) zero
getsockopt(int sockfd, int level, int optname, void *optval, socklen_t *optlen) zero
sendto(int sockfd, const void *buf, size_t len, int flags, const struct sockaddr *dest_addr, socklen_t addrlen) count
recvfrom(int sockfd, void *buf, size_t len, int flags, struct sockaddr *src_addr, socklen_t *addrlen) count
sendmsg(int sockfd, const struct msghdr *msg, int flags) count
recvmsg(int sockfd, struct msghdr *msg, int flags) count
sendmmsg(int sockfd, struct mmsghdr *msgvec, unsigned int vlen, int flags) count
recvmmsg(int sockfd, struct mmsghdr *msgvec, unsigned int vlen, int flags, struct timespec *timeout) count

@system
uname(struct utsname *buf) zero
sysinfo(struct sysinfo *info) zero
syslog(int type, char *bufp, int len) value
getrandom(void *buf, size_t buflen, unsigned int flags) count
sethostname(const char *name, size_t len) zero
setdomainname(const char *name, size_t len) zero
reboot(int magic, int magic2, int cmd, void *arg) zero
swapon(const char *path, int swapflags) zero
swapoff(const char *path) zero
acct(const char *filename) zero
vhangup() zero
quotactl(int cmd, const char *special, int id, caddr_t addr) zero
quotactl_fd(unsigned int fd, unsigned int cmd, qid_t id, void *addr) zero
sysfs(int option, unsigned long arg1, unsigned long arg2) value
_sysctl
nfsservctl
afs_syscall
tuxcall
vserver

@module
init_module(void *module_image, unsigned long len, const char *param_values) zero
finit_module(int fd, const char *param_values, int flags) zero
delete_module(const char *name, unsigned int flags) zero
kexec_load(unsigned long entry, unsigned long nr_segments, struct kexec_segment *segments, unsigned long flags) zero
kexec_file_load(int kernel_fd, int initrd_fd, unsigned long cmdline_len, const char *cmdline, unsigned long flags) zero
create_module
get_kernel_syms
query_module

@debug
ptrace(long request, pid_t pid, void *addr, void *data) value
process_vm_readv(pid_t pid, const struct iovec *local_iov, unsigned long liovcnt, const struct iovec *remote_iov, unsigned long riovcnt, unsigned long flags) count
process_vm_writev(pid_t pid, const struct iovec *local_iov, unsigned long liovcnt, const struct iovec *remote_iov, unsigned long riovcnt, unsigned long flags) count
kcmp(pid_t pid1, pid_t pid2, int type, unsigned long idx1, unsigned long idx2) value
perf_event_open(struct perf_event_attr *attr, pid_t pid, int cpu, int group_fd, unsigned long flags) fd
bpf(int cmd, union bpf_attr *attr, unsigned int size) value
uretprobe
uprobe
lookup_dcookie

@aio
io_setup(unsigned int nr_events, aio_context_t *ctx_idp) zero
io_destroy(aio_context_t ctx_id) zero
io_submit(aio_context_t ctx_id, long nr, struct iocb **iocbpp) count
io_cancel(aio_context_t ctx_id, struct iocb *iocb, struct io_event *result) zero
io_getevents(aio_context_t ctx_id, long min_nr, long nr, struct io_event *events, struct timespec *timeout) count
io_pgetevents(aio_context_t ctx_id, long min_nr, long nr, struct io_event *events, struct timespec *timeout, const struct __aio_sigset *usig) count

@io-uring
io_uring_setup(uint32_t entries, struct io_uring_params *p) fd
io_uring_enter(unsigned int fd, unsigned int to_submit, unsigned int min_complete, unsigned int flags, sigset_t *sig, size_t sz) count
io_uring_register(unsigned int fd, unsigned int opcode, void *arg, unsigned int nr_args) value

@arch
arch_prctl(int op, unsigned long addr) zero
modify_ldt(int func, void *ptr, unsigned long bytecount) count
iopl(int level) zero
ioperm(unsigned long from, unsigned long num, int turn_on) zero
set_thread_area
get_thread_area
`;
