// Owns the resolved document model (排版模型): what a filled template becomes and what both the DOCX and PDF renderers read.
//
// A template (resources/templates/*.json) is data with placeholders; filling it with a session's data gives a
// `RenderDoc` in which every string is final (numbers, dates, 万元 amounts and Chinese list numbering already applied).
// The renderers only lay it out, so the parity test can require the same text in the same order from both.

/** Type sizes of Chinese office documents (字号), in points. */
export const pointSizes = { '2号': 22, '3号': 16, '4号': 14, '小4号': 12, '5号': 10.5 } as const;

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
}

export interface TableCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  align?: Align;
}

export interface TableColumn {
  /** Relative width; the renderers share the text width in proportion. */
  weight: number;
  align: Align;
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
}
