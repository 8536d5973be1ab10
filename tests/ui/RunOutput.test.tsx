import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { labStore } from '../../src/store/labStore.ts';
import type { RunView } from '../../src/store/views.ts';
import { RunOutput } from '../../src/ui/RunOutput.tsx';

/**
 * The refused box (issue 6 point 6): a refusal the run carries as data is
 * shown in the chosen language; one without data keeps its message. Server
 * rendering reads the store's initial state, pointed at the current one.
 */
vi.spyOn(labStore, 'getInitialState').mockImplementation(() => labStore.getState());

const SHELL: RunView = {
  type: 'refused', runtime: 'host', input: "docker run -it 'debian sh", message: 'unterminated single quote', column: 16,
  problem: { type: 'shell', problem: { type: 'unterminated-quote', quote: 'single' } },
};
const PLAIN: RunView = { type: 'refused', runtime: 'runc', input: 'runc run (config.json)', message: 'process.cwd: "home" is not an absolute path', column: null };

const html = (last: RunView, language: 'en' | 'zh') => {
  labStore.setState({ last, language });
  return renderToString(<RunOutput />).replace(/&#x27;/g, "'").replace(/&quot;/g, '"');
};

describe('RunOutput: the refused box', () => {
  it.each([
    { what: 'a shell problem, English', last: SHELL, language: 'en' as const, shown: 'unterminated single quote' },
    { what: 'a shell problem, Chinese', last: SHELL, language: 'zh' as const, shown: '单引号没有闭合' },
    { what: 'no data: the message as it is', last: PLAIN, language: 'zh' as const, shown: 'process.cwd: "home" is not an absolute path' },
  ])('$what', ({ last, language, shown }) => {
    expect(html(last, language)).toContain(`<p class="message">${shown}</p>`);
  });
});
