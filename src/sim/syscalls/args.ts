/**
 * The parsed form of one syscall argument as strace prints it.
 * The strace reader and the syscall parser produce these; the kernel model
 * resolves them to numbers and strings (see argValue.ts).
 */
export type ArgNode =
  /** 3, -1, 0x7e020000, 0644 (octal), 18446744073709551615 */
  | { type: 'number'; value: number; text: string }
  /** "…"; `truncated` when strace cut it (`"abc"...`) */
  | { type: 'string'; value: string; truncated: boolean; text: string }
  /** AT_FDCWD, O_RDONLY, NULL, SIGCHLD */
  | { type: 'ident'; name: string; text: string }
  /** A|B|0x10 — an OR of flags */
  | { type: 'flags'; parts: ArgNode[]; text: string }
  /** {st_mode=S_IFREG|0644, st_size=1234, ...} */
  | { type: 'struct'; fields: { key: string | null; value: ArgNode }[]; text: string }
  /** ["ls", "-l"], [CHLD], [{fd=3, events=POLLIN}] */
  | { type: 'array'; items: ArgNode[]; text: string }
  /** makedev(0x1, 0x3), htons(80), inet_addr("127.0.0.1") */
  | { type: 'call'; name: string; args: ArgNode[]; text: string }
  /** 3</etc/passwd> — an fd annotated by `strace -y` */
  | { type: 'fd'; fd: number; path: string; text: string }
  /** `...` where strace elides the rest, or a pointer like 0x7ffd5b1c2a10 kept as text */
  | { type: 'omitted'; text: string }
  /** anything else strace prints that the lab keeps as text (`~[RTMIN RT_1]`, `1<<SIGCHLD`) */
  | { type: 'raw'; text: string };

/** A syscall with its arguments, as typed by a user or read from a log. */
export interface SyscallCall {
  name: string;
  args: ArgNode[];
}
