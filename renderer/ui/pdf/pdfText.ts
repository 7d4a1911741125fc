// Owns each page's text for find: pdf.js text items cached per page, indexed for matching, with each item's position on the page.
import type { PageViewport, PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { findAll, indexStrings, type Segment, type TextIndex } from '../../lib/textSearch';

export interface PdfHit {
  page: number;
  /** Item = index of the text-layer span (TextLayer.textDivs). */
  segments: Segment[];
  /** Top of the hit's first line, in PDF units from the top of the page (zoom 1). */
  top: number;
}

export interface PageText {
  content: TextContent;
  /** Strings of the items that become text-layer spans, in the same order as TextLayer.textDivs. */
  strings: string[];
  index: TextIndex;
  /** Top of each item, in PDF units from the top of the page. */
  itemTops: number[];
}

function indexPage(content: TextContent, viewport: PageViewport): PageText {
  const items = content.items.filter((i): i is TextItem => 'str' in i);
  const strings = items.map((i) => i.str);
  // transform[4..5] is the baseline start in PDF space; the line's top is one font height above it.
  const itemTops = items.map((i) => {
    const [, y] = viewport.convertToViewportPoint(i.transform[4], i.transform[5] + Math.abs(i.transform[3] || i.height));
    return Math.max(0, y);
  });
  return { content, strings, index: indexStrings(strings), itemTops };
}

/** Hits of `needle` on a page; its text may be a text layer's or, on a scanned page, its recognised lines. */
export function findInPage(page: number, text: Pick<PageText, 'index' | 'itemTops'>, needle: string): PdfHit[] {
  return findAll(text.index, needle).map((segments) => ({ page, segments, top: text.itemTops[segments[0]!.item] ?? 0 })); // a hit covers at least one segment
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
