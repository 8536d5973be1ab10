import type { Language, Localized } from '../sim/text/language.ts';
import type { Entry } from './views.ts';

/**
 * The narration of one run as Markdown, for lecture notes (issue 6, point 5):
 * the input and where it ran, then each call with each hop's layer, verdict
 * and note (and the host syscall it made), and the call's result as strace
 * prints it, then the program's output. Headings are in the page's language;
 * the model's own words (strace lines, notes, errno) stay as the tools print them.
 */

const WORDS = {
  nothing: { en: 'Nothing has been played yet: run a syscall or a command first.', zh: '还没有播放任何内容：请先运行一个系统调用或命令。' },
  input: { en: 'Input', zh: '输入' },
  runtime: { en: 'Runtime', zh: '运行时' },
  container: { en: 'Container', zh: '容器' },
  refused: { en: 'Not run', zh: '未运行' },
  noCalls: { en: 'It made no system call.', zh: '它没有发出任何系统调用。' },
  call: { en: 'Call {n} of {total}', zh: '第 {n} 个调用（共 {total} 个）' },
  result: { en: 'Result', zh: '结果' },
  hostCall: { en: 'host syscall', zh: '宿主机系统调用' },
  noHops: { en: 'No hops recorded.', zh: '没有记录到经过的层。' },
  stdout: { en: 'Standard output', zh: '标准输出' },
  stderr: { en: 'Standard error', zh: '标准错误' },
  exit: { en: 'Exit status', zh: '退出状态' },
  source: { en: 'Exported from Isolation Lab: a simulation; each hop cites its source in the lab.', zh: '导出自 Isolation Lab：这是模拟；每一步的依据在实验室中注明了来源。' },
} satisfies Record<string, Localized>;

const say = (key: keyof typeof WORDS, lang: Language, vars: Record<string, string | number> = {}) =>
  WORDS[key][lang].replace(/\{(\w+)\}/g, (w, k: string) => (k in vars ? String(vars[k]) : w));

const settingsOf = (o: Record<string, string>) => {
  const pairs = Object.entries(o).map(([k, v]) => `${k}=${v}`);
  return pairs.length ? ` (${pairs.join(', ')})` : '';
};

/** Inline code that survives backticks inside it (CommonMark: a longer fence). */
const code = (text: string) => {
  const fence = '`'.repeat(Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length)) + 1);
  return `${fence}${fence.length > 1 || text.startsWith('`') ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
};

const block = (text: string) => {
  const fence = '`'.repeat(Math.max(3, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length + 1)));
  return [fence, text.replace(/\n$/, ''), fence];
};

export function narrationMarkdown(entry: Entry | undefined, lang: Language): string {
  if (!entry) return `${say('nothing', lang)}\n`;
  const out = [`# ${entry.input}`, '', `- ${say('input', lang)}: ${code(entry.input)}`, `- ${say('runtime', lang)}: ${entry.runtime}${settingsOf(entry.options)}`];
  if (entry.container) out.push(`- ${say('container', lang)}: ${entry.container}`);
  out.push('');
  if (entry.run.type === 'refused') {
    out.push(`${say('refused', lang)}: ${entry.run.message}`);
    return `${out.join('\n')}\n`;
  }
  const { calls, stdout, stderr, status } = entry.run;
  if (calls.length === 0) out.push(say('noCalls', lang), '');
  calls.forEach((c, i) => {
    out.push(`## ${say('call', lang, { n: i + 1, total: calls.length })}: ${c.name}`, '');
    if (c.hops.length === 0) out.push(say('noHops', lang));
    c.hops.forEach((h, j) => {
      out.push(`${j + 1}. **${h.layer}** — ${h.verdict}: ${h.note}`);
      if (h.hostCall) out.push(`   (${say('hostCall', lang)}: ${h.hostCall})`);
    });
    out.push('', `${say('result', lang)}: ${code(c.line)}${c.reason ? ` ← ${c.reason}` : ''}`, '');
  });
  if (stdout) out.push(`${say('stdout', lang)}:`, '', ...block(stdout), '');
  if (stderr) out.push(`${say('stderr', lang)}:`, '', ...block(stderr), '');
  out.push(`${say('exit', lang)}: ${status}`, '', `_${say('source', lang)}_`);
  return `${out.join('\n')}\n`;
}

/** A file name for the export: the input's first word and the entry's id (`isolab-3-getpid.md`). */
export function exportName(entry: Entry | undefined, ext: string): string {
  const word = (entry?.input.match(/[A-Za-z0-9_-]+/)?.[0] ?? 'lab').slice(0, 32);
  return `isolab-${entry?.id ?? 0}-${word}.${ext}`;
}
