import { useEffect, useState, type RefObject } from 'react';

export interface FrameSize {
  /** Width of the element in CSS pixels (0 until measured). */
  width: number;
  /** Its computed font size in CSS pixels: the presenter scale is already in it. */
  fontPx: number;
}

const measure = (el: HTMLElement): FrameSize => ({
  width: el.clientWidth,
  fontPx: Number.parseFloat(getComputedStyle(el).fontSize) || 18,
});

/**
 * The size to draw the diagram at: drawn at the pane's real width and font
 * size, labels stay as large as the page's text on a projector instead of
 * shrinking with a scaled picture. `rescale` re-measures when the font scale
 * changes without the width changing.
 */
export function useFrameSize(ref: RefObject<HTMLElement | null>, rescale: unknown): FrameSize {
  const [size, setSize] = useState<FrameSize>({ width: 0, fontPx: 18 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = measure(el);
      setSize((prev) => (prev.width === next.width && prev.fontPx === next.fontPx ? prev : next));
    };
    update();
    // The page sets the presenter scale in its own effect, which runs after this one: measure again next frame.
    const frame = requestAnimationFrame(update);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
    };
  }, [ref, rescale]);
  return size;
}
