import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findRuntime } from '../../../src/sim/runtime/registry.ts';
import { inspect, type InspectorView } from '../../../src/store/inspector.ts';
import { labStore } from '../../../src/store/labStore.ts';
import { Inspector } from '../../../src/ui/inspector/Inspector.tsx';

/** The inspector's first render (server rendering); folding and focus are the browser's own details/summary. */
const html = (id: string, opts = {}) => renderToString(<Inspector view={inspect(findRuntime(id)!.boot(opts))} />);
const text = (h: string) => h.replace(/<!-- -->/g, '').replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

// Server rendering reads the store's initial state: make it the live one, so a test can switch the language.
vi.spyOn(labStore, 'getInitialState').mockImplementation(() => labStore.getState());
afterEach(() => labStore.getState().setLanguage('en'));

/** A control-plane container's view, as the engine gives it (engine.ts `inspect` with a container). */
const containerView = (): InspectorView => ({ ...inspect(findRuntime('runc')!.boot({})), runtimeLabel: 'admiring_curie on runc (Docker default)', container: { name: 'admiring_curie', runtimeLabel: 'runc (Docker default)' } });

describe('Inspector', () => {
  it('before a boot: a placeholder, not an error', () => {
    expect(renderToString(<Inspector view={null} />)).toContain('appears here once it has booted');
  });

  it('every section folds with a summary; processes, resources and privileges start open', () => {
    const h = html('runc');
    expect(h.match(/<details class="insp-section"/g)).toHaveLength(6);
    expect(h.match(/<details class="insp-section" open=""/g)).toHaveLength(3);
    for (const title of ['Processes', 'Resources (cgroup v2)', 'Privileges', 'Mounts', 'Open files', 'Runtime settings']) expect(h).toContain(`<span class="insp-title">${title}</span>`);
  });

  it.each([
    { id: 'runc', has: ['Inside runc (Docker default)', 'terminal <code>sh</code>, pid 1 (host pid 4201)', '5 processes are outside this pid namespace', "Docker's default profile", '14 of 41 capabilities', '/proc/kcore', '>masked<'] },
    { id: 'host', has: ['Served by the host kernel: <code>7.0.0-1-amd64</code>', '41 of 41 capabilities', 'no filter', 'aria-label="none: all initial"'] },
    { id: 'gvisor', has: ["Served by gVisor's Sentry: <code>4.19.0-gvisor</code>", '<code>--platform</code>', '<code>systrap</code>'] },
    { id: 'nabla', has: ['Served by the library OS: <code>7.99.34</code>', 'root cgroup never has them'] },
  ])('$id shows its state', ({ id, has }) => {
    const h = text(html(id));
    for (const s of has) expect(h).toContain(s);
  });

  it('marks the terminal row and gives each gauge an accessible meter', () => {
    const h = text(html('runc', { resources: { memory: '64m', pidsLimit: '10' } }));
    expect(h).toMatch(/<tr class="insp-terminal">/);
    expect(h).toContain('role="meter" aria-label="Memory" aria-valuemin="0" aria-valuemax="67108864"');
    expect(h).toContain('aria-valuetext="pids.current 1 of pids.max 10"');
    expect(h).toContain('0 B of 64 MiB');
  });

  it.each([
    { language: 'en' as const, has: ['<h2>Inside admiring_curie on runc (Docker default)</h2>', 'aria-label="Simulated state of admiring_curie on runc (Docker default)"'] },
    { language: 'zh' as const, has: ['<h2>runc（Docker 默认） 上的容器 admiring_curie 内部</h2>', 'aria-label="runc（Docker 默认） 上的容器 admiring_curie 的模拟状态"'] },
  ])("names a container and its runtime in one sentence ($language)", ({ language, has }) => {
    labStore.getState().setLanguage(language);
    const h = text(renderToString(<Inspector view={containerView()} />));
    for (const s of has) expect(h).toContain(s);
  });

  it('words a runtime alone in Chinese', () => {
    labStore.getState().setLanguage('zh');
    expect(text(html('runc'))).toContain('<h2>runc（Docker 默认） 内部</h2>');
  });
});
