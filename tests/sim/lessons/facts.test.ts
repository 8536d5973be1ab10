import { describe, expect, it } from 'vitest';
import { findLesson } from '../../../src/sim/lessons/index.ts';
import { readReference, referenceList } from '../../helpers/reference.ts';

/** The figures and rules the lessons state, held to the shared reference data. */
const measurement = (id: string): number => {
  const all = JSON.parse(readReference('published_measurements.json')) as { id: string; value: number }[];
  const m = all.find((x) => x.id === id);
  if (!m) throw new Error(`no measurement ${id}`);
  return m.value;
};
const profile = JSON.parse(readReference('docker_default_seccomp.json')) as { defaultAction: string; syscalls: { names: string[]; action: string; includes?: { caps?: string[] } }[] };
const rulesFor = (name: string) => profile.syscalls.filter((s) => s.names.includes(name));
const textOf = (id: string, step: number) => findLesson(id)?.steps[step]?.text.en ?? '';

describe('the facts the lessons state', () => {
  it.each([
    ['microvms', 1, 'fc-spec-boot', (v: number) => `${v} ms`],
    ['microvms', 1, 'fc-nsdi-creation-rate', (v: number) => `${v} microVMs`],
    ['microvms', 1, 'lightvm-boot', (v: number) => `${v} ms`],
  ])('%s step %i states %s as published', (lesson, step, id, phrase) => {
    expect(textOf(lesson, step)).toContain(phrase(measurement(id)));
  });

  it('Docker gives a container 14 capabilities, without CAP_SYS_ADMIN', () => {
    const caps = referenceList('docker_default_capabilities.txt');
    expect(caps).toHaveLength(14);
    expect(caps.join(' ')).not.toContain('SYS_ADMIN');
    expect(textOf('capabilities', 0)).toContain('14 of them');
  });

  it.each([
    ['reboot', 'CAP_SYS_BOOT', 'seccomp-default', 0],
    ['sethostname', 'CAP_SYS_ADMIN', 'capabilities', 0],
  ])('Docker\'s profile allows %s only with %s', (name, cap, lesson, step) => {
    const rules = rulesFor(name);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.action === 'SCMP_ACT_ALLOW' && (r.includes?.caps ?? []).includes(cap))).toBe(true);
    expect(textOf(lesson, step)).toContain(name);
  });

  it.each(['keyctl', 'io_uring_setup'])('%s is not on Docker\'s allow-list (the default action fails it)', (name) => {
    expect(profile.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(rulesFor(name)).toEqual([]);
  });
});
