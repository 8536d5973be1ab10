/**
 * A family of named constants as strace decodes one argument: either one
 * value out of a list (`enum`: signals, fcntl commands) or an OR of bits
 * (`flags`: open flags, clone flags), possibly with an enumerated field
 * inside the word (the access mode in O_ flags, the exit signal in clone
 * flags, the socket type in SOCK_ flags).
 * @see strace src/xlat/*.in (the order strace prints names in)
 */

/** A name and its value on x86_64 Linux. */
export type ConstantEntry = readonly [name: string, value: number];

export interface ConstantField {
  /** The bits the field occupies. */
  mask: number;
  /** Values of the field; a value not listed leaves its bits to be printed as a number. */
  entries: readonly ConstantEntry[];
  /** Where strace prints the field: first (`O_RDONLY|O_CLOEXEC`) or last (`CLONE_VM|SIGCHLD`). */
  position: 'first' | 'last';
}

export interface ConstantFamily {
  kind: 'flags' | 'enum';
  /**
   * The names formatFlags prints, in strace's order. A composite (O_SYNC,
   * O_TMPFILE) comes before the bits it contains so that it wins. A
   * zero-valued entry is printed only for a value of exactly 0.
   */
  entries: readonly ConstantEntry[];
  field?: ConstantField;
  /** Whole values that print as one name (personality's PER_SVR4 = 0x04100001). */
  exact?: readonly ConstantEntry[];
  /** Names lookupConstant knows that formatFlags never prints: aliases, masks, glibc spellings. */
  aliases?: readonly ConstantEntry[];
  /** How bits no name covers print: hex (default) or octal (file modes, always printed). */
  rest?: 'hex' | 'octal';
  /** Whole values strace prints as plain hex (personality's 0xffffffff query). */
  raw?: readonly number[];
}
