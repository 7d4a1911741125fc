// Owns tables in the PDF: column widths sized to the content (layout.ts, with this renderer's font metrics — the DOCX
// takes the same widths and row heights from `tableLayout`), merged cells (colSpan/rowSpan), cell text wrapped with the
// Chinese line breaker, rows as tall as their text, header rows repeated on every page a table spans, thin black
// borders. Rows tied by a rowSpan move to the next page together; a single row taller than a page continues on the
// next page between two lines, never through one.
import { columnWidths, type SizedCell } from '../layout';
import { tableSizes, type Align, type Block, type TableCell } from '../model';
import { emAscent } from './fonts';
import type { Flow } from './flow';
import { breakLines, lineWidth, positionLine, type Line } from './linebreak';
import { drawUnits, measure, textWidth, type TextUnit } from './text';

type TableBlock = Extract<Block, { kind: 'table' }>;

interface PlacedCell {
  row: number;
  rowSpan: number;
  x: number;
  width: number;
  align: Align;
  units: readonly TextUnit[];
  lines: Line[];
}

/** Cell padding (left/right, top/bottom) and border width in points; the DOCX sets the same cell margins. */
export const tablePadding = { x: 4, y: 3 } as const;
const padX = tablePadding.x;
const padY = tablePadding.y;
const border = 0.5;
/** Line height of table text: 1.4 × the size. */
export const tableLineFactor = 1.4;

interface Laid {
  cells: PlacedCell[];
  heights: number[];
  lineHeight: number;
  size: number;
}

/** Each cell's row, first column and span, with the cells covered by a rowSpan from above left out (HTML convention). */
function cellGrid(t: TableBlock): (SizedCell & { rowSpan: number })[] {
  const n = t.columns.length;
  const occupied = t.rows.map(() => new Array<boolean>(n).fill(false));
  const out: (SizedCell & { rowSpan: number })[] = [];
  t.rows.forEach((row, r) => {
    let c = 0;
    row.forEach((cell: TableCell) => {
      while (c < n && occupied[r]![c]) c++;
      if (c >= n) throw new Error(`表格第 ${r + 1} 行的单元格超出了 ${n} 列：请检查模板中该行的单元格数和 colSpan/rowSpan。`);
      const colSpan = Math.min(Math.max(cell.colSpan ?? 1, 1), n - c);
      const rowSpan = Math.min(Math.max(cell.rowSpan ?? 1, 1), t.rows.length - r);
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) occupied[rr]![cc] = true;
      out.push({ row: r, col: c, colSpan, rowSpan, cell, header: r < t.headerRows });
      c += colSpan;
    });
  });
  return out;
}

/**
 * Width of a cell's text for sizing its column: the PDF's width, with Latin letters and digits at least 0.64 em, the
 * width of the widest stand-in a reader may use for Times New Roman (DejaVu Serif's digits), and a quarter em where
 * Chinese meets Latin text, so an amount or a date that fits one line in the PDF fits one line in a DOCX opened
 * elsewhere too.
 */
function sizingWidth(text: string, size: number, bold: boolean): number {
  let width = textWidth(text, 'fangsong', size, bold);
  let previous = '';
  for (const ch of text) {
    const latin = ch >= '!' && ch <= '~';
    if (latin) width += Math.max(0, 0.64 * size - textWidth(ch, 'fangsong', size, bold));
    // LibreOffice always puts a quarter em between Chinese and Latin text or digits (it ignores w:autoSpaceDE/DN).
    if (previous && latin !== (previous >= '!' && previous <= '~') && ch !== ' ' && previous !== ' ') width += size / 4;
    previous = ch;
  }
  return width;
}

const measured = new Map<string, readonly TextUnit[]>();
const sized = new WeakMap<TableBlock, Map<number, number[]>>();

/** Column widths in points for a table `width` points wide, sized to its text (layout.ts columnWidths); cached per table. */
export function tableColumnWidths(t: TableBlock, width: number): number[] {
  let byWidth = sized.get(t);
  if (!byWidth) sized.set(t, (byWidth = new Map()));
  const known = byWidth.get(width);
  if (known) return known;
  const widths = sizeColumns(t, width);
  byWidth.set(width, widths);
  if (measured.size > 5000) measured.clear();
  return widths;
}

