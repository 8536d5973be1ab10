import type { ReactNode } from 'react';
import type { InspectorView } from '../../store/inspector.ts';
import { Capabilities } from './Capabilities.tsx';
import { CgroupGauges } from './CgroupGauges.tsx';
import { FdTable } from './FdTable.tsx';
import { MountTable } from './MountTable.tsx';
import { NamespaceIds, ProcessTree } from './ProcessTree.tsx';
import { summaries } from './inspectorFormat.ts';
import './inspector.css';

/**
 * The simulated state of the session's kernel, seen from the terminal's
 * process: processes, its cgroup, what it may do, its mounts and files, and
 * the runtime's settings. Each section folds (details/summary), and a folded
 * one still says in a line what it holds.
 */
export function Inspector({ view }: { view: InspectorView | null }) {
  if (!view) {
    return (
      <section className="inspector" aria-label="Simulated state">
        <p className="insp-muted">The runtime's state appears here once it has booted.</p>
      </section>
    );
  }
  const s = summaries(view);
  const me = view.processes.rows.find((r) => r.terminal);
  return (
    <section className="inspector" aria-label={`Simulated state of ${view.runtimeLabel}`}>
      <header className="insp-head">
        <h2>Inside {view.runtimeLabel}</h2>
        <p>
          Served by {view.kernelName}: <code>{view.kernel.release}</code>
          {view.hostname && <> · hostname <code>{view.hostname}</code></>}
          {view.terminal && (
            <> · terminal <code>{view.terminal.comm}</code>, pid {view.terminal.pid ?? '—'}
              {view.terminal.pid !== view.terminal.hostPid && <> (host pid {view.terminal.hostPid})</>}</>
          )}
        </p>
      </header>
      <Section title="Processes" summary={s.processes} open>
        <ProcessTree processes={view.processes} kernelName={view.kernelName} />
        {me && (
          <details className="insp-inner">
            <summary>Namespace ids of <code>{me.comm}</code></summary>
            <NamespaceIds row={me} />
          </details>
        )}
      </Section>
      <Section title="Resources (cgroup v2)" summary={s.cgroup} open>
        <CgroupGauges cgroup={view.cgroup} />
      </Section>
      <Section title="Privileges" summary={s.caps} open>
        <Capabilities caps={view.caps} seccomp={view.seccomp} />
      </Section>
      <Section title="Mounts" summary={s.mounts}>
        <MountTable mounts={view.mounts} />
      </Section>
      <Section title="Open files" summary={s.fds}>
        <FdTable fds={view.fds} />
      </Section>
      <Section title="Runtime settings" summary={s.options}>
        {view.options.length === 0 ? <p className="insp-muted">{view.runtimeLabel} has no settings.</p> : (
          <dl className="insp-options">
            {view.options.map((o) => (
              <div key={o.key}>
                <dt><code>--{o.key}</code></dt>
                <dd><code>{o.value}</code>{o.isDefault ? <span className="insp-muted"> (default)</span> : <span className="insp-badge">changed</span>}
                  {o.description && <span className="insp-sub">{o.description}</span>}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
      {view.notes.length > 0 && (
        <ul className="insp-notes" aria-label="Notes">
          {view.notes.map((n) => <li key={n}>{n}</li>)}
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
