import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { storeHandlers, Terminal, type TerminalStore } from '../../../src/ui/terminal/Terminal.tsx';

function fakeStore(wired: boolean) {
  const calls: string[] = [];
  const store: TerminalStore = {
    submitCommand: (t) => calls.push(`submitCommand ${t}`),
    clearTranscript: () => calls.push('clearTranscript'),
    ...(wired ? {
      submitLine: (t: string) => calls.push(`submitLine ${t}`),
      complete: (line: string, cursor: number) => ({ replacement: `${line.slice(0, cursor)}!`, candidates: [] }),
    } : {}),
  };
  return { calls, handlers: storeHandlers(() => store) };
}

describe('storeHandlers: what the terminal asks of the store', () => {
  it.each([
    [true, 'submitLine help'],
    [false, 'submitCommand help'],
  ])('with submitLine wired %s, a line goes to %s', (wired, call) => {
    const { calls, handlers } = fakeStore(wired);
    handlers.submit('help');
    expect(calls).toEqual([call]);
  });

  it('completes through the store when it can, and asks for nothing when it cannot', () => {
    expect(fakeStore(true).handlers.complete('ge', 2)).toEqual({ replacement: 'ge!', candidates: [] });
    expect(fakeStore(false).handlers.complete('ge', 2)).toBeUndefined();
  });

  it('Ctrl-L clears the transcript', () => {
    const { calls, handlers } = fakeStore(false);
    handlers.clearScreen();
    expect(calls).toEqual(['clearTranscript']);
  });
});

describe('<Terminal />', () => {
  it('renders the hint that says how to start and how to leave, and a host for xterm', () => {
    const html = renderToString(<Terminal />);
    expect(html).toContain('class="terminal-host"');
    expect(html).toMatch(/Type <kbd>help<\/kbd>/);
    expect(html).toContain('leaves the terminal');
  });
});
