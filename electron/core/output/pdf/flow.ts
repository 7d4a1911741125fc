// Owns the page flow of the PDF renderer: the 版心 (text area) of a PageSetup in points, the cursor moving down it line
// by line on the GB/T 9704 grid or at natural pitch, page breaks, and setting a paragraph of measured units. It records
// where every line and table row went (`placed`) and obeys a break plan (`BreakPlan`): the renderer lays a document out
// once, and when a heading ended a page or a 署名 was left without body text above it, lays it out again with forced
// page breaks.
import { pointSizes, type Align, type PageSetup } from '../model';
import { emAscent } from './fonts';
import { breakLines, lineWidth, positionLine } from './linebreak';
import { drawUnits, type TextUnit } from './text';

export const mm = (v: number): number => (v * 72) / 25.4;

/** The 版心 in points from the page's top-left corner, and the grid pitches when the page has a grid. */
export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  left: number;
  top: number;
  width: number;
  height: number;
  grid: { linePitch: number; charPitch: number } | null;
}

export function geometry(page: PageSetup): Geometry {
  const [w, h] = page.orientation === 'landscape' ? [297, 210] : [210, 297];
  const m = page.marginsMm;
  const width = mm(w - m.left - m.right);
  const height = mm(h - m.top - m.bottom);
  if (width <= 0 || height <= 0)
    throw new Error(
      `页面边距过大（page.marginsMm），版心宽 ${(w - m.left - m.right).toFixed(1)} mm、高 ${(h - m.top - m.bottom).toFixed(1)} mm：请减小边距。`,
    );
  const grid = page.grid ? { linePitch: height / page.grid.lines, charPitch: width / page.grid.chars } : null;
  return { pageWidth: mm(w), pageHeight: mm(h), left: mm(m.left), top: mm(m.top), width, height, grid };
}

/** 3号: the body size of letters and forms. */
export const bodySize = pointSizes['3号'];
/** 小4号: the `small` size of forms and tables. */
export const smallSize = pointSizes['小4号'];

/** One line of text or one table row group as placed: which block, which line/group of it, on which page (0-based). */
export interface Placed {
  block: number;
  index: number;
  page: number;
  /** Body text (counts as text above a 署名); false for the 署名, signatures and their label and date lines. */
  body: boolean;
}

/** Decisions of an earlier pass: page breaks before given lines, and groups that get "（此页无正文）". */
export interface BreakPlan {
  /** `${block}:${index}` of the lines (or table row groups) that start a new page. */
  before: Set<string>;
  /** Keep groups (by their first block) printed under "（此页无正文）" when they start a page without body text. */
  notice: Set<number>;
}

export const emptyPlan = (): BreakPlan => ({ before: new Set(), notice: new Set() });

export interface SetOptions {
  size: number;
  align: Align;
  /** Offsets from `left` of the first and the following lines, in points (the first may be negative: a hanging label). */
  indentFirst: number;
  indentRest: number;
  left?: number;
  width?: number;
  lineHeight?: number;
}

