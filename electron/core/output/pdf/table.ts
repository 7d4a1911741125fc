// Owns tables in the PDF: column widths by weight across the 版心, merged cells (colSpan/rowSpan), cell text wrapped
// with the Chinese line breaker, rows as tall as their text, header rows repeated on every page a table spans, thin
// black borders. Rows tied by a rowSpan move to the next page together; a single row taller than a page continues on
// the next page between two lines, never through one.
import type { Align, Block, TableCell } from '../model';
import { emAscent } from './fonts';
import { bodySize, smallSize, type Flow } from './flow';
import { breakLines, lineWidth, positionLine, type Line } from './linebreak';
import { drawUnits, measure, type TextUnit } from './text';

type TableBlock = Extract<Block, { kind: 'table' }>;

interface PlacedCell {
  row: number;
  rowSpan: number;
  x: number;
  width: number;
  align: Align;
  units: TextUnit[];
  lines: Line[];
}

const padX = 4;
const padY = 3;
const border = 0.5;

interface Laid {
  cells: PlacedCell[];
  heights: number[];
  lineHeight: number;
  size: number;
}

function layTable(f: Flow, t: TableBlock): Laid {
  const n = t.columns.length;
  const total = t.columns.reduce((s, c) => s + c.weight, 0);
  if (n === 0 || !(total > 0)) throw new Error('表格没有列或列宽权重之和不大于 0（columns[].weight）：请检查模板中的表格定义。');
  const colX = [f.g.left];
  for (const c of t.columns) colX.push(colX[colX.length - 1] + (c.weight / total) * f.g.width);
  const size = t.size === 'small' ? smallSize : bodySize;
  const lineHeight = size * 1.4;
  const occupied = t.rows.map(() => new Array<boolean>(n).fill(false));
  const cells: PlacedCell[] = [];
  t.rows.forEach((row, r) => {
    let c = 0;
    row.forEach((cell: TableCell) => {
      while (c < n && occupied[r][c]) c++;
      if (c >= n) throw new Error(`表格第 ${r + 1} 行的单元格超出了 ${n} 列：请检查模板中该行的单元格数和 colSpan/rowSpan。`);
      const colSpan = Math.min(Math.max(cell.colSpan ?? 1, 1), n - c);
      const rowSpan = Math.min(Math.max(cell.rowSpan ?? 1, 1), t.rows.length - r);
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) occupied[rr][cc] = true;
      const width = colX[c + colSpan] - colX[c];
      const inner = width - 2 * padX;
      const units = measure([{ text: cell.text, style: { role: 'fangsong', bold: !!cell.bold, size, underline: false } }], null, inner);
      cells.push({ row: r, rowSpan, x: colX[c], width, align: cell.align ?? t.columns[c].align, units, lines: breakLines(units, inner, inner) });
      c += colSpan;
    });
  });
  const need = (cell: PlacedCell) => Math.max(cell.lines.length, 1) * lineHeight + 2 * padY;
  const heights = t.rows.map(() => lineHeight + 2 * padY);
  for (const cell of cells) if (cell.rowSpan === 1) heights[cell.row] = Math.max(heights[cell.row], need(cell));
  for (const cell of cells) {
    if (cell.rowSpan === 1) continue;
    const have = heights.slice(cell.row, cell.row + cell.rowSpan).reduce((s, h) => s + h, 0);
    if (need(cell) > have) heights[cell.row + cell.rowSpan - 1] += need(cell) - have;
  }
  return { cells, heights, lineHeight, size };
}

/** Runs of rows [from, to) that no rowSpan crosses: the units that move to a new page together. */
function rowGroups(t: TableBlock, cells: PlacedCell[]): [number, number][] {
  const reach = t.rows.map((_, r) => r + 1);
  for (const cell of cells) reach[cell.row] = Math.max(reach[cell.row], cell.row + cell.rowSpan);
  const groups: [number, number][] = [];
  let from = 0;
  let end = 0;
  for (let r = 0; r < t.rows.length; r++) {
    end = Math.max(end, reach[r]);
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
function drawRows(f: Flow, laid: Laid, from: number, to: number, top: number, slice?: { first: number; count: number; height: number }): void {
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
  const laid = layTable(f, t);
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
    if (headerHeight + height <= f.g.height + 0.01) {
      ensure(height);
      drawRows(f, laid, from, to, f.place(height));
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
  }
}