function sizeColumns(t: TableBlock, width: number): number[] {
  const n = t.columns.length;
  const total = t.columns.reduce((s, c) => s + c.weight, 0);
  if (n === 0 || !(total > 0)) throw new Error('表格没有列或列宽权重之和不大于 0（columns[].weight）：请检查模板中的表格定义。');
  const size = tableSizes[t.size];
  return columnWidths(t.columns, cellGrid(t), width, {
    widthOf: (text, bold) => Math.max(0, ...text.split('\n').map((line) => sizingWidth(line, size, bold))),
    linesOf: (text, bold, inner) => {
      // Measured once per text (words never exceed a column: each is at least its longest word wide), broken per width.
      const key = `${size}:${bold ? 1 : 0}:${text}`;
      let units = measured.get(key);
      if (!units)
        measured.set(key, (units = measure([{ text, style: { role: 'fangsong', bold, size, underline: false } }], null, Infinity)));
      return Math.max(1, breakLines(units, inner, inner).length);
    },
    padding: 2 * padX,
  });
}

function layTable(t: TableBlock, left: number, width: number): Laid {
  const n = t.columns.length;
  const widths = tableColumnWidths(t, width);
  const colX = [left];
  for (const w of widths) colX.push(colX[colX.length - 1]! + w);
  const size = tableSizes[t.size];
  const lineHeight = size * tableLineFactor;
  const cells: PlacedCell[] = [];
  for (const { row: r, col: c, colSpan, rowSpan, cell } of cellGrid(t)) {
    // cellGrid keeps c and c + colSpan within the n columns, and colX has n + 1 edges.
    const x = colX[c]!;
    const cellWidth = colX[Math.min(c + colSpan, n)]! - x;
    const inner = cellWidth - 2 * padX;
    const units = measure([{ text: cell.text, style: { role: 'fangsong', bold: !!cell.bold, size, underline: false } }], null, inner);
    cells.push({
      row: r,
      rowSpan,
      x,
      width: cellWidth,
      align: cell.align ?? t.columns[c]!.align,
      units,
      lines: breakLines(units, inner, inner),
    });
  }
  const need = (cell: PlacedCell) => Math.max(cell.lines.length, 1) * lineHeight + 2 * padY;
  const heights = t.rows.map(() => lineHeight + 2 * padY);
  for (const cell of cells) if (cell.rowSpan === 1) heights[cell.row] = Math.max(heights[cell.row]!, need(cell));
  for (const cell of cells) {
    if (cell.rowSpan === 1) continue;
    const have = heights.slice(cell.row, cell.row + cell.rowSpan).reduce((s, h) => s + h, 0);
    if (need(cell) > have) heights[cell.row + cell.rowSpan - 1]! += need(cell) - have;
  }
  return { cells, heights, lineHeight, size };
}

/** What the DOCX needs to draw a table as the PDF does: column widths and row heights in points, the type size and line height. */
export function tableLayout(t: TableBlock, width: number): { widths: number[]; heights: number[]; size: number; lineHeight: number } {
  const laid = layTable(t, 0, width);
  return { widths: tableColumnWidths(t, width), heights: laid.heights, size: laid.size, lineHeight: laid.lineHeight };
}

/** Runs of rows [from, to) that no rowSpan crosses: the units that move to a new page together. */
function rowGroups(t: TableBlock, cells: PlacedCell[]): [number, number][] {
  const reach = t.rows.map((_, r) => r + 1);
  for (const cell of cells) reach[cell.row] = Math.max(reach[cell.row]!, cell.row + cell.rowSpan);
  const groups: [number, number][] = [];
  let from = 0;
  let end = 0;
  for (let r = 0; r < t.rows.length; r++) {
    end = Math.max(end, reach[r]!);
    if (r + 1 === end) {
      groups.push([from, end]);
      from = end;
    }
  }
  return groups;
}

