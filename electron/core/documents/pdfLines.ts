// Owns what both PDF text readers (PDFium first, pdf.js as fallback) share: a PDF text line with its size and font, and a document's headings from its lines and bookmarks.
import { recogniseHeadings, type CuedLine, type Heading } from './headingLines';

export interface PdfLine {
  text: string;
  page: number;
  /** The largest font size on the line, in points. */
  size: number;
  /** The font most of the line's characters are set in. */
  font: string;
}

/** Outline entries beyond this are ignored: a hostile outline can be made arbitrarily large. */
export const MAX_OUTLINE = 2000;
/** A line this much larger than the body text is set apart like a heading (pdfkit: 13 pt over 11.5 pt). */
const HEADING_SCALE = 1.1;

/** A PDF's lines, page by page, and its bookmarks, as one of the readers found them. */
export interface PdfReading {
  pages: PdfLine[][];
  outline: Heading[];
}

/** The font a line is mostly set in, from its characters' fonts in order. */
export function mainFont(fonts: Map<string, number>): string {
  return [...fonts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * Bookmarks first, then heading lines the bookmarks do not already name, ordered by page. A line is set apart when it
 * is larger than the body text or in another font — a bold face or 黑体 over 仿宋 at the same size, as WPS and Word
 * export headings typed by hand (a bold face is its own font in a PDF).
 */
export function pdfHeadings({ pages, outline }: PdfReading): Heading[] {
  const lines = pages.flat();
  const body = commonest(lines, (l) => Math.round(l.size * 2) / 2) ?? 0;
  const bodyFont = commonest(lines, (l) => l.font);
  const fromText = recogniseHeadings(
    lines.map((l): CuedLine => ({ text: l.text, page: l.page, emphasised: l.size >= body * HEADING_SCALE || l.font !== bodyFont })),
    true,
  );
  const known = new Set(outline.map((h) => `${h.page}|${compact(h.text)}`));
  const merged = [...outline, ...fromText.filter((h) => !known.has(`${h.page}|${compact(h.text)}`))];
  return merged.sort((a, b) => (a.page ?? Infinity) - (b.page ?? Infinity));
}

const compact = (s: string) => s.replace(/\s/g, '');

/** The value of `key` (a font size to half a point, a font) most characters are set in: the body text's. */
function commonest<K>(lines: PdfLine[], key: (l: PdfLine) => K): K | undefined {
  const chars = new Map<K, number>();
  for (const l of lines) chars.set(key(l), (chars.get(key(l)) ?? 0) + l.text.length);
  let best: K | undefined;
  let most = -1;
  for (const [k, n] of chars) if (n > most) [best, most] = [k, n];
  return best;
}
