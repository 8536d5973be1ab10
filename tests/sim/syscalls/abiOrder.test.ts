import { describe, expect, it } from 'vitest';
import { inAbiOrder, withLabels } from '../../../src/sim/syscalls/abiOrder.ts';
import { argNumber } from '../../../src/sim/syscalls/argValue.ts';
import { parseCall } from '../../../src/sim/strace/callParser.ts';

function abiValues(text: string): (number | undefined)[] {
  const parsed = parseCall(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return inAbiOrder(parsed.value.name, withLabels(parsed.value.args, parsed.value.labels)).map((a) => argNumber(a));
}

describe('inAbiOrder', () => {
  it.each([
    // strace prints x86_64 clone as (child_stack, flags, …); the kernel takes (flags, stack, parent_tid, child_tid, tls).
    ['clone(child_stack=NULL, flags=CLONE_NEWUSER|SIGCHLD)', [0x10000011, 0]],
    ['clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f11)', [0x01200011, 0, undefined, 0x7f11]],
    // Unlabelled clone is already in ABI order.
    ['clone(0x10000011, 0)', [0x10000011, 0]],
    // Other calls keep their order.
    ['socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)', [2, 1, 6]],
  ])('%s', (text, expected) => {
    expect(abiValues(text)).toEqual(expected);
  });

  it('keeps the labels in the text so the call prints as written', () => {
    const parsed = parseCall('clone(child_stack=NULL, flags=SIGCHLD)');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(withLabels(parsed.value.args, parsed.value.labels).map((a) => a.text)).toEqual(['child_stack=NULL', 'flags=SIGCHLD']);
  });
});
