// Owns reading a rendered PDF back for the renderer tests: pdfjs text items with positions in points from the page's
// top-left corner, grouped into lines by baseline, and the document's Info dictionary.
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export interface Item {
  str: string;
  /** Left edge and baseline, in points from the top-left corner. */
  x: number;
  baseline: number;
  width: number;
  size: number;
}

export interface Page {
  width: number;
  height: number;
  items: Item[];
}

export interface PdfRead {
  pages: Page[];
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Buffer): Promise<PdfRead> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS })
    .promise;
  try {
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = (content.items as TextItem[])
        .filter((i) => 'transform' in i && i.str.length > 0)
        .map((i) => ({
          str: i.str,
          x: i.transform[4]!,
          baseline: height - i.transform[5]!,
          width: i.width,
          size: Math.hypot(i.transform[0], i.transform[1]),
        }));
      pages.push({ width, height, items });
    }
    const { info } = await doc.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

export interface TextLine {
  baseline: number;
  size: number;
  text: string;
  left: number;
  right: number;
}

/** Items of a page grouped into lines (same baseline within 0.5 pt), top to bottom, each line's items left to right. */
export function lines(page: Page): TextLine[] {
  const sorted = [...page.items].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const out: { baseline: number; items: Item[] }[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.baseline - item.baseline) < 0.5) last.items.push(item);
    else out.push({ baseline: item.baseline, items: [item] });
  }
  return out.map(({ baseline, items }) => {
    items.sort((a, b) => a.x - b.x);
    return {
      baseline,
      size: Math.max(...items.map((i) => i.size)),
      text: items.map((i) => i.str).join(''),
      left: items[0]!.x,
      right: Math.max(...items.map((i) => i.x + i.width)),
    };
  });
}

/** All text of the document in reading order, without whitespace. */
export function plainText(read: PdfRead): string {
  return read.pages
    .flatMap((p) => lines(p).map((l) => l.text))
    .join('')
    .replace(/\s+/g, '');
}
