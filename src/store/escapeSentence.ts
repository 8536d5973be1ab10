import type { EscapeOutcome } from '../sim/escapes/classify.ts';
import type { EscapeScenario } from '../sim/escapes/types.ts';
import type { EscapeVerdict } from '../sim/escapes/verdict.ts';
import type { Localized } from '../sim/text/language.ts';
import { cjkSpacing } from './localize.ts';

/**
 * One sentence per cell of the escape matrix, in both languages, built
 * from what the run's trace said (hop notes stay as the model wrote them).
 */
const SERVED: Readonly<Record<string, Localized>> = {
  sentry: { en: "gVisor's Sentry", zh: 'gVisor 的 Sentry' },
  guest: { en: "the VM's own guest kernel", zh: '虚拟机自己的客户机内核' },
  libos: { en: 'the library OS linked into the program', zh: '链接进程序的库操作系统' },
};

function outcomeSentence(o: EscapeOutcome, s: EscapeScenario): Localized {
  switch (o.type) {
    case 'stopped':
      return {
        en: `Stopped at ${o.layer}${o.errno ? ` with ${o.errno}` : ''}: ${o.note}`,
        zh: `在 ${o.layer} 处被拦截${o.errno ? `（${o.errno}）` : ''}：${o.note}`,
      };
    case 'contained': {
      const where = SERVED[o.servedBy] ?? { en: o.servedBy, zh: o.servedBy };
      return {
        en: `${s.goal}() succeeded, but in ${where.en}: the host kernel never ran it`,
        zh: cjkSpacing(`${s.goal}() 成功了，但发生在${where.zh}中：宿主机内核从未执行它`),
      };
    }
    case 'through': {
      const entry = o.hostEntry ? ` (${o.hostEntry})` : '';
      return {
        en: `The host kernel ran ${s.goal}()${entry} for ${o.by}: reached ${s.reaches.en}`,
        zh: `宿主机内核为 ${o.by} 执行了 ${s.goal}()${entry}：到达${s.reaches.zh}`,
      };
    }
  }
}

export function verdictSentence(v: EscapeVerdict, s: EscapeScenario): Localized {
  if (v.type !== 'not-applicable') return outcomeSentence(v, s);
  if (!v.ran) return { en: `Cannot be set up this way: ${v.why.en}`, zh: `无法按此方式搭建：${v.why.zh}` };
  const ran = outcomeSentence(v.ran, s);
  return {
    en: `Cannot be set up this way: ${v.why.en}. Run anyway on its default boot: ${ran.en}`,
    zh: `无法按此方式搭建：${v.why.zh}。仍在其默认启动的环境中运行：${ran.zh}`,
  };
}
