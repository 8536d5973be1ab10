import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildCompareView } from '../../../src/store/compareView.ts';
import { CompareView } from '../../../src/ui/compare/CompareView.tsx';

/** The comparison's first render (server rendering); hover/focus of a rung is CSS, covered in the browser. */
const viewOf = (input: string, labels: string[]) => {
  const r = buildCompareView(input, labels);
  if (!r.ok) throw new Error(r.message);
  return r.view;
};
const text = (h: string) => h.replace(/<!-- -->/g, '').replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

describe('CompareView', () => {
  it('a column per runtime, each with its strace line and its hop ladder', () => {
    const h = text(renderToString(<CompareView view={viewOf('getpid()', ['runc', 'gvisor', 'kata'])} />));
    expect(h.match(/<article class="cmp-column"/g)).toHaveLength(3);
    expect(h).toContain('grid-template-columns:repeat(3, minmax(0, 1fr))');
    for (const label of ['runc', 'gvisor', 'kata']) expect(h).toContain(`data-runtime="${label}"`);
    expect(h).toContain('<code>getpid() = 1</code>');
    expect(h.match(/<ol class="cmp-ladder" aria-label="Hops of getpid"/g)).toHaveLength(3);
    expect(h).toContain('<li class="cmp-rung cmp-v-pass" tabindex="0">');
  });

  it('a denied call is red with its reason; a refused column is an alert', () => {
    const h = text(renderToString(<CompareView view={viewOf('keyctl(KEYCTL_JOIN_SESSION_KEYRING, NULL)', ['runc', 'gvisor'])} />));
    expect(h).toMatch(/<li class="cmp-bad"><code>keyctl\(KEYCTL_JOIN_SESSION_KEYRING, NULL\) = -1 EPERM/);
    expect(h).toContain('class="cmp-reason">← ');
    expect(h).toContain('cmp-v-deny');
    const refused = text(renderToString(<CompareView view={viewOf('opnat()', ['runc', 'gvisor'])} />));
    expect(refused.match(/role="alert"/g)).toHaveLength(2);
  });

  it('the table under the columns: result, hops, kernel, host syscalls, cost and ratio, published, start-up', () => {
    const h = text(renderToString(<CompareView view={viewOf('getpid()', ['host', 'runc', 'gvisor'])} />));
    for (const row of ['Result', 'Hops', 'Serving kernel', 'Host syscalls', 'Modelled cost', 'Ratio', 'Published', 'Start-up']) expect(h).toContain(`<th scope="row">${row}</th>`);
    expect(h).toContain('baseline');
    expect(h).toMatch(/\d+\.\d\d× runc/);
    expect(h).toContain('4.26× host: getpid() in a loop (call site patched)');
    expect(h).toContain('gvisor-systrap-getpid-gce-n2 / native-getpid-gce-n2');
    expect(h).toContain('[uk21-boot-docker]');
    expect(h).toContain('sentry');
  });

  it('a command: its summary, three lines, and every call behind a fold; the ladder shows its busiest call', () => {
    const h = text(renderToString(<CompareView view={viewOf('cat /etc/hostname', ['runc', 'kata'])} />));
    expect(h.match(/<p class="cmp-summary">9 calls, exit status 0<\/p>/g)).toHaveLength(2);
    expect(h.match(/<summary>All 9 calls<\/summary>/g)).toHaveLength(2);
    expect(h.match(/aria-label="Hops of openat"/g)).toHaveLength(2);
    expect(h).toContain("Path of <code>openat</code> (33 hops)");
  });

  it('slots a diagram into each column when asked', () => {
    const h = renderToString(<CompareView view={viewOf('getpid()', ['runc', 'nabla'])} renderDiagram={(row, i) => <svg data-diagram={`${row.runtime}-${i}`} />} />);
    expect(h).toContain('<svg data-diagram="runc-0">');
    expect(h).toContain('<svg data-diagram="nabla-1">');
    expect(renderToString(<CompareView view={viewOf('getpid()', ['runc'])} />)).not.toContain('cmp-diagram');
  });

  it('leaves out its heading when the section has one', () => {
    const v = viewOf('getpid()', ['runc']);
    expect(renderToString(<CompareView view={v} />)).toContain('<h2 class="cmp-input">');
    expect(renderToString(<CompareView view={v} heading={false} />)).not.toContain('<h2');
  });

  it('nothing to compare: a message', () => {
    expect(renderToString(<CompareView view={{ input: 'getpid()', rows: [] }} />)).toContain('Nothing to compare');
  });
});
