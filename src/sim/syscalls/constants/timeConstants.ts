import type { ConstantFamily } from './constantFamily.ts';

/** Clock ids and timer flags. */

/**
 * Clock ids. Solo5's spt tender lets clock_gettime read only
 * CLOCK_MONOTONIC and CLOCK_REALTIME. Id 10 (CLOCK_SGI_CYCLE) is unused.
 * @see include/uapi/linux/time.h, clock_gettime(2)
 */
export const CLOCK_IDS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['CLOCK_REALTIME', 0], ['CLOCK_MONOTONIC', 1], ['CLOCK_PROCESS_CPUTIME_ID', 2], ['CLOCK_THREAD_CPUTIME_ID', 3],
    ['CLOCK_MONOTONIC_RAW', 4], ['CLOCK_REALTIME_COARSE', 5], ['CLOCK_MONOTONIC_COARSE', 6], ['CLOCK_BOOTTIME', 7],
    ['CLOCK_REALTIME_ALARM', 8], ['CLOCK_BOOTTIME_ALARM', 9], ['CLOCK_TAI', 11],
  ],
};

/** clock_nanosleep and timer_settime flags. @see include/uapi/linux/time.h */
export const TIMER_FLAGS: ConstantFamily = { kind: 'flags', entries: [['TIMER_ABSTIME', 1]] };

/** getitimer/setitimer which. @see include/uapi/linux/time.h */
export const ITIMER_WHICH: ConstantFamily = {
  kind: 'enum',
  entries: [['ITIMER_REAL', 0], ['ITIMER_VIRTUAL', 1], ['ITIMER_PROF', 2]],
};

/** timerfd_create flags. @see include/uapi/linux/timerfd.h */
export const TIMERFD_CREATE_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['TFD_NONBLOCK', 0o4000], ['TFD_CLOEXEC', 0o2000000]],
};

/** timerfd_settime flags. @see include/uapi/linux/timerfd.h */
export const TIMERFD_SETTIME_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [['TFD_TIMER_ABSTIME', 1], ['TFD_TIMER_CANCEL_ON_SET', 2]],
};
