// Owns the resolved document model (排版模型): what a filled template becomes and what both the DOCX and PDF renderers read.
//
// A template (resources/templates/*.json) is data with placeholders; filling it with a session's data gives a
// `RenderDoc` in which every string is final (numbers, dates, 万元 amounts and Chinese list numbering already applied).
// The renderers only lay it out, so the parity test can require the same text in the same order from both.

/** Type sizes of Chinese office documents (字号), in points. */
export const pointSizes = { '2号': 22, '3号': 16, '4号': 14, 小4号: 12, '5号': 10.5 } as const;

/**
 * Font roles of GB/T 9704-2012: the title in 小标宋, body in 仿宋, level-1 headings in 黑体, level-2 in 楷体.
 * DOCX names the standard font of each role; the PDF embeds the bundled open font that stands in for it.
 */
export type FontRole = 'xiaobiaosong' | 'fangsong' | 'hei' | 'kai';

export interface Run {
  text: string;
  bold?: boolean;
  /** Overrides the block's font role for this run. */
  font?: FontRole;
  underline?: boolean;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

/** Page setup in millimetres. GB/T 9704 7.1 for a letter: A4, top 37, bottom 35, left 28, right 26, 22 lines × 28 chars. */
export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** 版心 grid (lines per page × characters per line) for body text; null lets text flow at its natural pitch. */
  grid: { lines: number; chars: number } | null;
  /**
   * `gbt9704`: "— 1 —" in 4号 half-width Song, one character from the outer edge (odd pages right, even left), 7 mm
   * below the text area (GB/T 9704 7.5). `center`: "第 1 页 共 3 页" centred in the footer. `none`: no numbers.
   */
  pageNumbers: 'gbt9704' | 'center' | 'none';
  /** Running header text (e.g. the form's name on continuation pages); empty for none. */
  header: string;
  /**
   * 信函格式 (GB/T 9704-2012 10.1): page 1 carries the 发文机关标志 and two red double lines and no page number, and the
   * body starts under the 发文字号. Absent or null: an ordinary first page.
   */
  letterhead?: Letterhead | null;
}

/** The 版头 of a letter in 信函格式 (GB/T 9704-2012 10.1). Measures: `letterheadMm`. */
export interface Letterhead {
  /** 发文机关标志: the issuing body's full name or its standard short form, in red 小标宋, centred. */
  mark: string;
  /** 发文字号, flush with the 版心's right edge under the first red double line; empty for none. */
  docNumber: string;
}

/**
 * Measures of 信函格式 in millimetres. The standard fixes the mark's top (30 mm from the page top), the first double line
 * 4 mm under the mark, the second 20 mm above the page's lower edge, both 170 mm long and centred, and the 发文字号 7/8 of
 * a 3号 character under the first line. It shows but does not dimension the double lines' strokes (上粗下细 / 上细下粗);
 * these are the usual letterhead strokes. The mark's size is the renderers' choice (一号, 26 pt), reduced to fit 版心.
 */
export const letterheadMm = {
  markTop: 30,
  markSizePt: 26,
  lineGap: 4,
  lineLength: 170,
  bottomLineFromPageBottom: 20,
  thick: 0.8,
  thin: 0.25,
  /** Space between the two strokes of a double line. */
  between: 0.5,
} as const;

/** Red of the 版头 (发文机关标志 and the red lines). */
export const letterheadRed = '#E60012';

/**
 * Type size of table text: `body` tables in 4号 and `small` ones in 小4号 (a 3号 table wastes half its width on
 * wrapping; forms and annex tables are set a size or two under the body).
 */
export const tableSizes = { body: pointSizes['4号'], small: pointSizes['小4号'] } as const;

/** "（此页无正文）": printed at the top of a page that would otherwise hold only the 署名, date or signatures. */
export const noBodyNotice = '（此页无正文）';

export interface TableCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  align?: Align;
}

export interface TableColumn {
  /** Relative width: the template's proportions, which content sizing (layout.ts columnWidths) starts from. */
  weight: number;
  align: Align;
  /** Written in by hand (签到, 联系电话: the template's cell is empty): the column keeps its weight's share of the width. */
  hand?: boolean;
  /** Read whole (a conclusion such as 修改完善后通过): every cell's text on one line; the column is sized to the longest. */
  nowrap?: boolean;
}