/**
 * Draws the cells starting in rows [from, to) with the group's top at `top`. With `slice`, only lines
 * [slice.first, slice.first + slice.count) of each cell are drawn, from the top, in a box `slice.height` high.
 */
function drawRows(
  f: Flow,
  laid: Laid,
  from: number,
  to: number,
  top: number,
  slice?: { first: number; count: number; height: number },
): void {
  const { heights, lineHeight, size } = laid;
  for (const cell of laid.cells) {
    if (cell.row < from || cell.row >= to) continue;
    const y = top + heights.slice(from, cell.row).reduce((s, h) => s + h, 0);
    const h = slice ? slice.height : heights.slice(cell.row, cell.row + cell.rowSpan).reduce((s, v) => s + v, 0);
    f.doc.save().lineWidth(border).strokeColor('black').rect(cell.x, y, cell.width, h).stroke().restore();
    const lines = slice ? cell.lines.slice(slice.first, slice.first + slice.count) : cell.lines;
    const textTop = slice ? y + padY : y + (h - lines.length * lineHeight) / 2;
    const inner = cell.width - 2 * padX;
    lines.forEach((line, k) => {
      const xs = positionLine(cell.units, line, inner, cell.align === 'justify');
      const spare = inner - lineWidth(cell.units, line);
      const shift = cell.align === 'center' ? spare / 2 : cell.align === 'right' ? spare : 0;
      const baseline = textTop + k * lineHeight + (lineHeight - size) / 2 + emAscent * size;
      drawUnits(f.doc, cell.units, line.start, line.end, xs, cell.x + padX + shift, baseline);
    });
  }
}

export function renderTable(f: Flow, t: TableBlock): void {
  if (t.rows.length === 0) return;
  const laid = layTable(t, f.g.left, f.g.width);
  const sum = (a: number, b: number) => laid.heights.slice(a, b).reduce((s, h) => s + h, 0);
  const groups = rowGroups(t, laid.cells);
  const headerEnd = t.headerRows > 0 ? (groups.find(([, end]) => end >= t.headerRows)?.[1] ?? 0) : 0;
  const headerHeight = sum(0, headerEnd);
  let headerShown = false;
  /** Makes room for `height` below the header rows, turning the page (and repeating the header) when needed. */
  const ensure = (height: number) => {
    if (f.y + (headerShown ? 0 : headerHeight) + height > f.bottom + 0.01 && !f.atPageTop) {
      f.newPage();
      headerShown = false;
    }
    if (!headerShown && headerEnd > 0) drawRows(f, laid, 0, headerEnd, f.place(headerHeight));
    headerShown = true;
  };
  for (const [from, to] of groups) {
    if (to <= headerEnd) continue;
    const height = sum(from, to);
    // Each row group is a unit of the break plan: a planned break moves it (and the rows after it) to the next page.
    const unit = f.beginUnit();
    if (f.atPageTop) headerShown = false;
    if (headerHeight + height <= f.g.height + 0.01) {
      ensure(height);
      drawRows(f, laid, from, to, f.place(height));
      f.endUnit(unit);
      continue;
    }
    if (to - from > 1) throw new Error(`表格第 ${from + 1}–${to} 行由合并单元格连在一起，高度超过一页：请拆分合并单元格或缩短内容。`);
    const mostLines = Math.max(...laid.cells.filter((c) => c.row === from).map((c) => c.lines.length));
    let first = 0;
    while (first < mostLines) {
      ensure(laid.lineHeight + 2 * padY);
      const fit = Math.max(1, Math.floor((f.bottom - f.y - 2 * padY) / laid.lineHeight + 1e-6));
      const count = Math.min(fit, mostLines - first);
      const boxHeight = count * laid.lineHeight + 2 * padY;
      drawRows(f, laid, from, to, f.place(boxHeight), { first, count, height: boxHeight });
      first += count;
      if (first < mostLines) {
        f.newPage();
        headerShown = false;
      }
    }
    f.endUnit(unit);
  }
}
