// Owns the layout decisions both renderers take the same way, so the PDF and the DOCX break and size alike: where a
// title's lines break (梯形/菱形, whole words), how wide each table column is (by its content), and which blocks stay
// together at a document's end (署名, signatures) with at least two lines of the body above them.
// Pure: text widths come in as functions (the PDF renderer's font metrics).
import type { Block, TableCell, TableColumn } from './model';

const words = new Intl.Segmenter('zh', { granularity: 'word' });

const openers = new Set([...'“‘《（〈「『【〔([']);
const closers = new Set([...'”’》）〉」』】〕)]']);
/** Marks that may not start a line (避头) and may not end one (避尾). */
const noLineStart = new Set([...'，。、；：？！）》」』”’…—％〉】〕,.;:?!)]%']);
const noLineEnd = openers;
/** Function words a title line should not start with, and words it should not end with. */
const weakStarts = new Set([...'的之和与及或并暨']);
const weakEnds = ['关于', '对', '和', '与', '及', '暨'];

interface Candidate {
  /** Break before code point `at`. */
  at: number;
  cost: number;
}

/** Where a title may break, each with the cost of breaking there (lower is better). */
function titleBreaks(chars: string[]): Candidate[] {
  const text = chars.join('');
  // Word boundaries (in code points) and the length of the words either side.
  const boundary = new Map<number, { before: number; after: number }>();
  const segments = [...words.segment(text)].map((s) => [...s.segment]);
  let at = 0;
  segments.forEach((seg, i) => {
    at += seg.length;
    if (i + 1 < segments.length) boundary.set(at, { before: seg.length, after: segments[i + 1]!.length });
  });
  // Nesting depth of brackets and quotes before each position.
  const depth: number[] = [];
  let d = 0;
  chars.forEach((c, i) => {
    depth[i] = d;
    if (openers.has(c)) d++;
    else if (closers.has(c) && d > 0) d--;
  });
  const out: Candidate[] = [];
  for (let i = 1; i < chars.length; i++) {
    if (noLineStart.has(chars[i]!) || noLineEnd.has(chars[i - 1]!)) continue;
    const word = boundary.get(i);
    const inside = depth[i]!; // set for every position above
    let cost = word ? 0 : 400;
    if (word) {
      // The segmenter splits names it does not know into single characters (武|隆|区): do not break between them.
      const single = (n: number) => n === 1;
      if (single(word.before) && single(word.after)) cost += 200;
      else if (single(word.before) || single(word.after)) cost += 40;
    }
    if (inside > 0) cost += 600 * inside;
    if (weakStarts.has(chars[i]!)) cost += 60;
    const head = chars.slice(0, i).join('');
    if (weakEnds.some((w) => head.endsWith(w))) cost += 120;
    out.push({ at: i, cost });
  }
  return out;
}

/**
 * The lines of a title (GB/T 9704 7.3.1: 回行时词意完整，排列对称，长短适宜；梯形或菱形). Lines break only between words
 * (Intl.Segmenter) and never inside a quoted name or bracket unless it is longer than a line, never against 避头尾;
 * the fewest lines that fit, of balanced length, a longer line above a shorter one (梯形) or the longest in the middle
 * (菱形).
 */
