import { describe, expect, it } from 'vitest';
import { runControlLine } from '../../src/machines/controlPlane.ts';
import { EMPTY_STACK } from '../../src/sim/stack/containers.ts';
import { createEngine } from '../../src/store/engine.ts';
import { transcriptOf } from '../../src/store/views.ts';
import { HOST } from '../../src/sim/runtime/host.ts';

/**
 * A docker/podman/kubectl/runc line the lab's shell cannot split (issue 6
 * point 6): runControlLine passes the tokenizer's problem on as data, so the
 * terminal words it in the page's language; the English is unchanged.
 */
const CASES = [
  { line: "docker run -it 'debian sh", en: 'unterminated single quote', zh: '单引号没有闭合' },
  { line: 'podman ps | grep x', en: 'pipes are not supported yet: run each command on its own', zh: '暂不支持管道' },
  { line: 'kubectl get pods; ls', en: 'one command per line, please', zh: '每行只写一条命令' },
  { line: 'runc list >', en: 'a file name must follow >', zh: '> 后面必须跟一个文件名' },
];

describe('runControlLine: a line the shell cannot split', () => {
  it.each(CASES)('$line', ({ line, en }) => {
    const r = runControlLine({ host: HOST.boot(), stack: EMPTY_STACK }, line, null);
    expect(r).toMatchObject({ ok: false, message: en, problem: { type: 'shell' } });
  });

  it.each(CASES)('the terminal words $line in Chinese, and keeps the English', ({ line, en, zh }) => {
    const run = createEngine().run('runc', {}, line, null);
    if (run.type !== 'refused') throw new Error('ran');
    expect(run.problem?.type).toBe('shell');
    expect(transcriptOf(run, undefined, 'en').at(-1)?.text).toBe(en);
    const chinese = transcriptOf(run, undefined, 'zh').at(-1)?.text ?? '';
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese).toContain(zh);
  });
});
