import { describe, expect, it } from 'vitest';
import { measurements } from '../../helpers/reference.ts';
import { PUBLISHED_RATIOS, type PublishedRatio } from '../../../src/sim/compare/publishedRatios.ts';
import { boot, run } from '../runtime/sessions.ts';
import type { Session } from '../../../src/sim/runtime/types.ts';

/** Each entry's two figures are the measurements it names, and the model agrees with the calibrated ones (issue 3, point 7). */
const byId = new Map(measurements().map((m) => [m.id, m]));

describe('published ratios cite the measurements file', () => {
  it.each(PUBLISHED_RATIOS.map((p) => [p.numerator.id, p.denominator.id, p] as const))('%s / %s', (num, den, p) => {
    expect(byId.get(num)?.value).toBe(p.numerator.value);
    expect(byId.get(den)?.value).toBe(p.denominator.value);
    expect(byId.get(num)?.unit).toBe(byId.get(den)?.unit);
  });
});

/** How the test measures an entry: lines run first, then the measured line (twice when the entry is warm). */
const SCENARIOS: Record<string, { setup: string[]; line: string }> = {
  'gvisor-systrap-getpid-gce-n2': { setup: [], line: 'getpid()' },
  'gvisor-systrap-unopt-getpid-gce-n2': { setup: [], line: 'getpid()' },
  'gvisor-kvm-getpid-e5-2650v2': { setup: [], line: 'getpid()' },
  'gvisor-ptrace-getpid-e5-2650v2': { setup: [], line: 'getpid()' },
  'gvisor-stat-lisafs': { setup: [], line: 'newfstatat(AT_FDCWD, "/etc/hostname", {st_mode=S_IFREG|0644, st_size=13, ...}, 0)' },
  'young19-read4k-kvm': { setup: ['openat(AT_FDCWD, "/etc/os-release", O_RDONLY)'], line: 'read(3, "", 4096)' },
};

function costOf(session: Session, p: PublishedRatio, scenario: { setup: string[]; line: string }): number {
  const lines = [...scenario.setup, ...(p.warm ? [scenario.line] : []), scenario.line];
  const last = run(session, ...lines).calls;
  return last.flatMap((c) => c.hops).reduce((s, h) => s + h.costNs, 0);
}

describe('the model agrees with the calibrated ratios within their tolerance', () => {
  const calibrated = PUBLISHED_RATIOS.filter((p) => p.calibrated);
  it('has a scenario for every calibrated entry', () => {
    for (const p of calibrated) expect(SCENARIOS[p.numerator.id], p.numerator.id).toBeDefined();
  });
  it.each(calibrated.map((p) => [p.numerator.id, p] as const))('%s', (_id, p) => {
    const scenario = SCENARIOS[p.numerator.id]!;
    const subject = costOf(boot(p.subject.runtime, { options: p.subject.options }), p, scenario);
    const baseline = costOf(boot(p.baseline.runtime, { options: p.baseline.options }), p, scenario);
    const published = p.numerator.value / p.denominator.value;
    const modelled = subject / baseline;
    expect(Math.abs(modelled - published) / published, `modelled ${modelled.toFixed(2)} vs published ${published.toFixed(2)}`).toBeLessThanOrEqual(p.tolerance);
  });
});