export function titleLines(text: string, widthOf: (s: string) => number, maxWidth: number): string[] {
  if (widthOf(text) <= maxWidth + 1e-6) return [text];
  const chars = [...text];
  const candidates = titleBreaks(chars);
  const unit = widthOf('国');
  // The search asks for the same spans many times; each is measured once.
  const spans = new Map<number, number>();
  const lineWidth = (from: number, to: number) => {
    const key = from * (chars.length + 1) + to;
    let w = spans.get(key);
    if (w === undefined) spans.set(key, (w = widthOf(chars.slice(from, to).join(''))));
    return w;
  };
  const minLines = Math.ceil(widthOf(text) / maxWidth);
  let best: { cost: number; cuts: number[] } | null = null;
  for (let n = minLines; n <= minLines + 1 && n <= chars.length; n++) {
    const search = (from: number, cuts: number[], cost: number) => {
      if (best && cost >= best.cost) return;
      if (cuts.length === n - 1) {
        if (lineWidth(from, chars.length) > maxWidth + 1e-6) return;
        const bounds = [0, ...cuts, chars.length];
        const widths = bounds.slice(1).map((to, k) => lineWidth(bounds[k]!, to) / unit);
        const mean = widths.reduce((s, w) => s + w, 0) / n;
        let total = cost + (n - minLines) * 500;
        for (const w of widths) total += 4 * (w - mean) ** 2;
        // 梯形: each line no longer than the one above; 菱形 (three lines or more): rising to the longest, then falling.
        // Anything else (倒梯形) costs.
        const peak = widths.indexOf(Math.max(...widths));
        for (let k = 1; k < n; k++) {
          const rising = widths[k]! - widths[k - 1]!;
          if (rising > 0.01 && !(n > 2 && k <= peak)) total += 40 + 60 * rising;
        }
        if (!best || total < best.cost) best = { cost: total, cuts };
        return;
      }
      for (const c of candidates) {
        if (c.at <= from) continue;
        if (lineWidth(from, c.at) > maxWidth + 1e-6) break;
        search(c.at, [...cuts, c.at], cost + c.cost);
      }
    };
    search(0, [], 0);
  }
  const found = best as { cost: number; cuts: number[] } | null;
  if (!found) {
    // No word boundary fits (one very long word): cut where each line is full.
    const lines: string[] = [];
    let from = 0;
    for (let i = 1; i <= chars.length; i++) {
      if (i === chars.length || lineWidth(from, i + 1) > maxWidth) {
        lines.push(chars.slice(from, i).join(''));
        from = i;
      }
    }
    return lines;
  }
  const bounds = [0, ...found.cuts, chars.length];
  return bounds.slice(1).map((to, k) => chars.slice(bounds[k], to).join(''));
}

/** A cell for column sizing: its row, first column and span, and whether it is a header cell. */
export interface SizedCell {
  row: number;
  col: number;
  colSpan: number;
  cell: TableCell;
  header: boolean;
}

/**
 * Text that must not wrap in a table cell: numbers, amounts, percentages, dates, and short text (up to `short`
 * characters: headers such as 序号, names, 职称 such as 正高级工程师).
 */
export function atomicCellText(text: string, short = 4): boolean {
  const t = text.trim();
  if ([...t].length <= short) return true;
  if (/^[-+−]?[\d,.，]+\s*(%|％|‰|分|万元|元|人|项|个月)?$/.test(t)) return true;
  if (/^\d{4}年\d{1,2}月(\d{1,2}日)?$/.test(t)) return true;
  return false;
}

/** The widest piece of a cell's text that cannot wrap: atomic text whole, else its longest word or bracketed part. */
function longestPiece(text: string, widthOf: (s: string) => number, short: number): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    if (atomicCellText(line, short)) {
      widest = Math.max(widest, widthOf(line.trim()));
      continue;
    }
    for (const part of line.split(/\s+|(?=[（(《“])|(?<=[）)》”，。；、])/u)) {
      if (!part) continue;
      if (atomicCellText(part, short)) widest = Math.max(widest, widthOf(part));
      else for (const w of words.segment(part)) widest = Math.max(widest, widthOf(w.segment));
    }
  }
  return widest;
}

export interface ColumnMeasure {
  /** Natural width of text in a cell's style, in points. */
  widthOf: (text: string, bold: boolean) => number;
  /** Lines the text takes in a box `width` points wide. */
  linesOf: (text: string, bold: boolean, width: number) => number;
  /** Left + right cell padding, in points. */
  padding: number;
}

/**
 * Column widths (points, summing to `total`) sized to the content: every column at least as wide as its widest text
 * that may not wrap (numbers, amounts, dates, short texts and headers, every text of a `nowrap` column); a column to be
 * written in by hand keeps its template share; the remaining width goes, a character at a time, where it saves the most
 * lines of the table; what is left after that is shared by the template's weights.
 */
