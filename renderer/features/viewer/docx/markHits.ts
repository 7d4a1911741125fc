// Owns find marks in rendered Word HTML: indexes the article's text nodes and wraps each hit in <mark class="search-hit">.
import { findAll, indexStrings } from '../../../lib/textSearch';

/** Marks every hit of an already compacted needle inside `root`; returns how many there are. */
export function markHits(root: HTMLElement, needle: string): number {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const hits = findAll(indexStrings(nodes.map((n) => n.data)), needle);

  const byNode = new Map<number, { start: number; end: number; hit: number }[]>();
  hits.forEach((segments, hit) => {
    for (const s of segments) {
      const list = byNode.get(s.item) ?? [];
      list.push({ start: s.start, end: s.end, hit });
      byNode.set(s.item, list);
    }
  });
  for (const [item, ranges] of byNode) {
    // Right to left, so splitting off a later range leaves the earlier offsets in the original node valid.
    ranges.sort((a, b) => b.start - a.start);
    for (const r of ranges) {
      const middle = nodes[item]!.splitText(r.start); // hits index the strings of `nodes`

      middle.splitText(r.end - r.start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.dataset.testid = 'search-hit';
      mark.dataset.hitIndex = String(r.hit);
      middle.replaceWith(mark);
      mark.append(middle);
    }
  }
  return hits.length;
}

/** Moves the current-hit style to hit `index` and scrolls it to the middle of the pane. */
export function showCurrentHit(root: HTMLElement, index: number): void {
  root.querySelectorAll('.search-hit-current').forEach((el) => el.classList.remove('search-hit-current'));
  const parts = root.querySelectorAll(`[data-hit-index="${index}"]`);
  parts.forEach((el) => el.classList.add('search-hit-current'));
  parts[0]?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

/** Removes all marks and re-joins the text nodes they split. */
export function clearHits(root: HTMLElement): void {
  const marks = root.querySelectorAll('mark.search-hit');
  if (marks.length === 0) return;
  marks.forEach((mark) => mark.replaceWith(...mark.childNodes));
  root.normalize();
}
