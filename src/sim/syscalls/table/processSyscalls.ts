/**
 * Categories and signatures of the process, scheduling, credential, signal,
 * time, namespace, security and key syscalls, in the format described in
 * fileSyscalls.ts. clone is the raw x86_64 order (flags, stack, parent_tid,
 * child_tid, tls); wait4/waitid/rt_sig* carry the kernel's extra arguments.
 * @see clone(2) "C library/kernel differences", waitid(2), rt_sigprocmask(2)
 */
export const PROCESS_SYSCALLS = `
@process
clone(unsigned long flags, void *stack, int *parent_tid, int *child_tid, unsigned long tls) pid
clone3(struct clone_args *cl_args, size_t size) pid
fork() pid
vfork() pid
execve(const char *pathname, char *const argv[], char *const envp[]) noreturn
execveat(int dirfd, const char *pathname, char *const argv[], char *const envp[], int flags) noreturn
exit(int status) noreturn
exit_group(int status) noreturn
wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage) pid
waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options, struct rusage *rusage) zero
getpid() pid
gettid() pid
getppid() pid
getpgrp() pid
getpgid(pid_t pid) pid
setpgid(pid_t pid, pid_t pgid) zero
getsid(pid_t pid) pid
setsid() pid
set_tid_address(int *tidptr) pid
pidfd_open(pid_t pid, unsigned int flags) fd
pidfd_getfd(int pidfd, int targetfd, unsigned int flags) fd
personality(unsigned long persona) value
prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5) value
getrlimit(int resource, struct rlimit *rlim) zero
setrlimit(int resource, const struct rlimit *rlim) zero
prlimit64(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit) zero
getrusage(int who, struct rusage *usage) zero
uselib

@sched
sched_yield() zero
sched_setparam(pid_t pid, const struct sched_param *param) zero
sched_getparam(pid_t pid, struct sched_param *param) zero
sched_setscheduler(pid_t pid, int policy, const struct sched_param *param) zero
sched_getscheduler(pid_t pid) value
sched_get_priority_max(int policy) value
sched_get_priority_min(int policy) value
sched_rr_get_interval(pid_t pid, struct timespec *tp) zero
sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *mask) zero
sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask) count
sched_setattr(pid_t pid, struct sched_attr *attr, unsigned int flags) zero
sched_getattr(pid_t pid, struct sched_attr *attr, unsigned int size, unsigned int flags) zero
getpriority(int which, id_t who) value
setpriority(int which, id_t who, int prio) zero
ioprio_set(int which, int who, int ioprio) zero
ioprio_get(int which, int who) value
getcpu(unsigned int *cpu, unsigned int *node, void *tcache) zero
rseq(struct rseq *rseq, uint32_t rseq_len, int flags, uint32_t sig) zero
rseq_slice_yield

@credentials
getuid() id
geteuid() id
getgid() id
getegid() id
setuid(uid_t uid) zero
setgid(gid_t gid) zero
setreuid(uid_t ruid, uid_t euid) zero
setregid(gid_t rgid, gid_t egid) zero
setresuid(uid_t ruid, uid_t euid, uid_t suid) zero
getresuid(uid_t *ruid, uid_t *euid, uid_t *suid) zero
setresgid(gid_t rgid, gid_t egid, gid_t sgid) zero
getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid) zero
setfsuid(uid_t fsuid) id
setfsgid(gid_t fsgid) id
getgroups(int size, gid_t list[]) count
setgroups(size_t size, const gid_t *list) zero

@signal
kill(pid_t pid, int sig) zero
tkill(pid_t tid, int sig) zero
tgkill(pid_t tgid, pid_t tid, int sig) zero
pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags) zero
rt_sigaction(int signum, const struct sigaction *act, struct sigaction *oldact, size_t sigsetsize) zero
rt_sigprocmask(int how, const sigset_t *set, sigset_t *oldset, size_t sigsetsize) zero
rt_sigreturn() value
rt_sigpending(sigset_t *set, size_t sigsetsize) zero
rt_sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout, size_t sigsetsize) value
rt_sigqueueinfo(pid_t tgid, int sig, siginfo_t *info) zero
rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, siginfo_t *info) zero
rt_sigsuspend(const sigset_t *mask, size_t sigsetsize) value
sigaltstack(const stack_t *ss, stack_t *old_ss) zero
pause() value
restart_syscall() value
signalfd(int fd, const sigset_t *mask, size_t sizemask) fd
signalfd4(int fd, const sigset_t *mask, size_t sizemask, int flags) fd

@time
nanosleep(const struct timespec *req, struct timespec *rem) zero
clock_nanosleep(clockid_t clockid, int flags, const struct timespec *request, struct timespec *remain) zero
clock_gettime(clockid_t clockid, struct timespec *tp) zero
clock_settime(clockid_t clockid, const struct timespec *tp) zero
clock_getres(clockid_t clockid, struct timespec *res) zero
clock_adjtime(clockid_t clockid, struct timex *buf) value
gettimeofday(struct timeval *tv, struct timezone *tz) zero
settimeofday(const struct timeval *tv, const struct timezone *tz) zero
adjtimex(struct timex *buf) value
time(time_t *tloc) value
times(struct tms *buf) value
alarm(unsigned int seconds) value
getitimer(int which, struct itimerval *curr_value) zero
setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value) zero
timer_create(clockid_t clockid, struct sigevent *sevp, timer_t *timerid) zero
timer_settime(timer_t timerid, int flags, const struct itimerspec *new_value, struct itimerspec *old_value) zero
timer_gettime(timer_t timerid, struct itimerspec *curr_value) zero
timer_getoverrun(timer_t timerid) count
timer_delete(timer_t timerid) zero
timerfd_create(int clockid, int flags) fd
timerfd_settime(int fd, int flags, const struct itimerspec *new_value, struct itimerspec *old_value) zero
timerfd_gettime(int fd, struct itimerspec *curr_value) zero

@namespace
unshare(int flags) zero
setns(int fd, int nstype) zero
listns

@security
capget(cap_user_header_t hdrp, cap_user_data_t datap) zero
capset(cap_user_header_t hdrp, const cap_user_data_t datap) zero
seccomp(unsigned int operation, unsigned int flags, void *args) value
landlock_create_ruleset(const struct landlock_ruleset_attr *attr, size_t size, uint32_t flags) fd
landlock_add_rule(int ruleset_fd, enum landlock_rule_type rule_type, const void *rule_attr, uint32_t flags) zero
landlock_restrict_self(int ruleset_fd, uint32_t flags) zero
lsm_get_self_attr(unsigned int attr, struct lsm_ctx *ctx, uint32_t *size, uint32_t flags) count
lsm_set_self_attr(unsigned int attr, struct lsm_ctx *ctx, uint32_t size, uint32_t flags) zero
lsm_list_modules(uint64_t *ids, uint32_t *size, uint32_t flags) count
security

@keys
add_key(const char *type, const char *description, const void *payload, size_t plen, key_serial_t keyring) id
request_key(const char *type, const char *description, const char *callout_info, key_serial_t dest_keyring) id
keyctl(int operation, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5) value
`;
