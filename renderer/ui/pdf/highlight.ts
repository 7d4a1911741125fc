// Owns marking find hits inside a page's text layer: wraps hit ranges of each span in .search-hit (and .search-hit-current).
import type { Segment } from '../../lib/textSearch';

export interface PageHit {
  /** Index among all hits of the document. */
  index: number;
  segments: Segment[];
}

/** Restores every span touched last time, then wraps this time's ranges; returns the spans it changed. */
export function applyHighlights(
  textDivs: HTMLElement[],
  strings: string[],
  hits: PageHit[],
  currentIndex: number,
  previouslyTouched: Set<number>,
): Set<number> {
  for (const item of previouslyTouched) {
    if (textDivs[item]) textDivs[item].textContent = strings[item]!; // one string per text div
  }
  const ranges = new Map<number, { start: number; end: number; current: boolean; index: number }[]>();
  for (const hit of hits) {
    for (const s of hit.segments) {
      const list = ranges.get(s.item) ?? [];
      list.push({ start: s.start, end: s.end, current: hit.index === currentIndex, index: hit.index });
      ranges.set(s.item, list);
    }
  }
  for (const [item, list] of ranges) {
    const div = textDivs[item];
    const str = strings[item];
    if (!div || str === undefined) continue;
    list.sort((a, b) => a.start - b.start);
    div.textContent = '';
    let at = 0;
    for (const r of list) {
      if (r.start < at) continue; // overlapping ranges cannot happen for non-overlapping hits; guard anyway
      if (r.start > at) div.append(str.slice(at, r.start));
      const mark = document.createElement('span');
      mark.className = r.current ? 'search-hit search-hit-current' : 'search-hit';
      mark.dataset.testid = 'search-hit';
      mark.dataset.hitIndex = String(r.index);
      mark.textContent = str.slice(r.start, r.end);
      div.append(mark);
      at = r.end;
    }
    if (at < str.length) div.append(str.slice(at));
  }
  return new Set(ranges.keys());
}
