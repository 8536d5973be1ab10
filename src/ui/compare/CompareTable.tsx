import type { ReactNode } from 'react';
import type { CompareViewRow } from '../../store/compareView.ts';
import type { Language } from '../../sim/text/language.ts';
import type { Translate } from '../i18n/messages.ts';
import { useLanguage, useMessages } from '../i18n/useMessages.ts';
import { compareMessages, type CompareKey } from './compareMessages.ts';
import { fmtMs, fmtNs, hostCallSummary, publishedSource, publishedText, ratioText, resultSummary, rowFailed } from './compareFormat.ts';

/** The figures under the columns: one row per measure, one column per runtime (aligned with the columns above). */
export function CompareTable({ rows }: { rows: readonly CompareViewRow[] }) {
  const t = useMessages(compareMessages);
  const language = useLanguage();
  const measures: { name: string; cell: (r: CompareViewRow) => ReactNode }[] = [
    { name: t('result'), cell: (r) => <span className={rowFailed(r) ? 'cmp-bad' : undefined}>{resultSummary(r, language)}</span> },
    { name: t('hops'), cell: (r) => (r.ok ? r.hops : '—') },
    // The serving kernel's id (host, sentry, guest, libos), as `isolab compare` prints it.
    { name: t('servingKernel'), cell: (r) => (r.ok ? r.servedBy : '—') },
    { name: t('hostSyscalls'), cell: (r) => hostCalls(r, language, t) },
    { name: t('modelledCost'), cell: (r) => (r.ok ? <>{fmtNs(r.costNs)}<span className="cmp-sub">{t('warm', { cost: fmtNs(r.warmCostNs) })}</span></> : '—') },
    { name: t('ratio'), cell: (r) => ratioText(r, language) },
    { name: t('published'), cell: (r) => published(r, language, t) },
    { name: t('startup'), cell: (r) => startup(r, t) },
  ];
  return (
    <div className="cmp-scroll">
      <table className="cmp-table">
        <thead>
          <tr>
            <td />
            {rows.map((r, i) => <th key={i} scope="col"><code>{r.label}</code></th>)}
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.name}>
              <th scope="row">{m.name}</th>
              {rows.map((r, i) => <td key={i}>{m.cell(r)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function hostCalls(r: CompareViewRow, language: Language, t: Translate<CompareKey>): ReactNode {
  if (!r.ok) return '—';
  const { count, names } = hostCallSummary(r, language);
  if (count === 0) return t('none');
  return <>{count}<ul className="cmp-list">{names.map((n) => <li key={n}><code>{n}</code></li>)}</ul></>;
}

function published(r: CompareViewRow, language: Language, t: Translate<CompareKey>): ReactNode {
  if (!r.ok || r.published.length === 0) return <span className="cmp-muted">{t('noneApplies')}</span>;
  return (
    <ul className="cmp-list">
      {r.published.map((p, i) => (
        <li key={i} title={publishedSource(p, language)}>
          {publishedText(p, language)}
          <span className="cmp-sub">{publishedSource(p, language)}</span>
        </li>
      ))}
    </ul>
  );
}

function startup(r: CompareViewRow, t: Translate<CompareKey>): ReactNode {
  if (r.startup.length === 0) return <span className="cmp-muted">{t('nonePublished')}</span>;
  return (
    <ul className="cmp-list">
      {r.startup.map((s) => <li key={s.id}><strong>{fmtMs(s.ms)}</strong> {s.what} <span className="cmp-sub">[{s.id}]</span></li>)}
    </ul>
  );
}
