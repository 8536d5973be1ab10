import type { ReactNode } from 'react';
import type { InspectorView } from '../../store/inspector.ts';
import { Capabilities } from './Capabilities.tsx';
import { CgroupGauges } from './CgroupGauges.tsx';
import { FdTable } from './FdTable.tsx';
import { MountTable } from './MountTable.tsx';
import { NamespaceIds, ProcessTree } from './ProcessTree.tsx';
import { useLanguage, useMessages } from '../i18n/useMessages.ts';
import { runtimeText } from '../runtimeText.ts';
import { summaries } from './inspectorFormat.ts';
import { cjkSpacing } from '../../store/localize.ts';
import { inspectorMessages } from './inspectorMessages.ts';
import './inspector.css';

/**
 * The simulated state of the session's kernel, seen from the terminal's
 * process: processes, its cgroup, what it may do, its mounts and files, and
 * the runtime's settings. Each section folds (details/summary), and a folded
 * one still says in a line what it holds.
 */
export function Inspector({ view }: { view: InspectorView | null }) {
  const t = useMessages(inspectorMessages);
  const language = useLanguage();
  if (!view) {
    return (
      <section className="inspector" aria-label={t('region')}>
        <p className="insp-muted">{t('empty')}</p>
      </section>
    );
  }
  const s = summaries(view, language);
  const runtime = view.container
    ? t('containerOn', { container: view.container.name, runtime: runtimeText(view.container.runtimeLabel, language) })
    : runtimeText(view.runtimeLabel, language);
  const me = view.processes.rows.find((r) => r.terminal);
  return (
    <section className="inspector" aria-label={t('regionOf', { runtime })}>
      <header className="insp-head">
        <h2>{t('inside', { runtime })}</h2>
        <p>
          {cjkSpacing(t('servedBy', { kernel: view.kernelName[language] }))} <code>{view.kernel.release}</code>
          {view.hostname && <> · {t('hostname')} <code>{view.hostname}</code></>}
          {view.terminal && (
            <> · {t('terminal')} <code>{view.terminal.comm}</code>, pid {view.terminal.pid ?? '—'}
              {view.terminal.pid !== view.terminal.hostPid && <> ({t('hostPid', { pid: view.terminal.hostPid })})</>}</>
          )}
        </p>
      </header>
      <Section title={t('processes')} summary={s.processes} open>
        <ProcessTree processes={view.processes} kernelName={view.kernelName} />
        {me && (
          <details className="insp-inner">
            <summary>{t('nsIdsOf')} <code>{me.comm}</code></summary>
            <NamespaceIds row={me} />
          </details>
        )}
      </Section>
      <Section title={t('resources')} summary={s.cgroup} open>
        <CgroupGauges cgroup={view.cgroup} />
      </Section>
      <Section title={t('privileges')} summary={s.caps} open>
        <Capabilities caps={view.caps} seccomp={view.seccomp} />
      </Section>
      <Section title={t('mounts')} summary={s.mounts}>
        <MountTable mounts={view.mounts} />
      </Section>
      <Section title={t('openFiles')} summary={s.fds}>
        <FdTable fds={view.fds} />
      </Section>
      <Section title={t('settings')} summary={s.options}>
        {view.options.length === 0 ? <p className="insp-muted">{t('noSettings', { runtime })}</p> : (
          <dl className="insp-options">
            {view.options.map((o) => (
              <div key={o.key}>
                <dt><code>--{o.key}</code></dt>
                <dd><code>{o.value}</code>{o.isDefault ? <span className="insp-muted">{t('isDefault')}</span> : <span className="insp-badge">{t('changed')}</span>}
                  {o.description && <span className="insp-sub">{runtimeText(o.description, language)}</span>}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
      {view.notes.length > 0 && (
        <ul className="insp-notes" aria-label={t('notes')}>
          {view.notes.map((n) => <li key={n.en}>{n[language]}</li>)}
        </ul>
      )}
    </section>
  );
}

function Section({ title, summary, open = false, children }: { title: string; summary: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="insp-section" open={open}>
      <summary>
        <span className="insp-title">{title}</span>
        <span className="insp-summary">{summary}</span>
      </summary>
      <div className="insp-body">{children}</div>
    </details>
  );
}
