import { describe, expect, it } from 'vitest';
import { DOCKER_DEFAULT_PROFILE } from '../../../src/sim/seccomp/dockerDefaultProfile.ts';
import { parseSeccompProfile } from '../../../src/sim/seccomp/parseProfile.ts';
import { diffProfiles, defaultsDiffer, type VerdictChange } from '../../../src/sim/seccomp/profileDiff.ts';
import { profileToJson } from '../../../src/sim/seccomp/profileJson.ts';
import { CAP_SETS, loadReferenceProfile, REFERENCE_PROFILE_TEXT, X86_64_NAMES } from './referenceProfile.ts';

/**
 * The profile editor's diff against Docker's default: the reference profile
 * (moby's default.json) is no change at all; the lab's default written back
 * as JSON loads to the same verdicts; each kind of edit a person makes shows
 * as its kind of change.
 */
const load = (text: string) => {
  const r = parseSeccompProfile(text);
  if (!r.ok) throw new Error(r.message);
  return r.profile;
};

/** The reference JSON with one edit, as a person would make it in the editor. */
const edited = (edit: (json: { defaultAction: string; syscalls: { names: string[]; action: string; errnoRet?: number; args?: unknown[]; includes?: unknown }[] }) => void) => {
  const json = JSON.parse(REFERENCE_PROFILE_TEXT) as Parameters<typeof edit>[0];
  edit(json);
  return load(JSON.stringify(json, null, 2));
};

describe('diffProfiles', () => {
  it.each(CAP_SETS)("moby's default.json against the lab's default under %s: no syscall changes", (_, caps) => {
    const d = diffProfiles(loadReferenceProfile(), DOCKER_DEFAULT_PROFILE, X86_64_NAMES, { caps });
    expect(d.rows.filter((r) => r.change !== null)).toEqual([]);
    expect(d.counts).toEqual({ allowed: 0, denied: 0, action: 0, args: 0 });
  });

  it("the lab's default written as Docker's JSON loads back to the same verdict for every x86_64 syscall", () => {
    const back = load(profileToJson(DOCKER_DEFAULT_PROFILE));
    const d = diffProfiles(back, loadReferenceProfile(), X86_64_NAMES);
    expect(d.rows.filter((r) => r.change !== null).map((r) => r.name)).toEqual([]);
    expect(defaultsDiffer(back, DOCKER_DEFAULT_PROFILE)).toBe(false);
  });

  it.each<[string, Parameters<typeof edited>[0], string, VerdictChange]>([
    ['mount allowed outright', (j) => j.syscalls.push({ names: ['mount'], action: 'SCMP_ACT_ALLOW' }), 'mount', 'allowed'],
    ['getpid taken off the allow list', (j) => { for (const s of j.syscalls) s.names = s.names.filter((n) => n !== 'getpid'); }, 'getpid', 'denied'],
    ['reboot kills instead of EPERM', (j) => j.syscalls.push({ names: ['reboot'], action: 'SCMP_ACT_KILL_PROCESS' }), 'reboot', 'action'],
    ['default errno ENOSYS instead of EPERM', (j) => { Object.assign(j, { defaultErrnoRet: 38 }); }, 'kexec_load', 'action'],
    ['clone with another flag mask', (j) => {
      for (const s of j.syscalls) if (s.names.includes('clone') && s.args) s.args = [{ index: 0, value: 2114060288, valueTwo: 1, op: 'SCMP_CMP_MASKED_EQ' }];
    }, 'clone', 'args'],
  ])('%s', (_, edit, name, change) => {
    const d = diffProfiles(edited(edit), DOCKER_DEFAULT_PROFILE, X86_64_NAMES);
    expect(d.rows.find((r) => r.name === name)?.change).toBe(change);
    expect(d.counts[change]).toBeGreaterThanOrEqual(1);
  });

  it('an allow-all profile: every syscall Docker denies is newly allowed, none newly denied', () => {
    const d = diffProfiles(load('{"defaultAction":"SCMP_ACT_ALLOW"}'), DOCKER_DEFAULT_PROFILE, X86_64_NAMES);
    expect(d.counts.denied).toBe(0);
    expect(d.rows.find((r) => r.name === 'kexec_load')).toMatchObject({ change: 'allowed', mine: { verdict: 'allow' }, base: { verdict: 'deny', errno: 'EPERM' } });
    expect(d.rows.find((r) => r.name === 'read')?.change).toBeNull();
  });
});
