import { describe, expect, it } from 'vitest';
import type { LayerRow } from '../../../src/store/labStore.ts';
import { layout, naturalHeight, nodeOf, splitLabel, tokenAt, tokenPath, type DiagramLayout, type NodeBox } from '../../../src/ui/diagram/layout.ts';
import { GVISOR, HVT, KATA, LIGHTVM, RUNC, RUNC_KEYCTL, SYNTHETIC, hop } from './fixtures.ts';

const LISTS: [string, LayerRow[]][] = [
  ['runc', RUNC], ['gvisor', GVISOR], ['kata', KATA], ['unikernel-hvt', HVT], ['lightvm', LIGHTVM],
  ...Object.entries(SYNTHETIC),
];
const SIZES = [
  { width: 720, height: 640, note: true },
  { width: 300, height: 420, note: false },
  { width: 1400, height: 1200, note: true },
];
const CASES = LISTS.flatMap(([name, layers]) => SIZES.map((size) => ({ name, layers, size })));

const overlaps = (a: NodeBox, b: NodeBox) => a.y < b.y + b.height - 1e-6 && b.y < a.y + a.height - 1e-6 && a.x < b.x + b.width - 1e-6 && b.x < a.x + a.width - 1e-6;
const draw = (layers: LayerRow[], size: (typeof SIZES)[number]): DiagramLayout => layout(layers, size, { note: size.note, fontPx: 18 });

describe('layout', () => {
  it.each(CASES)('$name at $size.width×$size.height: one node per layer, each inside the box', ({ layers, size }) => {
    const l = draw(layers, size);
    expect(l.nodes.map((n) => n.id)).toEqual(layers.map((x) => x.id));
    for (const n of l.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(size.width + 1e-6);
      expect(n.y + n.height).toBeLessThanOrEqual(size.height + 1e-6);
      expect(n.width).toBeGreaterThan(0);
      expect(n.height).toBeGreaterThan(0);
    }
  });

  it.each(CASES)('$name at $size.width×$size.height: the stack reads top to bottom in list order, gates thinner than boxes, nothing overlaps', ({ layers, size }) => {
    const l = draw(layers, size);
    const main = l.nodes.filter((n) => n.column === 'main');
    main.slice(1).forEach((n, i) => expect(n.y).toBeGreaterThanOrEqual((main[i]?.y ?? 0) + (main[i]?.height ?? 0)));
    const box = main.find((n) => !n.gate)?.height ?? Infinity;
    for (const g of main.filter((n) => n.gate)) expect(g.height).toBeLessThan(box);
    l.nodes.forEach((a, i) => l.nodes.slice(i + 1).forEach((b) => expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false)));
  });

  it.each(CASES)('$name: helpers stand in a side column right of the stack; kinds alone decide', ({ layers, size }) => {
    const l = draw(layers, size);
    const main = l.nodes.filter((n) => n.column === 'main');
    const side = l.nodes.filter((n) => n.column === 'side');
    const stackRight = Math.max(...main.map((n) => n.x + n.width));
    for (const n of side) {
      expect(n.kind).toBe('helper');
      expect(n.x).toBeGreaterThan(stackRight);
    }
    // A list of helpers alone has nothing to stand beside: they form the stack.
    const everyHelper = layers.every((x) => x.kind === 'helper');
    expect(side.length).toBe(everyHelper ? 0 : layers.filter((x) => x.kind === 'helper').length);
    for (const n of main) expect(n.gate).toBe(n.kind === 'boundary');
  });

  it.each(CASES)('$name: each run of host-kernel layers has one band around it and nothing else', ({ layers, size }) => {
    const l = draw(layers, size);
    const inBand = (n: NodeBox) => l.bands.some((b) => n.y >= b.y && n.y + n.height <= b.y + b.height && n.x >= b.x && n.x + n.width <= b.x + b.width);
    for (const n of l.nodes.filter((x) => x.column === 'main')) expect(inBand(n), n.id).toBe(n.hostKernel);
    const runs = layers.filter((x) => x.kind !== 'helper' || layers.every((y) => y.kind === 'helper')).filter((x, i, all) => x.hostKernel && !all[i - 1]?.hostKernel).length;
    expect(l.bands).toHaveLength(runs);
    for (const b of l.bands) expect(b.y + b.height).toBeLessThanOrEqual(size.height + 1e-6);
  });

  it.each(SIZES)('leaves a sentence column right of everything only when asked ($width, note $note)', (size) => {
    const l = draw(KATA, size);
    if (!size.note) return expect(l.note).toBeNull();
    expect(l.note?.width).toBeGreaterThan(0);
    for (const n of l.nodes) expect(n.x + n.width).toBeLessThan(l.note?.x ?? 0);
    expect((l.note?.x ?? 0) + (l.note?.width ?? 0)).toBeLessThanOrEqual(size.width);
  });

  it('draws no runtime by name: the same kinds under other ids give the same picture', () => {
    const renamed = GVISOR.map((x, i) => ({ ...x, id: `layer-${i}`, label: `L${i}` }));
    const strip = (l: DiagramLayout) => l.nodes.map(({ id: _id, label: _label, ...rest }) => rest);
    expect(strip(draw(renamed, SIZES[0]!))).toEqual(strip(draw(GVISOR, SIZES[0]!)));
  });

  it.each([
    { name: 'gvisor', layers: GVISOR, helper: 'gofer', between: ['netstack', 'host-seccomp'] },
    { name: 'unikernel-hvt', layers: HVT, helper: 'tender', between: ['kvm', 'host-seccomp'] },
    { name: 'lightvm', layers: LIGHTVM, helper: 'console-backend', between: ['host-kernel', 'hardware'] },
  ])('$name: $helper sits level with where the list puts it, between $between', ({ layers, helper, between }) => {
    const l = draw(layers, SIZES[0]!);
    const [above, below] = between.map((id) => nodeOf(l, id));
    const h = nodeOf(l, helper);
    if (!h || !above || !below) throw new Error('missing node');
    const centre = h.y + h.height / 2;
    expect(centre).toBeGreaterThan(above.y);
    expect(centre).toBeLessThan(below.y + below.height);
  });

  it.each([12, 18, 27])('at its natural height a box is 2.6 label heights tall (font %ipx)', (fontPx) => {
    const l = layout(RUNC, { width: 600, height: naturalHeight(RUNC, fontPx) }, { fontPx });
    expect(l.unit).toBeCloseTo(fontPx * 2.6, 0);
  });

  it('lays out an empty list as nothing, without throwing', () => {
    const l = layout([], { width: 400, height: 300 });
    expect(l.nodes).toEqual([]);
    expect(l.bands).toEqual([]);
    expect(tokenPath([hop('app', 'pass')], l)).toEqual([{ x: 0, y: 0, layerId: '' }]);
  });
});

