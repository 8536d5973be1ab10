import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { labStore } from '../../../src/store/labStore.ts';
import { SpecPaneView, type SpecPaneViewProps } from '../../../src/ui/spec/SpecPane.tsx';
import { withNodes } from '../../../src/ui/spec/specMessages.ts';

/** The spec pane in Chinese (issue 6 point 6): its own words translated; config.json, commands, paths and runc's refusal as written. */
const base: SpecPaneViewProps = { specText: null, containerName: null, problem: null, ready: true, defaultText: '{}', onRun: () => undefined, open: true };
const html = (p: Partial<SpecPaneViewProps> = {}) => renderToString(<SpecPaneView {...base} {...p} />).replace(/<!-- -->/g, '').replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

// Server rendering reads the store's initial state: let it read the current one (the language set below).
vi.spyOn(labStore, 'getInitialState').mockImplementation(() => labStore.getState());
afterEach(() => labStore.getState().setLanguage('en'));

describe('SpecPaneView in Chinese', () => {
  it.each([
    { what: 'no container', props: {}, has: ['OCI 运行时规范（config.json）', '尚无容器', '运行 <code>docker run -it …</code> 或 <code>runc run</code> 即可看到容器的 config.json', '运行此规范', '导入 config.json', '放弃我的修改', '<code>runc run -b /root/mycontainer spec-N</code>'] },
    { what: 'a container', props: { specText: '{}', containerName: 'web' }, has: ['<code>web</code> 的 config.json，与运行时收到的完全一致', 'aria-label="web 的 config.json"'] },
    {
      what: 'a refusal at a line',
      props: { problem: { message: 'json: cannot unmarshal string into Go struct field', line: 4, column: 2, path: 'process.args' } },
      has: ['第 4 行，第 2 列', '转到第 4 行', 'json: cannot unmarshal string into Go struct field'],
    },
    { what: 'a refusal without a line', props: { problem: { message: 'runc: bad', line: null, column: null, path: null } }, has: ['runc 拒绝了它'] },
  ] as { what: string; props: Partial<SpecPaneViewProps>; has: string[] }[])('$what', ({ props, has }) => {
    labStore.getState().setLanguage('zh');
    const h = html(props);
    for (const text of has) expect(h).toContain(text);
    expect(h).not.toMatch(/Run this spec|no container yet|Discard my edits|Go to line/);
  });
});

describe('withNodes', () => {
  it('puts the elements where the placeholders are, and keeps an unknown one as written', () => {
    expect(renderToString(<p>{withNodes('a {x} b {y}', { x: <code>X</code> })}</p>).replace(/<!-- -->/g, '')).toBe('<p>a <code>X</code> b {y}</p>');
  });
});
