// Owns find inside rendered HTML: re-marks hits when the query changes (debounced) and follows the current hit.
import { useEffect, type RefObject } from 'react';
import { compactQuery } from '../../../lib/textSearch';
import { useViewer } from '../store';
import { clearHits, markHits, showCurrentHit } from './markHits';

const DEBOUNCE_MS = 200;

export function useHtmlFind(rootRef: RefObject<HTMLElement | null>, html: string) {
  const query = useViewer((s) => s.query);
  const hitIndex = useViewer((s) => s.hitIndex);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const timer = window.setTimeout(() => {
      clearHits(root);
      const count = markHits(root, compactQuery(query));
      useViewer.getState().setHits(count, count > 0 ? 0 : -1);
      if (count > 0) showCurrentHit(root, 0);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [rootRef, query, html]);

  useEffect(() => {
    if (rootRef.current && hitIndex >= 0) showCurrentHit(rootRef.current, hitIndex);
  }, [rootRef, hitIndex]);
}
