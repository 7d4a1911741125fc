// Owns the app's one text-matching rule (used by PDF, Word and sheet find): ignore spaces and case, treat full-width ASCII as half-width.

/** Part of one source string covered by a hit: [start, end). */
export interface Segment {
  item: number;
  start: number;
  end: number;
}

export interface TextIndex {
  /** All strings' characters, spaces removed, folded. */
  compact: string;
  /** For each character of `compact`: item index, then offset in that item (pairs, flattened). */
  origin: Uint32Array;
}

/** One character folded for matching: full-width ASCII (Ａ１（) → half-width, then lower case. */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  const lower = half.toLowerCase();
  return lower.length === 1 ? lower : half;
}

const SPACE = /\s/;

export function compactQuery(query: string): string {
  let out = '';
  for (let k = 0; k < query.length; k++) {
    const ch = query[k]!;
    if (!SPACE.test(ch)) out += fold(ch);
  }
  return out;
}

/** Indexes strings as one continuous text, so a phrase broken across lines, runs or spans is still found. */
export function indexStrings(strings: readonly string[]): TextIndex {
  let compact = '';
  const origin: number[] = [];
  strings.forEach((str, item) => {
    for (let k = 0; k < str.length; k++) {
      const ch = str[k]!;
      if (SPACE.test(ch)) continue;
      compact += fold(ch);
      origin.push(item, k);
    }
  });
  return { compact, origin: Uint32Array.from(origin) };
}

/** Every non-overlapping occurrence of an already compacted needle, each as the segments of the strings it covers. */
export function findAll(index: TextIndex, needle: string): Segment[][] {
  const hits: Segment[][] = [];
  if (!needle) return hits;
  let at = index.compact.indexOf(needle);
  while (at !== -1) {
    const segments: Segment[] = [];
    // Each character of `compact` has its pair in `origin` (fold keeps one code unit as one).
    for (let c = at; c < at + needle.length; c++) {
      const item = index.origin[c * 2]!;
      const offset = index.origin[c * 2 + 1]!;

      const last = segments[segments.length - 1];
      if (last && last.item === item) last.end = offset + 1;
      else segments.push({ item, start: offset, end: offset + 1 });
    }
    hits.push(segments);
    at = index.compact.indexOf(needle, at + needle.length);
  }
  return hits;
}
