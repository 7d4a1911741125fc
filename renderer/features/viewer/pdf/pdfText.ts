// Owns each page's text for find: pdf.js text items cached per page, indexed ignoring spaces/case/full-width, mapped back to items.
import type { PageViewport, PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';

/** Part of one text item (text-layer span) covered by a hit: [start, end) in the item's string. */
export interface HitSegment {
  item: number;
  start: number;
  end: number;
}

export interface PdfHit {
  page: number;
  segments: HitSegment[];
  /** Top of the hit's first line, in PDF units from the top of the page (zoom 1). */
  top: number;
}

export interface PageText {
  content: TextContent;
  /** Strings of the items that become text-layer spans, in the same order as TextLayer.textDivs. */
  strings: string[];
  /** The page's searchable text: characters with spaces removed, folded to lower case and half-width. */
  compact: string;
  /** For each character of `compact`: [item index, offset in that item's string]. */
  origin: Uint32Array;
  /** Top of each item, in PDF units from the top of the page. */
  itemTops: number[];
}

/** One character folded for matching: full-width ASCII (Ａ１（) → half-width, then lower case. */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  const half = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  const lower = half.toLowerCase();
  return lower.length === 1 ? lower : half;
}

export function compactQuery(query: string): string {
  let out = '';
  for (const ch of query) if (!/\s/.test(ch)) out += [...ch].map(fold).join('');
  return out;
}

function indexPage(content: TextContent, viewport: PageViewport): PageText {
  const items = content.items.filter((i): i is TextItem => 'str' in i);
  const strings = items.map((i) => i.str);
  let compact = '';
  const origin: number[] = [];
  strings.forEach((str, item) => {
    for (let k = 0; k < str.length; k++) {
      const ch = str[k];
      if (/\s/.test(ch)) continue;
      compact += fold(ch);
      origin.push(item, k);
    }
  });
  // transform[4..5] is the baseline start in PDF space; the line's top is one font height above it.
  const itemTops = items.map((i) => {
    const [, y] = viewport.convertToViewportPoint(i.transform[4], i.transform[5] + Math.abs(i.transform[3] || i.height));
    return Math.max(0, y);
  });
  return { content, strings, compact, origin: Uint32Array.from(origin), itemTops };
}

export function findInPage(page: number, text: PageText, query: string): PdfHit[] {
  const hits: PdfHit[] = [];
  if (!query) return hits;
  let at = text.compact.indexOf(query);
  while (at !== -1) {
    const segments: HitSegment[] = [];
    for (let c = at; c < at + query.length; c++) {
      const item = text.origin[c * 2];
      const offset = text.origin[c * 2 + 1];
      const last = segments[segments.length - 1];
      if (last && last.item === item) last.end = offset + 1;
      else segments.push({ item, start: offset, end: offset + 1 });
    }
    hits.push({ page, segments, top: text.itemTops[segments[0].item] ?? 0 });
    at = text.compact.indexOf(query, at + query.length);
  }
  return hits;
}

/** Text of each page, fetched once and shared by the text layer and find. */
export class PdfTextCache {
  private readonly pages = new Map<number, Promise<PageText>>();
  constructor(private readonly pdf: PDFDocumentProxy) {}

  get(pageNumber: number): Promise<PageText> {
    let text = this.pages.get(pageNumber);
    if (!text) {
      text = this.pdf.getPage(pageNumber).then(async (page) => {
        const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
        return indexPage(content, page.getViewport({ scale: 1 }));
      });
      this.pages.set(pageNumber, text);
    }
    return text;
  }
}
