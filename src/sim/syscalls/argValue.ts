import type { ArgNode } from './args.ts';
import { lookupConstant } from './constants/lookupConstant.ts';
import { bitOr } from './constants/bits.ts';
import { parseFlags, parseIntegerLiteral } from './constants/formatFlags.ts';

/**
 * Resolving a parsed strace argument (ArgNode) to what the kernel would
 * receive: a number for integers, constants and flags, a string for paths.
 * Anything the lab cannot resolve is `undefined`, never an exception, so a
 * model can say "argument not understood" instead of failing.
 */

/**
 * glibc's makedev: major in bits 8–19 and 44–63, minor in bits 0–7 and 20–43.
 * For majors below 4096 and minors below 256 this is (major << 8) | minor.
 * @see makedev(3), glibc sysdeps/unix/sysv/linux/sys/sysmacros.h
 */
function makedev(major: number, minor: number): number {
  const lowMajor = major % 0x1000;
  const lowMinor = minor % 0x100;
  return lowMajor * 2 ** 8 + (major - lowMajor) * 2 ** 32 + lowMinor + (minor - lowMinor) * 2 ** 12;
}

/** inet_addr("127.0.0.1") as the host-order number 0x7f000001. */
function dottedQuad(text: string): number | undefined {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

function callNumber(node: Extract<ArgNode, { type: 'call' }>): number | undefined {
  const [first, second] = node.args;
  switch (node.name) {
    case 'makedev': {
      const [major, minor] = [first && argNumber(first), second && argNumber(second)];
      return major === undefined || minor === undefined ? undefined : makedev(major, minor);
    }
    // strace shows the port or address the program meant; the lab keeps that, not the byte-swapped word.
    case 'htons':
    case 'htonl':
    case 'ntohs':
    case 'ntohl':
      return first && argNumber(first);
    case 'inet_addr': {
      const text = first && argString(first);
      return text === undefined ? undefined : dottedQuad(text);
    }
    default:
      return undefined;
  }
}

/** The integer an argument stands for, or undefined when it is not one (or not one the lab knows). */
export function argNumber(node: ArgNode): number | undefined {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'ident':
      return node.name === 'NULL' ? 0 : lookupConstant(node.name);
    case 'flags': {
      const parts = node.parts.map(argNumber);
      return parts.some((p) => p === undefined) ? undefined : bitOr(...(parts as number[]));
    }
    case 'fd':
      return node.fd;
    case 'call':
      return callNumber(node);
    case 'omitted':
      // A pointer kept as text (0x7ffd5b1c2a10) is still a number; `...` is not.
      return parseIntegerLiteral(node.text);
    case 'raw':
      return parseFlags(node.text);
    default:
      return undefined;
  }
}

/** The string an argument carries: a quoted string's value, or the path `strace -y` printed for an fd. */
export function argString(node: ArgNode): string | undefined {
  switch (node.type) {
    case 'string':
      return node.value;
    case 'fd':
      return node.path;
    default:
      return undefined;
  }
}

/** True for a NULL pointer (`NULL` or a literal 0). */
export function argIsNull(node: ArgNode): boolean {
  return (node.type === 'ident' && node.name === 'NULL') || (node.type === 'number' && node.value === 0);
}

/** The constant names an argument mentions (`CLONE_NEWUSER|SIGCHLD` → both), for rules that test one flag by name. */
export function argNames(node: ArgNode): string[] {
  if (node.type === 'ident') return [node.name];
  if (node.type === 'flags') return node.parts.flatMap(argNames);
  return [];
}
