import type { ArgNode, SyscallCall } from '../syscalls/args.ts';

/** Builders for the calls the shell's commands make, printed as strace prints them. */

export const n = (value: number): ArgNode => ({ type: 'number', value, text: String(value) });

export const oct = (value: number): ArgNode => ({ type: 'number', value, text: `0${value.toString(8)}` });

export const hex = (value: number): ArgNode => ({ type: 'number', value, text: `0x${value.toString(16)}` });

export const id = (name: string): ArgNode => ({ type: 'ident', name, text: name });

export const NULL: ArgNode = { type: 'ident', name: 'NULL', text: 'NULL' };

/** A C string; strace shows at most 32 characters, then `...`. */
export function s(value: string, max = 32): ArgNode {
  const esc = (t: string) => t.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  const cut = value.length > max;
  return { type: 'string', value, truncated: cut, text: cut ? `"${esc(value.slice(0, max))}"...` : `"${esc(value)}"` };
}

/** A|B|C */
export function flags(...names: string[]): ArgNode {
  const parts = names.map(id);
  return parts.length === 1 ? (parts[0] as ArgNode) : { type: 'flags', parts, text: names.join('|') };
}

/** A pointer or buffer strace prints as an address or elides. */
export const ptr = (text: string): ArgNode => ({ type: 'omitted', text });

export function call(name: string, ...args: ArgNode[]): SyscallCall {
  return { name, args };
}

/** `flags=CLONE_VM|SIGCHLD`: an argument strace prints with its name (clone, clone3). */
export function labelled(label: string, node: ArgNode): ArgNode {
  return { ...node, text: `${label}=${node.text}` } as ArgNode;
}