export class Flow {
  /** Top of the next line box, in points from the page's top edge. */
  y: number;
  private fresh = true;
  /** Top of the grid's first line on this page: the 版心's top, on a letter's first page the 发文字号's line. */
  origin: number;
  /** 0-based page index. */
  page = 0;
  /** The block being set, and whether it belongs to a keep group (署名, signatures). */
  block = -1;
  inGroup = false;
  readonly placed: Placed[] = [];
  /** A unit counter per block (lines of paragraphs set in several calls, table row groups). */
  private units = 0;
  private bodyOnPage = 0;
  /** Set when the keep group starting now must carry "（此页无正文）" if it starts a page without body text. */
  noticePending: ((f: Flow) => void) | null = null;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly g: Geometry,
    readonly plan: BreakPlan = emptyPlan(),
  ) {
    this.y = g.top;
    this.origin = g.top;
  }

  /** Starts block `i`. */
  startBlock(i: number, inGroup: boolean): void {
    this.block = i;
    this.inGroup = inGroup;
    this.units = 0;
  }

  /**
   * Before placing the next unit (a line or a table row group) of the current block: a page break when the plan asks
   * for one here. Returns the unit's index.
   */
  beginUnit(): number {
    const index = this.units++;
    if (this.plan.before.has(`${this.block}:${index}`) && !this.fresh) this.newPage();
    return index;
  }

  /** Records the unit just placed on the current page. */
  endUnit(index: number): void {
    this.placed.push({ block: this.block, index, page: this.page, body: !this.inGroup });
    if (!this.inGroup) this.bodyOnPage++;
  }

  /** Whether body text is on the current page. */
  get bodyHere(): boolean {
    return this.bodyOnPage > 0;
  }

  get right(): number {
    return this.g.left + this.g.width;
  }

  get bottom(): number {
    return this.g.top + this.g.height;
  }

  /** The width of one character of body text: the grid pitch, or the size itself. */
  charWidth(size: number): number {
    return this.g.grid && size === bodySize ? this.g.grid.charPitch : size;
  }

  lineHeight(size: number): number {
    return this.g.grid ? this.g.grid.linePitch : size * 1.5;
  }

  get atPageTop(): boolean {
    return this.fresh;
  }

  newPage(): void {
    this.doc.addPage();
    this.page++;
    this.y = this.g.top;
    this.origin = this.g.top;
    this.fresh = true;
    this.bodyOnPage = 0;
  }

  /** Moves the cursor to the next grid line (no-op without a grid). */
  snap(): void {
    if (!this.g.grid) return;
    const pitch = this.g.grid.linePitch;
    this.y = this.origin + Math.ceil((this.y - this.origin) / pitch - 1e-6) * pitch;
    if (this.y > this.bottom - 1e-6 && !this.fresh) this.newPage();
  }

  /** Lines of `pitch` that fit between the cursor and the 版心's bottom. */
  linesLeft(pitch: number): number {
    return Math.floor((this.bottom - this.y) / pitch + 1e-6);
  }

  /** Top of a box of `height` at the cursor, after starting a new page if it does not fit on this one. */
  place(height: number): number {
    if (!this.fresh && this.y + height > this.bottom + 0.01) this.newPage();
    if (this.inGroup && this.noticePending && !this.bodyHere) {
      const notice = this.noticePending;
      this.noticePending = null;
      notice(this);
      if (!this.fresh && this.y + height > this.bottom + 0.01) this.newPage();
    }
    const top = this.y;
    this.y += height;
    this.fresh = false;
    return top;
  }

  /** Marks the page as started (the letterhead drew on it) without placing a line. */
  markUsed(): void {
    this.fresh = false;
  }

  /** Blank lines; they do not carry over to a new page. */
  skip(height: number): void {
    this.y += height;
    if (this.y > this.bottom - 0.01) this.newPage();
  }

  breakPage(): void {
    if (!this.fresh) this.newPage();
  }

  /** Baseline of text of `size` in a line box: on the grid the em box sits at the line's top, else it is centred. */
  baseline(top: number, size: number, lineHeight: number): number {
    return this.g.grid ? top + emAscent * size : top + (lineHeight - size) / 2 + emAscent * size;
  }

  /** Breaks and draws a paragraph; returns the number of lines. */
  set(units: readonly TextUnit[], o: SetOptions): number {
    const left = o.left ?? this.g.left;
    const width = o.width ?? this.g.width;
    const lineHeight = o.lineHeight ?? this.lineHeight(o.size);
    const lines = breakLines(units, width - o.indentFirst, width - o.indentRest);
    if (lines.length === 0) {
      const unit = this.beginUnit();
      this.place(lineHeight);
      this.endUnit(unit);
    }
    lines.forEach((line, n) => {
      const indent = n === 0 ? o.indentFirst : o.indentRest;
      const avail = width - indent;
      const xs = positionLine(units, line, avail, o.align === 'justify');
      const spare = avail - lineWidth(units, line);
      const shift = o.align === 'center' ? spare / 2 : o.align === 'right' ? spare : 0;
      const unit = this.beginUnit();
      const top = this.place(lineHeight);
      drawUnits(this.doc, units, line.start, line.end, xs, left + indent + shift, this.baseline(top, o.size, lineHeight));
      this.endUnit(unit);
    });
    return Math.max(lines.length, 1);
  }
}
