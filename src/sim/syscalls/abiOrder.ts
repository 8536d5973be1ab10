import type { ArgNode } from './args.ts';

/**
 * strace prints a few calls' arguments with names and in another order than
 * the x86_64 ABI passes them: `clone(child_stack=…, flags=…, …)` although the
 * kernel takes clone(flags, stack, parent_tid, child_tid, tls). A seccomp
 * filter sees the ABI order, so rules on `arg0` of clone look at the flags.
 * @see strace src/clone.c, clone(2) "C library/kernel differences"
 */
const LABEL_SLOTS: Record<string, Record<string, number>> = {
  clone: { flags: 0, child_stack: 1, stack: 1, parent_tid: 2, parent_tidptr: 2, child_tidptr: 3, child_tid: 3, tls: 4, newtls: 4 },
};

const LABEL = /^([a-z_]+)=/;

/** Puts strace's `name=` labels into the arguments' text, so a call prints as it was written. */
export function withLabels(args: readonly ArgNode[], labels: readonly (string | null)[]): ArgNode[] {
  return args.map((a, i) => (labels[i] ? ({ ...a, text: `${labels[i]}=${a.text}` } as ArgNode) : a));
}

/** The arguments in the order the kernel (and a seccomp filter) receives them. */
export function inAbiOrder(name: string, args: readonly ArgNode[]): readonly ArgNode[] {
  const slots = LABEL_SLOTS[name];
  if (!slots || !args.some((a) => LABEL.test(a.text))) return args;
  const out: ArgNode[] = [];
  const loose: ArgNode[] = [];
  for (const a of args) {
    const slot = slots[LABEL.exec(a.text)?.[1] ?? ''];
    if (slot === undefined || out[slot] !== undefined) loose.push(a);
    else out[slot] = a;
  }
  for (let i = 0; loose.length; i++) if (out[i] === undefined) out[i] = loose.shift() as ArgNode;
  return Array.from({ length: out.length }, (_, i) => out[i] ?? ({ type: 'omitted', text: '?' } as ArgNode));
}
