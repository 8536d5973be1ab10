import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SpecPaneView, type SpecPaneViewProps } from '../../../src/ui/spec/SpecPane.tsx';

/** The Spec pane's first render (server rendering); the editing itself is driven in Chromium (tests/e2e/spec.test.ts). */
const base: SpecPaneViewProps = { specText: null, containerName: null, problem: null, ready: true, defaultText: '{\n\t"ociVersion": "1.3.0"\n}', onRun: () => undefined, open: true };
const html = (p: Partial<SpecPaneViewProps> = {}) => renderToString(<SpecPaneView {...base} {...p} />).replace(/<!-- -->/g, '').replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

describe('SpecPaneView', () => {
  it.each([
    {
      what: 'no container: says how to get one, and the editor starts from runc spec\'s default',
      props: {}, has: ['Run <code>docker run -it …</code> or <code>runc run</code> to see a container\'s config.json', '"ociVersion": "1.3.0"', 'no container yet'], hasNot: ['class="spec-view"'],
    },
    {
      what: 'a container: its config.json, read-only and focusable, and the same text in the editor',
      props: { specText: '{\n\t"process": {"capabilities": {"bounding": ["CAP_SYS_ADMIN"]}}\n}', containerName: 'brave_turing' },
      has: ['<pre class="spec-view" tabindex="0" aria-label="config.json of brave_turing">', 'of <code>brave_turing</code>, as the runtime was given it', 'CAP_SYS_ADMIN'], hasNot: ['spec-empty'],
    },
    {
      what: 'a refusal: where, the JSON path, a way to the line, and the message, as an alert',
      props: { problem: { message: 'linux.namespaces[1].type: "netns" is not a namespace type (line 40, column 17)', path: 'linux.namespaces[1].type', line: 40, column: 17 } },
      has: ['role="alert"', 'Line 40, column 17', '<code>linux.namespaces[1].type</code>', 'Go to line 40', 'aria-invalid="true"'], hasNot: [],
    },
  ])('$what', ({ props, has, hasNot }) => {
    const h = html(props);
    for (const s of has) expect(h).toContain(s);
    for (const s of hasNot) expect(h).not.toContain(s);
  });

  it('every control is labelled and reachable: the editor, Run, Import (a real file input), the default', () => {
    const h = html();
    expect(h).toContain('<label for="spec-editor">Edit config.json</label>');
    expect(h).toMatch(/<textarea id="spec-editor"[^>]*aria-describedby="spec-help"/);
    expect(h).toMatch(/<button type="button" class="spec-primary">Run this spec<\/button>/);
    expect(h).toMatch(/<label class="spec-file">Import config.json<input type="file" accept=".json,application\/json"\/><\/label>/);
    expect(h).toContain('runc spec\'s default</button>');
  });

  it('Run waits for the model', () => {
    expect(html({ ready: false })).toMatch(/<button type="button" class="spec-primary" disabled="">Run this spec<\/button>/);
  });

  it('folds, with a summary that still says whose config.json it is', () => {
    const h = html({ open: false, containerName: 'box', specText: '{}' });
    expect(h).toContain('<details class="spec-pane">');
    expect(h).toContain('<span class="spec-summary">of <code>box</code>, as the runtime was given it</span>');
  });
});