describe('tokenPath', () => {
  const l = draw(RUNC, SIZES[0]!);
  const centre = (id: string) => {
    const n = nodeOf(l, id);
    return n ? n.y + n.height / 2 : NaN;
  };

  it("visits each hop's layer in order: runc's keyctl goes down to the seccomp filter and back to the syscall entry", () => {
    const path = tokenPath(RUNC_KEYCTL, l);
    expect(path.map((p) => p.layerId)).toEqual(['app', 'libc', 'syscall', 'seccomp', 'syscall']);
    expect(path.map((p) => p.y)).toEqual(['app', 'libc', 'syscall', 'seccomp', 'syscall'].map(centre));
    const x = path[0]?.x ?? 0;
    for (const p of path) expect(p.x).toBe(x);
  });

  it('keeps the token where it was when a hop names a layer the diagram does not have', () => {
    const path = tokenPath([hop('libc', 'pass'), hop('nowhere', 'pass'), hop('vfs', 'pass')], l);
    expect(path[1]).toEqual(path[0]);
    expect(path[2]?.layerId).toBe('vfs');
  });

  it('puts the token inside its node, clear of the label on the left', () => {
    for (const n of l.nodes) {
      const at = tokenAt(l, n);
      expect(at.x).toBeGreaterThan(n.x + n.width / 2);
      expect(at.x).toBeLessThan(n.x + n.width);
    }
  });
});

describe('splitLabel', () => {
  it.each([
    ['containerd-shim-kata-v2', ['containerd-', 'shim-kata-v2']],
    ['NetBSD libc (rumprun)', ['NetBSD libc', '(rumprun)']],
    ['host kernel', ['host', 'kernel']],
    ['virtiofsd', null],
    ['-x', null],
  ])('%s → %j', (label, lines) => {
    expect(splitLabel(label)).toEqual(lines);
  });
});
