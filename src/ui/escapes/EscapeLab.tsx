import { lazy, Suspense } from 'react';

/** The section and its panel are chunks of their own: the page's first script carries only this. */
const EscapeSection = lazy(() => import('./EscapeSection.tsx'));

/** The escape lab (issue 6), below the fold: it appears once its chunk has loaded. */
export function EscapeLab() {
  return (
    <Suspense fallback={null}>
      <EscapeSection />
    </Suspense>
  );
}
