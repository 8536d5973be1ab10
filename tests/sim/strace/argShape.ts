import type { ArgNode } from '../../../src/sim/syscalls/args.ts';

/**
 * A compact one-line picture of parsed arguments, so the parser's tables
 * read like strace: numbers as `#value`, strings as JSON (`...` when cut),
 * fds as `fd:3<path>`, elided values as `…(text)`, raw text as `raw(text)`.
 */
export function shape(node: ArgNode): string {
  switch (node.type) {
    case 'number':
      return `#${node.value}`;
    case 'string':
      return JSON.stringify(node.value) + (node.truncated ? '...' : '');
    case 'ident':
      return node.name;
    case 'flags':
      return node.parts.map(shape).join('|');
    case 'struct':
      return `{${node.fields.map((f) => (f.key === null ? shape(f.value) : `${f.key}=${shape(f.value)}`)).join(', ')}}`;
    case 'array':
      return `[${node.items.map(shape).join(', ')}]`;
    case 'call':
      return `${node.name}(${node.args.map(shape).join(', ')})`;
    case 'fd':
      return `fd:${node.fd}<${node.path}>`;
    case 'omitted':
      return node.text === '...' ? '…' : `…(${node.text})`;
    case 'raw':
      return `raw(${node.text})`;
  }
}

export function shapeCall(name: string, args: readonly ArgNode[], labels: readonly (string | null)[]): string {
  return `${name}(${args.map((a, i) => (labels[i] ? `${labels[i]}=` : '') + shape(a)).join(', ')})`;
}

/** Every node, depth first, to check properties that hold for all of them. */
export function* allNodes(nodes: readonly ArgNode[]): Generator<ArgNode> {
  for (const node of nodes) {
    yield node;
    if (node.type === 'flags') yield* allNodes(node.parts);
    else if (node.type === 'struct') yield* allNodes(node.fields.map((f) => f.value));
    else if (node.type === 'array') yield* allNodes(node.items);
    else if (node.type === 'call') yield* allNodes(node.args);
  }
}
