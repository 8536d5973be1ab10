/**
 * Categories and signatures of the file, filesystem-metadata, mount and
 * event syscalls. Format (read by parseSyscallTable.ts): `@category` starts a
 * section; each line is `name(type arg, …) returns`, or a bare `name` where
 * the lab does not describe the arguments. Argument lists are the raw kernel
 * ones, in the man pages' words; where glibc's wrapper differs (ppoll's
 * sigsetsize, the three-argument fchmodat and faccessat) the kernel's wins,
 * because that is what strace prints.
 * @see man-pages section 2 SYNOPSIS and "C library/kernel differences"
 */
export const FILE_SYSCALLS = `
@file
read(int fd, void *buf, size_t count) count
write(int fd, const void *buf, size_t count) count
open(const char *pathname, int flags, mode_t mode) fd
openat(int dirfd, const char *pathname, int flags, mode_t mode) fd
openat2(int dirfd, const char *pathname, struct open_how *how, size_t size) fd
creat(const char *pathname, mode_t mode) fd
open_by_handle_at(int mount_fd, struct file_handle *handle, int flags) fd
name_to_handle_at(int dirfd, const char *pathname, struct file_handle *handle, int *mount_id, int flags) zero
close(int fd) zero
close_range(unsigned int first, unsigned int last, int flags) zero
lseek(int fd, off_t offset, int whence) offset
ioctl(int fd, unsigned long request, void *argp) value
pread64(int fd, void *buf, size_t count, off_t offset) count
pwrite64(int fd, const void *buf, size_t count, off_t offset) count
readv(int fd, const struct iovec *iov, int iovcnt) count
writev(int fd, const struct iovec *iov, int iovcnt) count
preadv(int fd, const struct iovec *iov, int iovcnt, off_t offset) count
pwritev(int fd, const struct iovec *iov, int iovcnt, off_t offset) count
preadv2(int fd, const struct iovec *iov, int iovcnt, off_t offset, int flags) count
pwritev2(int fd, const struct iovec *iov, int iovcnt, off_t offset, int flags) count
dup(int oldfd) fd
dup2(int oldfd, int newfd) fd
dup3(int oldfd, int newfd, int flags) fd
fcntl(int fd, int cmd, unsigned long arg) value
flock(int fd, int operation) zero
fsync(int fd) zero
fdatasync(int fd) zero
sync() zero
syncfs(int fd) zero
sync_file_range(int fd, off_t offset, off_t nbytes, unsigned int flags) zero
truncate(const char *path, off_t length) zero
ftruncate(int fd, off_t length) zero
fallocate(int fd, int mode, off_t offset, off_t len) zero
fadvise64(int fd, off_t offset, off_t len, int advice) zero
readahead(int fd, off_t offset, size_t count) zero
sendfile(int out_fd, int in_fd, off_t *offset, size_t count) count
splice(int fd_in, off_t *off_in, int fd_out, off_t *off_out, size_t len, unsigned int flags) count
tee(int fd_in, int fd_out, size_t len, unsigned int flags) count
vmsplice(int fd, const struct iovec *iov, size_t nr_segs, unsigned int flags) count
copy_file_range(int fd_in, off_t *off_in, int fd_out, off_t *off_out, size_t len, unsigned int flags) count
cachestat(unsigned int fd, struct cachestat_range *cstat_range, struct cachestat *cstat, unsigned int flags) zero

@fs-metadata
stat(const char *pathname, struct stat *statbuf) zero
fstat(int fd, struct stat *statbuf) zero
lstat(const char *pathname, struct stat *statbuf) zero
newfstatat(int dirfd, const char *pathname, struct stat *statbuf, int flags) zero
statx(int dirfd, const char *pathname, int flags, unsigned int mask, struct statx *statxbuf) zero
statfs(const char *path, struct statfs *buf) zero
fstatfs(int fd, struct statfs *buf) zero
ustat(dev_t dev, struct ustat *ubuf) zero
access(const char *pathname, int mode) zero
faccessat(int dirfd, const char *pathname, int mode) zero
faccessat2(int dirfd, const char *pathname, int mode, int flags) zero
getdents(unsigned int fd, struct linux_dirent *dirp, unsigned int count) count
getdents64(int fd, void *dirp, size_t count) count
getcwd(char *buf, size_t size) count
chdir(const char *path) zero
fchdir(int fd) zero
mkdir(const char *pathname, mode_t mode) zero
mkdirat(int dirfd, const char *pathname, mode_t mode) zero
rmdir(const char *pathname) zero
mknod(const char *pathname, mode_t mode, dev_t dev) zero
mknodat(int dirfd, const char *pathname, mode_t mode, dev_t dev) zero
rename(const char *oldpath, const char *newpath) zero
renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) zero
renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) zero
link(const char *oldpath, const char *newpath) zero
linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags) zero
unlink(const char *pathname) zero
unlinkat(int dirfd, const char *pathname, int flags) zero
symlink(const char *target, const char *linkpath) zero
symlinkat(const char *target, int newdirfd, const char *linkpath) zero
readlink(const char *pathname, char *buf, size_t bufsiz) count
readlinkat(int dirfd, const char *pathname, char *buf, size_t bufsiz) count
chmod(const char *pathname, mode_t mode) zero
fchmod(int fd, mode_t mode) zero
fchmodat(int dirfd, const char *pathname, mode_t mode) zero
fchmodat2(int dirfd, const char *pathname, mode_t mode, int flags) zero
chown(const char *pathname, uid_t owner, gid_t group) zero
fchown(int fd, uid_t owner, gid_t group) zero
lchown(const char *pathname, uid_t owner, gid_t group) zero
fchownat(int dirfd, const char *pathname, uid_t owner, gid_t group, int flags) zero
umask(mode_t mask) value
utime(const char *filename, const struct utimbuf *times) zero
utimes(const char *filename, const struct timeval times[2]) zero
futimesat(int dirfd, const char *pathname, const struct timeval times[2]) zero
utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags) zero
setxattr(const char *path, const char *name, const void *value, size_t size, int flags) zero
lsetxattr(const char *path, const char *name, const void *value, size_t size, int flags) zero
fsetxattr(int fd, const char *name, const void *value, size_t size, int flags) zero
getxattr(const char *path, const char *name, void *value, size_t size) count
lgetxattr(const char *path, const char *name, void *value, size_t size) count
fgetxattr(int fd, const char *name, void *value, size_t size) count
listxattr(const char *path, char *list, size_t size) count
llistxattr(const char *path, char *list, size_t size) count
flistxattr(int fd, char *list, size_t size) count
removexattr(const char *path, const char *name) zero
lremovexattr(const char *path, const char *name) zero
fremovexattr(int fd, const char *name) zero
setxattrat(int dirfd, const char *pathname, unsigned int at_flags, const char *name, const struct xattr_args *args, size_t size) zero
getxattrat(int dirfd, const char *pathname, unsigned int at_flags, const char *name, struct xattr_args *args, size_t size) count
listxattrat(int dirfd, const char *pathname, unsigned int at_flags, char *list, size_t size) count
removexattrat(int dirfd, const char *pathname, unsigned int at_flags, const char *name) zero
file_getattr(int dirfd, const char *pathname, struct file_attr *fattr, size_t size, unsigned int at_flags) zero
file_setattr(int dirfd, const char *pathname, struct file_attr *fattr, size_t size, unsigned int at_flags) zero

@mount
mount(const char *source, const char *target, const char *filesystemtype, unsigned long mountflags, const void *data) zero
umount2(const char *target, int flags) zero
pivot_root(const char *new_root, const char *put_old) zero
chroot(const char *path) zero
open_tree(int dirfd, const char *path, unsigned int flags) fd
open_tree_attr(int dirfd, const char *path, unsigned int flags, struct mount_attr *attr, size_t size) fd
move_mount(int from_dirfd, const char *from_path, int to_dirfd, const char *to_path, unsigned int flags) zero
fsopen(const char *fsname, unsigned int flags) fd
fsconfig(int fd, unsigned int cmd, const char *key, const void *value, int aux) zero
fsmount(int fd, unsigned int flags, unsigned int attr_flags) fd
fspick(int dirfd, const char *path, unsigned int flags) fd
mount_setattr(int dirfd, const char *path, unsigned int flags, struct mount_attr *attr, size_t size) zero
statmount(const struct mnt_id_req *req, struct statmount *smbuf, size_t bufsize, unsigned int flags) zero
listmount(const struct mnt_id_req *req, uint64_t *mnt_ids, size_t nr_mnt_ids, unsigned int flags) count

@event
poll(struct pollfd *fds, nfds_t nfds, int timeout) count
ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo_p, const sigset_t *sigmask, size_t sigsetsize) count
select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout) count
pselect6(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const struct timespec *timeout, const sigset_t *sigmask) count
epoll_create(int size) fd
epoll_create1(int flags) fd
epoll_ctl(int epfd, int op, int fd, struct epoll_event *event) zero
epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout) count
epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout, const sigset_t *sigmask, size_t sigsetsize) count
epoll_pwait2(int epfd, struct epoll_event *events, int maxevents, const struct timespec *timeout, const sigset_t *sigmask, size_t sigsetsize) count
epoll_ctl_old
epoll_wait_old
eventfd(unsigned int initval) fd
eventfd2(unsigned int initval, int flags) fd
inotify_init() fd
inotify_init1(int flags) fd
inotify_add_watch(int fd, const char *pathname, uint32_t mask) id
inotify_rm_watch(int fd, int wd) zero
fanotify_init(unsigned int flags, unsigned int event_f_flags) fd
fanotify_mark(int fanotify_fd, unsigned int flags, uint64_t mask, int dirfd, const char *pathname) zero
`;
