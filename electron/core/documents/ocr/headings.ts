// Owns finding headings in recognised pages: rows of recognised lines, a row set larger than the body text counts as
// emphasised (as a larger font does in a PDF's text layer), and the shared heading rules decide.
import type { OcrBox, OcrPage } from '../../../../shared/ocr';
import { recogniseHeadings, type CuedLine, type Heading } from '../headingLines';

/** A row this much taller than the body's rows is set apart like a heading (the text extractor's 1.1 for font sizes). */
const HEADING_SCALE = 1.15;

interface Row {
  text: string;
  height: number;
}

const centreY = (b: OcrBox) => (b.quad[1] + b.quad[3] + b.quad[5] + b.quad[7]) / 4;
const heightOf = (b: OcrBox) => Math.hypot(b.quad[6] - b.quad[0], b.quad[7] - b.quad[1]);
const leftX = (b: OcrBox) => Math.min(b.quad[0], b.quad[6]);

/** The page's boxes as rows (top to bottom, boxes in a row left to right), each as tall as its tallest box. */
export function rows(boxes: OcrBox[]): Row[] {
  const grouped: OcrBox[][] = [];
  for (const box of [...boxes].sort((a, b) => centreY(a) - centreY(b))) {
    const row = grouped.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(centreY(box) - centreY(first)) < 0.3 * Math.min(heightOf(box), heightOf(first))) row.push(box);
    else grouped.push([box]);
  }
  return grouped.map((r) => {
    const sorted = r.sort((a, b) => leftX(a) - leftX(b));
    return { text: sorted.map((b) => b.text).join(' '), height: Math.max(...sorted.map(heightOf)) };
  });
}

/** The row height of the median character: detected heights vary by a pixel or two, so no exact mode exists. */
function bodyHeight(all: Row[]): number {
  const sorted = [...all].sort((a, b) => a.height - b.height);
  let half = sorted.reduce((n, r) => n + r.text.length, 0) / 2;
  for (const r of sorted) if ((half -= r.text.length) <= 0) return r.height;
  return 0;
}

export function ocrHeadings(pages: OcrPage[]): Heading[] {
  const paged = pages.flatMap((p) => ('boxes' in p ? rows(p.boxes).map((r) => ({ ...r, page: p.page })) : []));
  const body = bodyHeight(paged);
  return recogniseHeadings(
    paged.map((r): CuedLine => ({ text: r.text, page: r.page, emphasised: r.height >= body * HEADING_SCALE })),
    true,
  );
}
