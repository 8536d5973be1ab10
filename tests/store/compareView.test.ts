import { describe, expect, it } from 'vitest';
import { compareRuntimes } from '../../src/machines/compareRuntimes.ts';
import { buildCompareView, compareSpecProblem, parseCompareSpec, parseCompareSpecs, toCompareView, type CompareViewRow } from '../../src/store/compareView.ts';
import { readCompareSpec } from '../../src/machines/compareRuntimes.ts';

/** The comparison as plain view rows, from compareRuntimes' rows, and the specs a person types. */
const okRow = (r: CompareViewRow | undefined) => {
  if (!r?.ok) throw new Error(`row ${r?.label} should have run`);
  return r;
};
const view = (input: string, labels: string[], resources = {}) => {
  const r = buildCompareView(input, labels, resources);
  if (!r.ok) throw new Error(r.message);
  return r.view;
};

describe('parseCompareSpec(s)', () => {
  it.each([
    { text: 'runc', runtime: 'runc', options: {} },
    { text: 'gvisor:platform=kvm', runtime: 'gvisor', options: { platform: 'kvm', directfs: 'on', network: 'sandbox', 'oci-seccomp': 'off' } },
    { text: ' kata:hypervisor=clh ', runtime: 'kata', options: { hypervisor: 'clh' } },
  ])('$text → $runtime', ({ text, runtime, options }) => {
    const spec = parseCompareSpec(text);
    if (typeof spec === 'string') throw new Error(spec);
    expect(spec.runtime.id).toBe(runtime);
    expect(spec.options).toMatchObject(options);
    expect(spec.label).toBe(text.trim());
  });

  it.each([
    { texts: ['gvsor'], message: /unknown runtime 'gvsor' \(did you mean gvisor\?\)/ },
    { texts: ['runc', 'gvisor:platform'], message: /'platform' in 'gvisor:platform' is not KEY=VALUE/ },
    { texts: ['gvisor:platform=xen'], message: /--platform takes .*not 'xen'/ },
    { texts: ['kata:hypervisor=clh:shared-fs=virtio-9p'], message: /^kata: / },
    { texts: [], message: /name 2 to 4 runtimes/ },
    { texts: ['runc', 'gvisor', 'kata', 'nabla', 'host'], message: /at most 4 runtimes/ },
  ])('$texts: a message', ({ texts, message }) => {
    const r = parseCompareSpecs(texts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it.each([
    { texts: ['gvsor'], message: "未知的运行时 'gvsor'（是不是想输入 gvisor？）；应为以下之一：" },
    { texts: ['runc', 'gvisor:platform'], message: "'gvisor:platform' 中的 'platform' 不是 KEY=VALUE 形式（例如 gvisor:platform=kvm）" },
    { texts: ['gvisor:platform=xen'], message: "--platform 可取 systrap, ptrace, kvm，不能是 'xen'" },
    { texts: ['runc', 'gvisor:plaform=kvm'], message: 'gvisor 没有 --plaform 这个选项（是不是想输入 --platform？）' },
  ])('$texts: a message in Chinese', ({ texts, message }) => {
    const r = parseCompareSpecs(texts, 'zh');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it.each(['gvsor', 'zzz', 'gvisor:platform', 'gvisor:a=b=c', 'gvisor:platform=xen'])('%s: the English is word for word the CLI\'s', (text) => {
    const r = readCompareSpec(text);
    if (r.ok) throw new Error('expected a problem');
    expect(compareSpecProblem(r.problem, 'en')).toBe(parseCompareSpec(text));
  });

  it('resource flags Docker refuses are a message', () => {
    const r = buildCompareView('getpid()', ['runc'], { memory: '1k' });
    expect(r.ok).toBe(false);
  });
});

describe('toCompareView', () => {
  it('getpid() under host, runc, gvisor and kata: result, hops, kernel, cost and ratio to runc', () => {
    const v = view('getpid()', ['host', 'runc', 'gvisor:platform=systrap', 'kata']);
    expect(v.input).toBe('getpid()');
    expect(v.rows.map((r) => r.label)).toEqual(['host', 'runc', 'gvisor:platform=systrap', 'kata']);
    const [host, runc, gvisor, kata] = v.rows.map(okRow);
    expect(runc).toMatchObject({ isBaseline: true, ratio: 1, baseline: 'runc', servedBy: 'host' });
    expect(runc?.calls[0]?.line).toBe('getpid() = 1');
    expect(host?.calls[0]?.line).toBe('getpid() = 1201');
    expect(gvisor).toMatchObject({ servedBy: 'sentry', isBaseline: false, baseline: 'runc' });
    expect(gvisor?.ratio).toBeGreaterThan(1);
    expect(kata?.servedBy).toBe('guest');
    for (const r of [host, runc, gvisor, kata]) {
      expect(r?.hops).toBe(r?.calls.flatMap((c) => c.hops).length);
      expect(r?.costNs).toBeCloseTo(r?.calls.flatMap((c) => c.hops).reduce((s, h) => s + h.costNs, 0) ?? 0);
    }
  });

  it('carries each column\'s layers, so hop labels are the runtime\'s own', () => {
    const gvisor = okRow(view('getpid()', ['gvisor']).rows[0]);
    const labels = new Set(gvisor.layers.map((l) => l.label));
    expect(gvisor.calls[0]?.hops.every((h) => labels.has(h.layer))).toBe(true);
  });

  it('published ratios apply between gvisor (systrap) and the host, with ids and conditions', () => {
    const gvisor = okRow(view('getpid()', ['host', 'gvisor']).rows[1]);
    expect(gvisor.published.map((p) => p.numeratorId)).toEqual(['gvisor-systrap-getpid-gce-n2', 'gvisor-systrap-unopt-getpid-gce-n2']);
    expect(gvisor.published[0]).toMatchObject({ against: 'host', denominatorId: 'native-getpid-gce-n2', warm: true, calibrated: true, caveat: null });
    expect(gvisor.published[0]?.ratio).toBeCloseTo(1017 / 239);
    expect(gvisor.published[0]?.conditions).toContain('GCE n2-standard-4');
  });

  it.each([
    { label: 'runc', ids: ['uk21-boot-docker', 'gvisor-perfguide-startup-empty-runc'] },
    { label: 'gvisor', ids: ['gvisor-perfguide-startup-empty-runsc'] },
    { label: 'kata:hypervisor=clh', ids: ['kata-ci-boot-clh'] },
    { label: 'nabla', ids: ['uk21-boot-rumprun-solo5'] },
    { label: 'host', ids: [] },
  ])('$label: start-up figures $ids', ({ label, ids }) => {
    expect(view('getpid()', [label]).rows[0]?.startup.map((s) => s.id)).toEqual(ids);
  });

  it('host syscalls name who made them: the Sentry under gvisor, virtiofsd under kata', () => {
    const [gvisor, kata] = view('cat /etc/hostname', ['gvisor', 'kata']).rows.map(okRow);
    expect(gvisor?.hostCalls.some((h) => h.by.includes('Sentry') && h.name === 'openat')).toBe(true);
    expect(kata?.hostCalls.some((h) => h.by === 'virtiofsd')).toBe(true);
    expect(gvisor?.hostCalls[0]?.text).toBe(`${gvisor?.hostCalls[0]?.name} by ${gvisor?.hostCalls[0]?.by}`);
  });

  it('a denied call is a failed call with its reason', () => {
    const runc = okRow(view('keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL)', ['runc']).rows[0]);
    expect(runc.calls[0]).toMatchObject({ failed: true });
    expect(runc.calls[0]?.line).toContain('EPERM');
  });

  it('input no runtime can read: every row is a message', () => {
    const v = view('opnat()', ['runc', 'gvisor']);
    expect(v.rows.every((r) => !r.ok && r.message.includes('opnat'))).toBe(true);
  });

  it('is the same as projecting compareRuntimes rows directly', () => {
    const specs = parseCompareSpecs(['runc', 'nabla']);
    if (!specs.ok) throw new Error(specs.message);
    const direct = toCompareView('getpid()', compareRuntimes('getpid()', specs.specs));
    expect(direct).toEqual(view('getpid()', ['runc', 'nabla']));
    expect(JSON.parse(JSON.stringify(direct))).toEqual(direct);
  });
});
