import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { labStore } from './store/labStore.ts';
import { attachPersistence, savedLanguage } from './store/persistence.ts';
import { applyUrlSettings, restoreShared, sharedLinkProblem } from './store/urlApply.ts';
import { decodeSession } from './store/urlSession.ts';
import { parseUrlSettings, shownPanels } from './store/urlState.ts';
import type { Language } from './sim/text/language.ts';
import { App } from './ui/App.tsx';
import { startDeckApi } from './ui/embed/deckApi.ts';
import { setPageState } from './ui/embed/pageState.ts';

// The URL's settings (urlState.ts) and how they combine with the saved session (urlApply.ts):
// a link that sets up a state (s=, run=, lesson=, embed=1) starts from it and leaves the saved session alone;
// otherwise the saved session is restored (before the first render, and saved as it changes) and the URL's settings win over it.
const parsed = parseUrlSettings(window.location.search, window.location.hash);
const fromLink = parsed.settings.session !== null || parsed.settings.run.length > 0 || parsed.settings.lesson !== null || parsed.settings.embed;
// Without lang=, the address's problems are worded in the language of the session about to be restored (it is the page's language then).
const saved = !fromLink && parsed.settings.lang === null ? readSavedLanguage() : null;
const { settings, problems } = saved ? withLanguage(parseUrlSettings(window.location.search, window.location.hash, saved), saved) : parsed;
setPageState({ embed: settings.embed, panels: shownPanels(settings), presenter: settings.presenter });
if (!fromLink) attachPersistence(labStore, window.localStorage);
if (settings.session === null) applyUrlSettings(labStore, settings, problems);
else {
  const text = settings.session;
  void decodeSession(text).then((decoded) => {
    // The URL's own settings and lines come after the session's.
    if (decoded.ok) restoreShared(labStore, decoded.session, () => applyUrlSettings(labStore, settings, problems));
    else {
      sharedLinkProblem(labStore, decoded.message, settings.lang ?? undefined);
      applyUrlSettings(labStore, settings, problems);
    }
  });
}
if (settings.presenter) labStore.getState().setStill(true);
startDeckApi(labStore);
// A shared link opened in a tab already on the lab changes only the hash: load it as a fresh page would.
window.addEventListener('hashchange', () => {
  if (new URLSearchParams(window.location.hash.slice(1)).has('s')) window.location.reload();
});
void import('./ui/serviceWorker.ts').then((m) => m.registerServiceWorker()); // offline after one visit (production builds)

/** The saved session's language; null when there is none or storage is refused (private mode). */
function readSavedLanguage(): Language | null {
  try {
    return savedLanguage(window.localStorage);
  } catch {
    return null;
  }
}

/** The settings as if the address said lang=: the restored session already has that language, so applying it changes nothing but the problems' wording. */
function withLanguage(r: ReturnType<typeof parseUrlSettings>, language: Language): ReturnType<typeof parseUrlSettings> {
  return { settings: { ...r.settings, lang: language }, problems: r.problems };
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