/** One signature line: a role (专家/组长/签字), the name, the date and the handwritten image when there is one. */
export interface SignatureEntry {
  role: string;
  name: string;
  /** Already formatted, e.g. "2027年3月5日"; null leaves a blank to sign by hand. */
  date: string | null;
  /** Transparent PNG of the handwritten signature (签名), or null for a blank line. */
  image: Uint8Array | null;
}

export type Block =
  /** 标题: 2号 小标宋, centred; long titles wrap (GB/T 9704 7.3.3). */
  | { kind: 'title'; text: string }
  /** 发文字号 or a sub-title line: 3号 仿宋, centred. */
  | { kind: 'docNumber'; text: string }
  /** 主送机关: flush left, no indent, ends with a full-width colon. */
  | { kind: 'addressee'; text: string }
  /** Headings carry their numbering in `text` (一、 / （一） / 1.); level 1 黑体, 2 楷体, 3 仿宋 bold. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[]; align: Align; firstLineIndentChars: number; size: 'body' | 'small' }
  | { kind: 'table'; columns: TableColumn[]; rows: TableCell[][]; headerRows: number; size: 'body' | 'small' }
  /** 附件说明: "附件：1. …" with the following items aligned under the first (GB/T 9704 7.3.5.3). */
  | { kind: 'attachments'; items: string[] }
  /** Signature lines, laid out `columns` per row. */
  | { kind: 'signatures'; entries: SignatureEntry[]; columns: 1 | 2 | 3 }
  /** 发文机关署名 and 成文日期 right-aligned, with the seal area (印章) over them when `seal`. */
  | { kind: 'closing'; organiser: string; date: string; seal: boolean }
  /**
   * 版记 (GB/T 9704 7.4), at the foot of the last page's 版心: 抄送 ("抄送：…。"), then 印发机关 and 印发日期 on one
   * line; `rules` draws the separator lines (首末条粗线, 中间细线). 信函格式 has 抄送 only and no rules (10.1). Empty
   * parts are left out.
   */
  | { kind: 'record'; copyTo: string; printer: string; printedOn: string; rules: boolean }
  | { kind: 'spacer'; lines: number }
  | { kind: 'pageBreak' };

export interface RenderDoc {
  meta: {
    title: string;
    /** Which template and which version produced the document; both renderers write them into the file's properties. */
    templateId: string;
    templateVersion: number;
    author: string;
    /** ISO 8601; the only time written into the file, so the same inputs give the same bytes. */
    createdAt: string;
  };
  page: PageSetup;
  blocks: Block[];
  /**
   * A draft (草稿): the panel's opinion has sections the chair has not confirmed, or the letter is not issued. The model
   * carries a notice line under the title (so both formats say it in words); the PDF also marks every page 草稿 across.
   */
  draft?: boolean;
}

/** The block with every text it prints passed through `f` (names in signatures too; images untouched). */
export function mapBlockText(b: Block, f: (s: string) => string): Block {
  switch (b.kind) {
    case 'title':
    case 'docNumber':
    case 'addressee':
    case 'heading':
      return { ...b, text: f(b.text) };
    case 'paragraph':
      return { ...b, runs: b.runs.map((r) => ({ ...r, text: f(r.text) })) };
    case 'table':
      return { ...b, rows: b.rows.map((row) => row.map((c) => ({ ...c, text: f(c.text) }))) };
    case 'attachments':
      return { ...b, items: b.items.map(f) };
    case 'signatures':
      return {
        ...b,
        entries: b.entries.map((e) => ({ ...e, role: f(e.role), name: f(e.name), date: e.date === null ? null : f(e.date) })),
      };
    case 'closing':
      return { ...b, organiser: f(b.organiser), date: f(b.date) };
    case 'record':
      return { ...b, copyTo: f(b.copyTo), printer: f(b.printer), printedOn: f(b.printedOn) };
    case 'spacer':
    case 'pageBreak':
      return b;
  }
}
