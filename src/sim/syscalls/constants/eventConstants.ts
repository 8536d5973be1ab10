import type { ConstantFamily } from './constantFamily.ts';

/** Constants of poll, epoll and eventfd. */

/** epoll_ctl operations. @see include/uapi/linux/eventpoll.h */
export const EPOLL_CTL_OPS: ConstantFamily = {
  kind: 'enum',
  entries: [['EPOLL_CTL_ADD', 1], ['EPOLL_CTL_DEL', 2], ['EPOLL_CTL_MOD', 3]],
};

/** epoll_create1 flags: EPOLL_CLOEXEC is O_CLOEXEC. @see include/uapi/linux/eventpoll.h */
export const EPOLL_CREATE_FLAGS: ConstantFamily = { kind: 'flags', entries: [['EPOLL_CLOEXEC', 0o2000000]] };

/** struct epoll_event events. @see include/uapi/linux/eventpoll.h, epoll_ctl(2) */
export const EPOLL_EVENTS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['EPOLLIN', 0x1], ['EPOLLPRI', 0x2], ['EPOLLOUT', 0x4], ['EPOLLERR', 0x8], ['EPOLLHUP', 0x10],
    ['EPOLLNVAL', 0x20], ['EPOLLRDNORM', 0x40], ['EPOLLRDBAND', 0x80], ['EPOLLWRNORM', 0x100],
    ['EPOLLWRBAND', 0x200], ['EPOLLMSG', 0x400], ['EPOLLRDHUP', 0x2000], ['EPOLLEXCLUSIVE', 2 ** 28],
    ['EPOLLWAKEUP', 2 ** 29], ['EPOLLONESHOT', 2 ** 30], ['EPOLLET', 2 ** 31],
  ],
};

/** struct pollfd events; x86 uses the generic values. @see include/uapi/asm-generic/poll.h */
export const POLL_EVENTS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['POLLIN', 0x1], ['POLLPRI', 0x2], ['POLLOUT', 0x4], ['POLLERR', 0x8], ['POLLHUP', 0x10],
    ['POLLNVAL', 0x20], ['POLLRDNORM', 0x40], ['POLLRDBAND', 0x80], ['POLLWRNORM', 0x100],
    ['POLLWRBAND', 0x200], ['POLLMSG', 0x400], ['POLLREMOVE', 0x1000], ['POLLRDHUP', 0x2000],
  ],
};

/** eventfd2 flags, the O_ bits of the same meaning. @see include/linux/eventfd.h, eventfd(2) */
export const EVENTFD_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['EFD_SEMAPHORE', 0x1], ['EFD_NONBLOCK', 0o4000], ['EFD_CLOEXEC', 0o2000000]],
};
