import { describe, expect, it } from 'vitest';
import { ALL_CAPS, DOCKER_DEFAULT_CAPS } from '../../../src/sim/kernel/capabilities.ts';
import { dockerCapabilities, normalizeCapabilities } from '../../../src/sim/oci/dockerCaps.ts';

/**
 * --cap-add/--cap-drop as moby's client normalizes them and TweakCapabilities
 * applies them (client/container_create.go, daemon/pkg/oci/caps/utils.go).
 */
const without = (...caps: string[]) => DOCKER_DEFAULT_CAPS.filter((c) => !caps.includes(c));

describe('normalizeCapabilities (the client library)', () => {
  it.each([
    [['SYS_ADMIN'], ['CAP_SYS_ADMIN']],
    [['cap_sys_admin'], ['CAP_SYS_ADMIN']],
    [['sys_admin', 'CAP_SYS_ADMIN'], ['CAP_SYS_ADMIN']],
    [['all'], ['ALL']],
    [['NET_RAW', 'CHOWN'], ['CAP_CHOWN', 'CAP_NET_RAW']],
    [[' SYS_ADMIN'], ['CAP_ SYS_ADMIN']],
  ])('%j → %j', (input, output) => {
    expect(normalizeCapabilities(input)).toEqual(output);
  });
});

describe('dockerCapabilities (TweakCapabilities)', () => {
  it.each([
    ['nothing', [], [], false, [...DOCKER_DEFAULT_CAPS]],
    ['--cap-add SYS_ADMIN', ['SYS_ADMIN'], [], false, [...DOCKER_DEFAULT_CAPS, 'CAP_SYS_ADMIN']],
    ['--cap-add sys_admin --cap-add NET_ADMIN', ['sys_admin', 'NET_ADMIN'], [], false, [...DOCKER_DEFAULT_CAPS, 'CAP_NET_ADMIN', 'CAP_SYS_ADMIN']],
    ['--cap-drop NET_RAW', [], ['NET_RAW'], false, without('CAP_NET_RAW')],
    ['--cap-drop ALL --cap-add NET_BIND_SERVICE', ['NET_BIND_SERVICE'], ['ALL'], false, ['CAP_NET_BIND_SERVICE']],
    ['--cap-drop ALL', [], ['ALL'], false, []],
    ['--cap-add ALL --cap-drop SYS_ADMIN', ['ALL'], ['SYS_ADMIN'], false, ALL_CAPS.filter((c) => c !== 'CAP_SYS_ADMIN')],
    ['--cap-add CHOWN (already a default: moby keeps the duplicate)', ['CHOWN'], [], false, [...DOCKER_DEFAULT_CAPS, 'CAP_CHOWN']],
    ['--privileged --cap-drop ALL (privileged wins)', [], ['ALL'], true, [...ALL_CAPS]],
  ])('%s', (_what, capAdd, capDrop, privileged, expected) => {
    expect(dockerCapabilities({ capAdd, capDrop, privileged })).toEqual({ ok: true, value: expected });
  });

  it.each([
    [['FOO'], [], 'invalid CapAdd: unknown capability: "CAP_FOO"'],
    [[], ['cap_foo'], 'invalid CapDrop: unknown capability: "CAP_FOO"'],
    [['FOO'], ['BAR'], 'invalid CapAdd: unknown capability: "CAP_FOO"'],
    [[' SYS_ADMIN'], [], 'invalid CapAdd: unknown capability: "CAP_ SYS_ADMIN"'],
  ])('add %j drop %j is refused even when privileged: %s', (capAdd, capDrop, reason) => {
    expect(dockerCapabilities({ capAdd, capDrop, privileged: true })).toEqual({ ok: false, errno: 'EINVAL', reason });
  });
});
