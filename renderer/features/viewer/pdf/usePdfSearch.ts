// Owns find in a PDF: searches every page's text — a scan's recognised lines — (debounced, cancellable, results as they come),
// tracks the current hit.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compactQuery } from '../../../lib/textSearch';
import type { PageHit } from '../../../ui/pdf/highlight';
import { findInPage, type PdfHit } from '../../../ui/pdf/pdfText';
import { useViewer } from '../store';
import type { RecognisedTextCache } from './recognisedText';

const DEBOUNCE_MS = 250;
const NO_HITS: PageHit[] = [];
const NOTHING_FOUND = { hits: [], recognisedPages: new Set<number>() };

export interface PdfSearch {
  /** Hits on each page (1-based page number), with their document-wide index. */
  hitsByPage: Map<number, PageHit[]>;
  /** Pages whose hits are in their recognised lines (scans), not in their text layer. */
  recognisedPages: ReadonlySet<number>;
  current: PdfHit | null;
  /** Finds `query`, making the first hit on or after `page` current (a new query starts from the page being read). */
  findFrom(query: string, page: number): void;
}

export function hitsOnPage(search: PdfSearch, page: number): PageHit[] {
  return search.hitsByPage.get(page) ?? NO_HITS;
}

export function usePdfSearch(texts: RecognisedTextCache, pageCount: number, onCurrent: (hit: PdfHit) => void): PdfSearch {
  const query = useViewer((s) => s.query);
  const hitIndex = useViewer((s) => s.hitIndex);
  const [{ hits, recognisedPages }, setFound] = useState<{ hits: PdfHit[]; recognisedPages: ReadonlySet<number> }>(NOTHING_FOUND);
  const hitsRef = useRef(hits);
  hitsRef.current = hits;
  const onCurrentRef = useRef(onCurrent);
  onCurrentRef.current = onCurrent;

  useEffect(() => {
    const viewer = useViewer.getState();
    const needle = compactQuery(query);
    setFound(NOTHING_FOUND);
    viewer.setHits(0, -1);
    viewer.setSearchProgress(null);
    if (!needle) return;
    let alive = true;
    const timer = window.setTimeout(async () => {
      const found: PdfHit[] = [];
      const recognised = new Set<number>();
      const startPage = useViewer.getState().page;
      let chosen = -1;
      for (let page = 1; page <= pageCount && alive; page++) {
        const searchable = await texts.searchable(page);
        if (!alive) return;
        if (searchable) {
          const before = found.length;
          found.push(...findInPage(page, searchable.text, needle));
          if (searchable.recognised && found.length > before) recognised.add(page);
        }
        // The first hit at or after the page being read becomes current as soon as it is found.
        if (chosen === -1) {
          const at = found.findIndex((h) => h.page >= startPage);
          if (at !== -1) chosen = at;
        }
        if (page % 8 === 0 || page === pageCount) {
          setFound({ hits: [...found], recognisedPages: new Set(recognised) });
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

  const findFrom = useCallback((wanted: string, page: number) => {
    const viewer = useViewer.getState();
    if (compactQuery(wanted) !== compactQuery(viewer.query)) {
      viewer.setQuery(wanted);
      return;
    }
    const at = hitsRef.current.findIndex((h) => h.page >= page);
    if (at !== -1) viewer.setHits(hitsRef.current.length, at);
  }, []);

  return {
    hitsByPage,
    recognisedPages,
    current,
    findFrom,
  };
}
