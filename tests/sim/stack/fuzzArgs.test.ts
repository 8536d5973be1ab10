import { describe, expect, it } from 'vitest';
import { prng } from '../../helpers/prng.ts';
import { parseDocker } from '../../../src/sim/stack/dockerArgs.ts';
import { parsePodman } from '../../../src/sim/stack/podmanArgs.ts';
import { parseKubectl } from '../../../src/sim/stack/kubectlArgs.ts';
import { parseRunc } from '../../../src/sim/stack/runcArgs.ts';

/** Words that exercise the readers' corners: flags of every tool, values, separators, odd characters. */
const VOCAB = [
  'run', 'ps', 'exec', 'inspect', 'stop', 'kill', 'rm', 'images', 'pull', 'version', 'info', 'container', 'image', 'system', 'help',
  'get', 'describe', 'delete', 'pods', 'pod/x', 'runtimeclass', 'spec', 'create', 'start', 'state', 'list', 'ps',
  '-', '--', '---', '-=', '--=', '', ' ', '=', ':', '::', '-i', '-t', '-it', '-itd', '-d', '-h', '-m', '-v', '-e', '-u', '-p', '-f', '-n', '-b',
  '--rm', '--rm=false', '--rm=x', '--privileged', '--memory', '--memory=1x', '-m=64m', '--cpus', '--cpus=1/0', '--cpus=1e-99999',
  '--pids-limit', '--pids-limit=0x10', '--pids-limit=99999999999999999999', '--security-opt', 'seccomp=unconfined', 'seccomp:',
  'no-new-privileges:maybe', '--network', 'container:', 'host', 'none', '--pid', '--userns', 'keep-id', '-v', '/a:/b:ro',
  '/a::/b', 'a:b:c:d:e', 'data:/data', '--image=debian', '--image', '--overrides', '{"spec":{"runtimeClassName":"gvisor"}}',
  '{"spec":null}', '[1]', 'null', '{', '--runtime-class', '--restart=Never', '--command', '--cascade', '--dry-run', '--',
  'debian', 'Debian', 'a@sha256:' + '0'.repeat(64), '0'.repeat(64), 'sha256:xyz', 'KILL', 'SIGFOO', '9', '-9', 'mybox', '.', '..',
  'é', '-é', '\u0000', '\t', '"', "'", '\\', '{{.State.Pid}}', '-ñt', '--help', '--version', '-a', '-q', '--format', '-l',
];

function randomArgv(next: () => number, tool: string): string[] {
  const argv = [tool];
  const n = Math.floor(next() * 9);
  for (let i = 0; i < n; i++) {
    if (next() < 0.1) {
      argv.push(Array.from({ length: Math.floor(next() * 6) }, () => String.fromCharCode(32 + Math.floor(next() * 95))).join(''));
    } else argv.push(VOCAB[Math.floor(next() * VOCAB.length)] as string);
  }
  return argv;
}

const PARSERS = { docker: parseDocker, podman: parsePodman, kubectl: parseKubectl, runc: parseRunc } as const;

describe('no command line throws', () => {
  it.each(Object.keys(PARSERS) as (keyof typeof PARSERS)[])('%s: 3000 seeded random command lines', (tool) => {
    const next = prng(0x15_0_1ab + tool.length);
    for (let i = 0; i < 3000; i++) {
      const argv = randomArgv(next, tool);
      let result: { type: string } | undefined;
      expect(() => { result = PARSERS[tool](argv); }, JSON.stringify(argv)).not.toThrow();
      expect(typeof result?.type).toBe('string');
      if (result?.type === 'error') {
        const e = result as unknown as { message: string; status: number };
        expect(e.message.length).toBeGreaterThan(0);
        expect([1, 3, 125, 255]).toContain(e.status);
      }
    }
  });

  it('never throws on an empty argv or one with only the tool name', () => {
    for (const parse of Object.values(PARSERS)) {
      expect(() => parse([])).not.toThrow();
      expect(() => parse(['x'])).not.toThrow();
    }
  });
});
