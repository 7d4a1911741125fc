// Owns turning a converted sheet into a grid layout: column letters and widths, merged-cell spans, which cells are covered, numbers.
import type { Sheet } from '../../../../shared/domain';

/** Rendering more rows than this makes the grid sluggish; longer sheets show a note instead. */
export const MAX_ROWS = 3000;

export interface SheetLayout {
  columnCount: number;
  rowCount: number;
  /** Pixel width per column. */
  widths: number[];
  /** "row,col" of a merge's top-left cell → its spans. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** "row,col" of cells hidden under a merge. */
  covered: Set<string>;
}

/** 0 → A, 25 → Z, 26 → AA … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel widths are in characters of the default font (8.43 by default); about 7 px each plus padding. */
function columnPixels(width: number | undefined): number {
  if (!width || width <= 0) return 72;
  return Math.min(480, Math.max(36, Math.round(width * 7 + 5)));
}

const NUMBER = /^[-+]?[¥￥$]?\s?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?$/;

export function isNumeric(text: string): boolean {
  const s = text.trim();
  return s !== '' && /\d/.test(s) && NUMBER.test(s);
}

export function layoutSheet(sheet: Sheet): SheetLayout {
  const rowCount = Math.min(sheet.rows.length, MAX_ROWS);
  let columnCount = sheet.columnWidths.length;
  for (let r = 0; r < rowCount; r++) columnCount = Math.max(columnCount, sheet.rows[r]!.length);

  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const [top, left, bottom, right] of sheet.merges) {
    if (top >= rowCount || bottom < top || right < left) continue;
    const last = Math.min(bottom, rowCount - 1);
    columnCount = Math.max(columnCount, right + 1);
    spans.set(`${top},${left}`, { rowSpan: last - top + 1, colSpan: right - left + 1 });
    for (let r = top; r <= last; r++) {
      for (let c = left; c <= right; c++) if (r !== top || c !== left) covered.add(`${r},${c}`);
    }
  }
  const widths = Array.from({ length: columnCount }, (_, c) => columnPixels(sheet.columnWidths[c]));
  return { columnCount, rowCount, widths, spans, covered };
}
