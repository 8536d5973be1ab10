import type { LabStore } from '../../store/labStore.ts';
import { parseDeckMessage, READY_EVENT, steppedEvent, type DeckCommand } from '../../store/deckMessages.ts';

/**
 * The lab driven by the slide deck around it (deckMessages.ts has the
 * messages). Only when embedded (window.parent !== window), and only messages
 * from that parent: anything else is not addressed to us. A message the lab
 * cannot read is ignored with a console warning, never thrown. Events go to
 * the parent with targetOrigin '*': they say only where a simulated call is,
 * and a deck may be served from any origin.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Window/postMessage
 */
export function startDeckApi(store: LabStore, win: Window = window): () => void {
  if (win.parent === win) return () => {};
  const post = (data: unknown) => win.parent.postMessage(data, '*');
  const onMessage = (e: MessageEvent) => {
    if (e.source !== win.parent) return;
    const parsed = parseDeckMessage(e.data);
    if (!parsed.ok) {
      console.warn(`Isolation Lab: ignored a message from the page around it: ${parsed.reason}`, e.data);
      return;
    }
    perform(store, parsed.command);
  };
  win.addEventListener('message', onMessage);
  let last = '';
  const stop = store.subscribe((s) => {
    const entry = s.entries.find((x) => x.id === s.playback.entryId);
    const event = steppedEvent(entry, s.playback);
    const key = JSON.stringify(event);
    if (key === last) return;
    last = key;
    post(event);
  });
  post(READY_EVENT);
  return () => {
    win.removeEventListener('message', onMessage);
    stop();
  };
}

function perform(store: LabStore, c: DeckCommand): void {
  const s = store.getState();
  switch (c.type) {
    case 'step':
      return s.stepForward();
    case 'back':
      return s.stepBack();
    case 'play':
      return s.play();
    case 'pause':
      return s.pause();
    case 'reset':
      return s.reset();
    case 'run':
      return s.submitLine(c.line);
    case 'setRuntime':
      if (s.ready && !s.runtimes.some((r) => r.id === c.runtime)) {
        console.warn(`Isolation Lab: setRuntime: no runtime '${c.runtime}' (expected one of ${s.runtimes.map((r) => r.id).join(', ')})`);
        return;
      }
      // The runtime's own shell, as the picker does; settings the runtime refuses leave the old ones (configure).
      s.chooseRuntime(c.runtime);
      return s.configure(c.runtime, { ...(s.options[c.runtime as keyof typeof s.options] ?? {}), ...c.settings });
  }
}
