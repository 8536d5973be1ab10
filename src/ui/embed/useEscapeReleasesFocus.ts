import { useEffect } from 'react';

/**
 * Esc gives the keyboard back (issue 6: keys that don't fight the deck): it
 * blurs whatever has focus inside the lab, the terminal included, and, when
 * the lab is in an iframe, focuses the parent window so the deck's own keys
 * work again. A dialog handles its own Esc first (it closes). Tab after Esc
 * still moves on from where focus was: browsers keep the sequential focus
 * navigation starting point at the blurred element.
 * @see https://html.spec.whatwg.org/multipage/interaction.html#sequential-focus-navigation-starting-point
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Window/focus (callable across origins)
 */
export function useEscapeReleasesFocus(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const el = document.activeElement;
      if (el instanceof HTMLElement && el !== document.body) el.blur();
      if (window.parent !== window) {
        try {
          window.parent.focus();
        } catch {
          // A browser that refuses it leaves focus on the iframe's body: the deck gets keys after a click on it.
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
