import { useState } from 'react';
import type { SeccompCheck } from '../../store/artefactsModel.ts';
import type { VerdictCell, VerdictChange } from '../../sim/seccomp/profileDiff.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { ARTEFACTS_MESSAGES, type ArtefactsKey } from './artefactsMessages.ts';

const CHANGE_KEY: Record<VerdictChange, ArtefactsKey> = { allowed: 'changeAllowed', denied: 'changeDenied', action: 'changeAction', args: 'changeArgs' };
const DIFF_KEY: Record<VerdictChange, ArtefactsKey> = { allowed: 'diffAllowed', denied: 'diffDenied', action: 'diffAction', args: 'diffArgs' };
/** Rows drawn at first and per "show more" (a permissive profile changes hundreds). */
const PAGE = 100;
const VERDICT_KEY = { allow: 'verdictAllow', deny: 'verdictDeny', conditional: 'verdictConditional' } as const satisfies Record<VerdictCell['verdict'], ArtefactsKey>;

/** Names listed per kind of change before the rest are summed up (the table below has them all). */
const NAMES_LISTED = 60;

function namesOf(check: Extract<SeccompCheck, { type: 'ok' }>, change: VerdictChange): string {
  const names = check.rows.filter((r) => r.change === change).map((r) => r.name);
  return names.length > NAMES_LISTED ? `${names.slice(0, NAMES_LISTED).join(', ')}, … (+${names.length - NAMES_LISTED})` : names.join(', ');
}

/** The diff against Docker's default as lists of names, then every syscall's verdict under both, filterable by name. */
export function VerdictTable({ check }: { check: Extract<SeccompCheck, { type: 'ok' }> }) {
  const t = useMessages(ARTEFACTS_MESSAGES);
  const [filter, setFilter] = useState('');
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [shown, setShown] = useState(PAGE);
  const changes = (['allowed', 'denied', 'action', 'args'] as const).filter((c) => check.counts[c] > 0);
  const needle = filter.trim().toLowerCase();
  const rows = check.rows.filter((r) => (!onlyChanged || r.change !== null) && (!needle || r.name.includes(needle)));
  const cell = (c: VerdictCell) => (
    <>{t(VERDICT_KEY[c.verdict])}{c.errno || c.signal ? <>{c.verdict === 'conditional' ? t('otherwise') : ' '}<code>{c.errno ?? c.signal}</code></> : null}<br /><small>{c.action}</small>{c.argRules && <><br /><small className="byo-args">{c.argRules}</small></>}</>
  );
  return (
    <section className="byo-diff" aria-label={t('diffTitle')}>
      <h4>{t('diffTitle')}</h4>
      {changes.length === 0 ? <p className="byo-good">{t('noDiff')}</p> : (
        <ul className="byo-diff-lists">
          {changes.map((c) => (
            <li key={c} data-change={c}><strong>{t(DIFF_KEY[c], { n: check.counts[c] })}</strong>: {namesOf(check, c)}</li>
          ))}
        </ul>
      )}
      <div className="byo-actions">
        <label>{t('filterLabel')} <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} /></label>
        <label><input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> {t('onlyChanged')}</label>
      </div>
      <table className="byo-table byo-verdicts">
        <caption>{t('tableNote')}</caption>
        <thead><tr><th scope="col">{t('colSyscall')}</th><th scope="col">{t('colThis')}</th><th scope="col">{t('colDocker')}</th><th scope="col">{t('colChange')}</th></tr></thead>
        <tbody>
          {rows.slice(0, shown).map((r) => (
            <tr key={r.name} data-change={r.change ?? 'none'}>
              <th scope="row"><code>{r.name}</code></th>
              <td>{cell(r.mine)}</td>
              <td>{cell(r.base)}</td>
              <td>{r.change ? <strong>{t(CHANGE_KEY[r.change])}</strong> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown && (
        <p className="byo-more">
          {t('shownOf', { shown, total: rows.length })}{' '}
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>{t('showMore', { n: Math.min(PAGE, rows.length - shown) })}</button>
        </p>
      )}
    </section>
  );
}
