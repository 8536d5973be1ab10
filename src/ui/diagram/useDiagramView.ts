import { useEffect, useRef, type RefObject } from 'react';
import { createDiagramView, type DiagramFrame, type DiagramView } from './diagramView.ts';

/**
 * diagramView's life in React: created on mount, destroyed on unmount, told
 * each new frame. Nothing is drawn until the frame has a width (the pane has
 * been measured) and layers (the model has loaded).
 */
export function useDiagramView(svg: RefObject<SVGSVGElement | null>, frame: DiagramFrame | null): void {
  const view = useRef<DiagramView | null>(null);
  useEffect(() => {
    if (!svg.current) return;
    const v = createDiagramView(svg.current);
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [svg]);

  const { layers, hops, hop, speed, width, fontPx, note, bandLabel } = frame ?? {};
  useEffect(() => {
    if (!layers || !width || width <= 0) return;
    view.current?.update({ layers, hops: hops ?? null, hop: hop ?? 0, speed: speed ?? 1, width, fontPx: fontPx ?? 18, note: note ?? true, bandLabel });
  }, [layers, hops, hop, speed, width, fontPx, note, bandLabel]);
}
