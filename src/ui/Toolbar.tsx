import { labStore } from '../store/labStore.ts';
import { useLab } from './useLab.ts';

/** Theme and presenter font size: what a lecturer changes before the projector warms up. */
export function Toolbar() {
  const theme = useLab((s) => s.theme);
  const scale = useLab((s) => s.fontScale);
  const { setTheme, setFontScale } = labStore.getState();
  return (
    <div className="toolbar" role="group" aria-label="Display">
      <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')} aria-pressed={theme === 'dark'} title="Dark theme">
        {theme === 'light' ? 'Dark' : 'Light'}
      </button>
      <button type="button" onClick={() => setFontScale(scale - 0.125)} disabled={scale <= 0.75} aria-label="Smaller text" title="Smaller text">A−</button>
      <span className="scale" aria-live="polite">{Math.round(scale * 100)}%</span>
      <button type="button" onClick={() => setFontScale(scale + 0.125)} disabled={scale >= 2} aria-label="Larger text" title="Larger text (presenter)">A+</button>
    </div>
  );
}
