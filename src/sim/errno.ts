/**
 * Linux errno names, numbers (x86_64, asm-generic/errno-base.h and errno.h)
 * and the strerror() texts strace prints after them.
 * @see errno(3), /usr/include/asm-generic/errno-base.h
 */
const TABLE = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child processes'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EFAULT: [14, 'Bad address'],
  ENOTBLK: [15, 'Block device required'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'],
  EDOM: [33, 'Numerical argument out of domain'],
  ERANGE: [34, 'Numerical result out of range'],
  EDEADLK: [35, 'Resource deadlock avoided'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOLCK: [37, 'No locks available'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENOMSG: [42, 'No message of desired type'],
  ENODATA: [61, 'No data available'],
  ETIME: [62, 'Timer expired'],
  EOVERFLOW: [75, 'Value too large for defined data type'],
  EBADFD: [77, 'File descriptor in bad state'],
  EILSEQ: [84, 'Invalid or incomplete multibyte or wide character'],
  ERESTART: [85, 'Interrupted system call should be restarted'],
  EUSERS: [87, 'Too many users'],
  ENOTSOCK: [88, 'Socket operation on non-socket'],
  EDESTADDRREQ: [89, 'Destination address required'],
  EMSGSIZE: [90, 'Message too long'],
  EPROTOTYPE: [91, 'Protocol wrong type for socket'],
  ENOPROTOOPT: [92, 'Protocol not available'],
  EPROTONOSUPPORT: [93, 'Protocol not supported'],
  ESOCKTNOSUPPORT: [94, 'Socket type not supported'],
  EOPNOTSUPP: [95, 'Operation not supported'],
  EPFNOSUPPORT: [96, 'Protocol family not supported'],
  EAFNOSUPPORT: [97, 'Address family not supported by protocol'],
  EADDRINUSE: [98, 'Address already in use'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  ENETDOWN: [100, 'Network is down'],
  ENETUNREACH: [101, 'Network is unreachable'],
  ECONNABORTED: [103, 'Software caused connection abort'],
  ECONNRESET: [104, 'Connection reset by peer'],
  ENOBUFS: [105, 'No buffer space available'],
  EISCONN: [106, 'Transport endpoint is already connected'],
  ENOTCONN: [107, 'Transport endpoint is not connected'],
  ETIMEDOUT: [110, 'Connection timed out'],
  ECONNREFUSED: [111, 'Connection refused'],
  EHOSTUNREACH: [113, 'No route to host'],
  EALREADY: [114, 'Operation already in progress'],
  EINPROGRESS: [115, 'Operation now in progress'],
  ESTALE: [116, 'Stale file handle'],
  EDQUOT: [122, 'Disk quota exceeded'],
  ECANCELED: [125, 'Operation canceled'],
  ENOKEY: [126, 'Required key not available'],
  EKEYREVOKED: [128, 'Key has been revoked'],
  EOWNERDEAD: [130, 'Owner died'],
  ERFKILL: [132, 'Operation not possible due to RF-kill'],
  EHWPOISON: [133, 'Memory page has hardware error'],
  // Kernel-internal codes strace shows for interrupted calls (include/linux/errno.h).
  ERESTARTSYS: [512, 'To be restarted if SA_RESTART is set'],
  ERESTARTNOINTR: [513, 'To be restarted'],
  ERESTARTNOHAND: [514, 'To be restarted if no handler'],
  ENOIOCTLCMD: [515, 'No ioctl command'],
  ERESTART_RESTARTBLOCK: [516, 'Interrupted by signal'],
  ENOTSUPP: [524, 'Operation not supported'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrnoName = keyof typeof TABLE;

/** EWOULDBLOCK and EDEADLOCK are aliases strace prints under their main name. */
const ALIASES: Record<string, ErrnoName> = { EWOULDBLOCK: 'EAGAIN', EDEADLOCK: 'EDEADLK', ENOTSUP: 'EOPNOTSUPP' };

export function isErrnoName(name: string): name is ErrnoName {
  return Object.hasOwn(TABLE, name);
}

/** Resolves a name (or alias) to its canonical errno, or undefined. */
export function errnoByName(name: string): ErrnoName | undefined {
  if (isErrnoName(name)) return name;
  return ALIASES[name];
}

export function errnoNumber(name: ErrnoName): number {
  return TABLE[name][0];
}

export function errnoMessage(name: ErrnoName): string {
  return TABLE[name][1];
}

const BY_NUMBER = new Map<number, ErrnoName>(
  (Object.keys(TABLE) as ErrnoName[]).map((n) => [TABLE[n][0], n]),
);

export function errnoByNumber(num: number): ErrnoName | undefined {
  return BY_NUMBER.get(num);
}