export function columnWidths(columns: readonly TableColumn[], cells: readonly SizedCell[], total: number, m: ColumnMeasure): number[] {
  const n = columns.length;
  const weightSum = columns.reduce((s, c) => s + c.weight, 0);
  const share = columns.map((c) => (total * c.weight) / weightSum);
  // A column left empty to be written in by hand (marked `hand`, or under a 签到/签字/日期 header) keeps its template
  // share; any other empty column (核减说明 with nothing reduced) is as narrow as its header.
  const empty = new Array<boolean>(n).fill(true);
  const hand = new Array<boolean>(n).fill(false);
  for (const { col, colSpan, cell, header } of cells) {
    if (!header && cell.text.trim()) for (let c = col; c < col + colSpan; c++) empty[c] = false;
    if (header && colSpan === 1 && /签|日期/.test(cell.text)) hand[col] = true;
  }
  for (let c = 0; c < n; c++) empty[c] = empty[c]! && (hand[c]! || columns[c]!.hand === true);
  // The least width of each column: its widest text that may not wrap (short texts of up to `short` characters whole;
  // every text of a column read whole, such as a 结论, whatever its length).
  const needFor = (short: number) => {
    const need = new Array<number>(n).fill(m.padding);
    for (const { col, colSpan, cell } of cells) {
      if (colSpan !== 1) continue;
      const widest = columns[col]!.nowrap
        ? m.widthOf(cell.text.trim(), !!cell.bold)
        : longestPiece(cell.text, (s) => m.widthOf(s, !!cell.bold), short);
      need[col] = Math.max(need[col]!, widest + m.padding);
    }
    return need.map((w, c) => (empty[c] ? Math.max(w, share[c]!) : w));
  };
  const sum = (a: number[]) => a.reduce((s, w) => s + w, 0);
  const rowList = [...new Set(cells.map((c) => c.row))].map((r) => cells.filter((c) => c.row === r));
  /** Rows holding a cell over column c, by column. */
  const rowsOf = columns.map((_, c) =>
    rowList.map((row, i) => (row.some((x) => c >= x.col && c < x.col + x.colSpan) ? i : -1)).filter((i) => i >= 0),
  );
  const cache = new Map<SizedCell, Map<number, number>>();
  const linesOf = (cell: SizedCell, width: number): number => {
    let byWidth = cache.get(cell);
    if (!byWidth) cache.set(cell, (byWidth = new Map()));
    const key = Math.round(width * 4);
    let v = byWidth.get(key);
    if (v === undefined) byWidth.set(key, (v = cell.cell.text ? m.linesOf(cell.cell.text, !!cell.cell.bold, width - m.padding) : 1));
    return v;
  };
  const spanWidth = (c: SizedCell, w: number[]) => {
    let width = 0;
    for (let k = c.col; k < c.col + c.colSpan; k++) width += w[k]!;
    return width;
  };
  // A row's height in lines, plus a tenth of each of its cells' lines: widening one of two columns that both wrap in
  // a row then counts as progress, though the row only gets lower once both are wider.
  const rowCost = (row: SizedCell[], w: number[]): number => {
    let most = 1;
    let sumLines = 0;
    for (const c of row) {
      const lines = linesOf(c, spanWidth(c, w));
      most = Math.max(most, lines);
      sumLines += lines;
    }
    return most + sumLines / 10;
  };
  const height = (w: number[]): number => rowList.reduce((acc, row) => acc + rowCost(row, w), 0);
  /** From the least widths, the spare width a character at a time where it saves the most lines per point. */
  const grow = (need: number[]): number[] => {
    const widths = need.slice();
    let spare = total - sum(widths);
    const step = Math.max(1, m.widthOf('国', false));
    const costs = rowList.map((row) => rowCost(row, widths));
    while (spare >= step) {
      // Look ahead past widths that save nothing yet (up to a quarter of the table).
      let best: { col: number; add: number; ratio: number } | null = null;
      for (let c = 0; c < n; c++) {
        if (empty[c]) continue;
        const trial = widths.slice();
        for (let add = step; add <= Math.min(spare, total / 4) + 1e-6; add += step) {
          trial[c] = widths[c]! + add;
          let saved = 0;
          // rowsOf holds indices into rowList, and costs is parallel to rowList.
          for (const r of rowsOf[c]!) saved += costs[r]! - rowCost(rowList[r]!, trial);
          if (saved > 1e-9) {
            const ratio = saved / add;
            if (!best || ratio > best.ratio + 1e-9) best = { col: c, add, ratio };
            break;
          }
        }
      }
      if (!best) break;
      widths[best.col]! += best.add;
      spare -= best.add;
      for (const r of rowsOf[best.col]!) costs[r] = rowCost(rowList[r]!, widths);
    }
    // Nothing more to save: the rest in the template's proportions.
    return widths.map((w, c) => w + (spare * columns[c]!.weight) / weightSum);
  };
  // Short texts kept whole up to 8, 6 or 4 characters: whichever gives the lowest table, a short text broken (a 职称
  // or a 结论 in two, a header's （10分） — a header may wrap at its bracket, 申报金额 /（万元）) counting as two lines more.
  const shortWraps = (w: number[]) =>
    cells.filter((c) => {
      if (c.colSpan !== 1) return false;
      const pieces = c.cell.text.trim().split(/(?=[（(])/u);
      return pieces.every((piece) => [...piece].length <= 8) && linesOf(c, w[c.col]!) > pieces.length;
    }).length;
  let best: { widths: number[]; score: number } | null = null;
  const tried: string[] = [];
  for (const short of [8, 6, 4]) {
    const need = needFor(short);
    const key = need.map((w) => w.toFixed(2)).join();
    if (sum(need) > total || tried.includes(key)) continue;
    tried.push(key);
    const widths = grow(need);
    const score = height(widths) + 2 * shortWraps(widths);
    if (!best || score < best.score - 1e-9) best = { widths, score };
  }
  if (best) return best.widths;
  // Even the unbreakable texts do not fit: every column in proportion (the widest texts will wrap after all).
  const need = needFor(4);
  return need.map((w) => (w * total) / sum(need));
}

const textOf = (b: Block): string =>
  b.kind === 'paragraph'
    ? b.runs
        .map((r) => r.text)
        .join('')
        .trim()
    : '';
/** A label before signatures ("专家组成员签字："). */
const labelParagraph = (b: Block): boolean =>
  b.kind === 'paragraph' && b.firstLineIndentChars === 0 && /[：:]$/.test(textOf(b)) && textOf(b).length <= 16;
/** A line to sign on ("专家组组长签字：　　　　日期："). */
const signingLine = (b: Block): boolean =>
  b.kind === 'paragraph' && b.firstLineIndentChars === 0 && textOf(b).length <= 40 && /(签字|签名|签章|盖章|日期)[：:]/.test(textOf(b));
/** A date under signatures: a short right-aligned line. */
const dateParagraph = (b: Block): boolean => b.kind === 'paragraph' && b.align === 'right' && textOf(b).length <= 16;
const anchor = (b: Block): boolean => b.kind === 'closing' || b.kind === 'signatures' || signingLine(b);

/**
 * Groups of blocks that end a document's text and must stay on one page with at least two lines of the body above
 * them: a 署名 (closing), a signature block or a line to sign on, with the spacers and the label line ("专家组成员签字：")
 * before it and a right-aligned date after it. [start, end) indices into `blocks`.
 */
export function keepGroups(blocks: readonly Block[]): { start: number; end: number }[] {
  const groups: { start: number; end: number }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!anchor(blocks[i]!)) continue;
    let start = i;
    // Spacers at the group's top are the space between the body and the 署名; the group keeps them.
    while (start > 0 && (blocks[start - 1]!.kind === 'spacer' || labelParagraph(blocks[start - 1]!))) start--;
    let end = i + 1;
    for (;;) {
      const next = blocks[end];
      if (!next) break;
      if (anchor(next) || dateParagraph(next)) end++;
      else if (next.kind === 'spacer' && blocks[end + 1] && anchor(blocks[end + 1]!)) end++;
      else break;
    }
    const last = groups.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else groups.push({ start, end });
    i = end - 1;
  }
  return groups;
}
