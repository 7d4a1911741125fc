// Owns find in a PDF: searches every page's text (debounced, cancellable, results as they come), tracks the current hit.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compactQuery } from '../../../lib/textSearch';
import type { PageHit } from '../../../ui/pdf/highlight';
import { findInPage, type PdfHit, type PdfTextCache } from '../../../ui/pdf/pdfText';
import { useViewer } from '../store';

const DEBOUNCE_MS = 250;
const NO_HITS: PageHit[] = [];

export interface PdfSearch {
  /** Hits on each page (1-based page number), with their document-wide index. */
  hitsByPage: Map<number, PageHit[]>;
  current: PdfHit | null;
  next(): void;
  prev(): void;
  /** Finds `query`, making the first hit on or after `page` current (a new query starts from the page being read). */
  findFrom(query: string, page: number): void;
}

export function hitsOnPage(search: PdfSearch, page: number): PageHit[] {
  return search.hitsByPage.get(page) ?? NO_HITS;
}

export function usePdfSearch(texts: PdfTextCache, pageCount: number, onCurrent: (hit: PdfHit) => void): PdfSearch {
  const query = useViewer((s) => s.query);
  const hitIndex = useViewer((s) => s.hitIndex);
  const [hits, setHits] = useState<PdfHit[]>([]);
  const hitsRef = useRef(hits);
  hitsRef.current = hits;
  const onCurrentRef = useRef(onCurrent);
  onCurrentRef.current = onCurrent;

  useEffect(() => {
    const viewer = useViewer.getState();
    const needle = compactQuery(query);
    setHits([]);
    viewer.setHits(0, -1);
    viewer.setSearchProgress(null);
    if (!needle) return;
    let alive = true;
    const timer = window.setTimeout(async () => {
      const found: PdfHit[] = [];
      const startPage = useViewer.getState().page;
      let chosen = -1;
      for (let page = 1; page <= pageCount && alive; page++) {
        const text = await texts.get(page).catch(() => null);
        if (!alive) return;
        if (text) found.push(...findInPage(page, text, needle));
        // The first hit at or after the page being read becomes current as soon as it is found.
        if (chosen === -1) {
          const at = found.findIndex((h) => h.page >= startPage);
          if (at !== -1) chosen = at;
        }
        if (page % 8 === 0 || page === pageCount) {
          setHits([...found]);
          viewer.setSearchProgress(page === pageCount ? null : { done: page, total: pageCount });
          const kept = useViewer.getState().hitIndex; // the user may already have stepped with Enter
          const fallback = found.length > 0 && page === pageCount ? 0 : -1;
          viewer.setHits(found.length, kept >= 0 ? kept : chosen !== -1 ? chosen : fallback);
        }
      }
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [query, texts, pageCount]);

  const current = hitIndex >= 0 ? (hits[hitIndex] ?? null) : null;

  useEffect(() => {
    if (current) onCurrentRef.current(current);
  }, [current]);

  const hitsByPage = useMemo(() => {
    const map = new Map<number, PageHit[]>();
    hits.forEach((hit, index) => {
      const list = map.get(hit.page) ?? [];
      list.push({ index, segments: hit.segments });
      map.set(hit.page, list);
    });
    return map;
  }, [hits]);

  const step = useCallback((by: 1 | -1) => {
    const { hitCount, hitIndex: at } = useViewer.getState();
    if (hitCount === 0) return;
    const nextIndex = at < 0 ? (by > 0 ? 0 : hitCount - 1) : (at + by + hitCount) % hitCount;
    useViewer.getState().setHits(hitCount, nextIndex);
  }, []);

  const findFrom = useCallback((wanted: string, page: number) => {
    const viewer = useViewer.getState();
    if (compactQuery(wanted) !== compactQuery(viewer.query)) {
      viewer.setQuery(wanted);
      return;
    }
    const at = hitsRef.current.findIndex((h) => h.page >= page);
    if (at !== -1) viewer.setHits(hitsRef.current.length, at);
  }, []);

  return { hitsByPage, current, next: useCallback(() => step(1), [step]), prev: useCallback(() => step(-1), [step]), findFrom };
}
