import type { ConstantFamily } from './constantFamily.ts';

/** prctl options, seccomp operations and keyctl commands. */

/**
 * prctl options, the subset that matters for containers: capabilities,
 * no_new_privs, seccomp, dumpability, subreapers, names.
 * @see include/uapi/linux/prctl.h, prctl(2)
 */
export const PRCTL_OPTIONS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['PR_SET_PDEATHSIG', 1], ['PR_GET_PDEATHSIG', 2], ['PR_GET_DUMPABLE', 3], ['PR_SET_DUMPABLE', 4],
    ['PR_GET_KEEPCAPS', 7], ['PR_SET_KEEPCAPS', 8], ['PR_SET_NAME', 15], ['PR_GET_NAME', 16],
    ['PR_GET_SECCOMP', 21], ['PR_SET_SECCOMP', 22], ['PR_CAPBSET_READ', 23], ['PR_CAPBSET_DROP', 24],
    ['PR_GET_SECUREBITS', 27], ['PR_SET_SECUREBITS', 28], ['PR_SET_TIMERSLACK', 29], ['PR_GET_TIMERSLACK', 30],
    ['PR_SET_MM', 35], ['PR_SET_CHILD_SUBREAPER', 36], ['PR_GET_CHILD_SUBREAPER', 37],
    ['PR_SET_NO_NEW_PRIVS', 38], ['PR_GET_NO_NEW_PRIVS', 39], ['PR_GET_TID_ADDRESS', 40],
    ['PR_SET_THP_DISABLE', 41], ['PR_GET_THP_DISABLE', 42], ['PR_CAP_AMBIENT', 47],
    ['PR_GET_SPECULATION_CTRL', 52], ['PR_SET_SPECULATION_CTRL', 53], ['PR_SET_MDWE', 65], ['PR_GET_MDWE', 66],
    ['PR_SET_VMA', 0x53564d41],
  ],
};

/** PR_CAP_AMBIENT's second argument. @see include/uapi/linux/prctl.h */
export const CAP_AMBIENT_OPS: ConstantFamily = {
  kind: 'enum',
  entries: [['PR_CAP_AMBIENT_IS_SET', 1], ['PR_CAP_AMBIENT_RAISE', 2], ['PR_CAP_AMBIENT_LOWER', 3], ['PR_CAP_AMBIENT_CLEAR_ALL', 4]],
};

/** seccomp(2) operations. @see include/uapi/linux/seccomp.h */
export const SECCOMP_OPS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['SECCOMP_SET_MODE_STRICT', 0], ['SECCOMP_SET_MODE_FILTER', 1],
    ['SECCOMP_GET_ACTION_AVAIL', 2], ['SECCOMP_GET_NOTIF_SIZES', 3],
  ],
};

/** seccomp(2) SECCOMP_SET_MODE_FILTER flags. @see include/uapi/linux/seccomp.h */
export const SECCOMP_FILTER_FLAGS: ConstantFamily = {
  kind: 'flags',
  entries: [
    ['SECCOMP_FILTER_FLAG_TSYNC', 1], ['SECCOMP_FILTER_FLAG_LOG', 2], ['SECCOMP_FILTER_FLAG_SPEC_ALLOW', 4],
    ['SECCOMP_FILTER_FLAG_NEW_LISTENER', 8], ['SECCOMP_FILTER_FLAG_TSYNC_ESRCH', 16],
    ['SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV', 32],
  ],
};

/** prctl(PR_SET_SECCOMP) modes and what PR_GET_SECCOMP returns. @see include/uapi/linux/seccomp.h */
export const SECCOMP_MODES: ConstantFamily = {
  kind: 'enum',
  entries: [['SECCOMP_MODE_DISABLED', 0], ['SECCOMP_MODE_STRICT', 1], ['SECCOMP_MODE_FILTER', 2]],
};

/** keyctl commands (a subset). @see include/uapi/linux/keyctl.h, keyctl(2) */
export const KEYCTL_COMMANDS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['KEYCTL_GET_KEYRING_ID', 0], ['KEYCTL_JOIN_SESSION_KEYRING', 1], ['KEYCTL_UPDATE', 2],
    ['KEYCTL_REVOKE', 3], ['KEYCTL_CHOWN', 4], ['KEYCTL_SETPERM', 5], ['KEYCTL_DESCRIBE', 6],
    ['KEYCTL_CLEAR', 7], ['KEYCTL_LINK', 8], ['KEYCTL_UNLINK', 9], ['KEYCTL_SEARCH', 10],
    ['KEYCTL_READ', 11], ['KEYCTL_INSTANTIATE', 12], ['KEYCTL_NEGATE', 13],
    ['KEYCTL_SET_REQKEY_KEYRING', 14], ['KEYCTL_SET_TIMEOUT', 15], ['KEYCTL_ASSUME_AUTHORITY', 16],
    ['KEYCTL_GET_SECURITY', 17], ['KEYCTL_SESSION_TO_PARENT', 18], ['KEYCTL_REJECT', 19],
    ['KEYCTL_INSTANTIATE_IOV', 20], ['KEYCTL_INVALIDATE', 21], ['KEYCTL_GET_PERSISTENT', 22],
    ['KEYCTL_DH_COMPUTE', 23], ['KEYCTL_RESTRICT_KEYRING', 29], ['KEYCTL_MOVE', 30],
    ['KEYCTL_CAPABILITIES', 31], ['KEYCTL_WATCH_KEY', 32],
  ],
};

/** Special keyring ids, negative so they never clash with a real serial. @see include/uapi/linux/keyctl.h */
export const KEY_SPEC_IDS: ConstantFamily = {
  kind: 'enum',
  entries: [
    ['KEY_SPEC_THREAD_KEYRING', -1], ['KEY_SPEC_PROCESS_KEYRING', -2], ['KEY_SPEC_SESSION_KEYRING', -3],
    ['KEY_SPEC_USER_KEYRING', -4], ['KEY_SPEC_USER_SESSION_KEYRING', -5], ['KEY_SPEC_GROUP_KEYRING', -6],
    ['KEY_SPEC_REQKEY_AUTH_KEY', -7], ['KEY_SPEC_REQUESTOR_KEYRING', -8],
  ],
};
