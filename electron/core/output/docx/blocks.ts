// Owns laying out the model's blocks as docx paragraphs and tables (标题、正文、表格、附件说明、签名、落款、版记), with
// the PDF's measures: title lines broken where the PDF breaks them, table columns and rows as wide and as tall as the
// PDF's (pdf/table.ts tableLayout), signature rows as tall as the PDF's, and the PDF's keep rules as keep-with-next.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  HorizontalPositionRelativeFrom,
  ImageRun,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  TextWrappingType,
  VerticalAlignTable,
  VerticalPositionRelativeFrom,
  WidthType,
} from 'docx';
import { titleLines } from '../layout';
import { noBodyNotice, pointSizes, type Align, type Block, type Run, type SignatureEntry, type TableCell as ModelCell } from '../model';
import { signatureMetrics } from '../pdf/blocks';
import { tableLayout, tablePadding } from '../pdf/table';
import { lineCount, textWidth } from '../pdf/text';
import { fontNames, runFonts } from './fonts';
import { recordParagraph, type LetterheadPage } from './letterhead';
import { styleIds } from './styles';

/** What the blocks need to know of the page: the text width, the sizes, the grid, and the page for floating boxes. */
export interface BlockLayout {
  textWidthTwips: number;
  /** The PDF's text width in points (pdf/flow.ts geometry), for the PDF's table layout. */
  textWidthPt: number;
  bodyPt: number;
  smallPt: number;
  /** The 版心 grid's pitches in points, or null. */
  grid: { linePitch: number; charPitch: number } | null;
  page: LetterheadPage;
  /** Drawing ids (wp:docPr) counted per document; docx's own counter is process-wide and would change the bytes. */
  nextDrawingId: () => number;
}

/**
 * Keep rules of a block (the PDF's, render.ts): `all` keeps every paragraph (or table row) with the next, `inner` all
 * but the block's last; `widow` keeps at least two lines of the paragraph together at a page break; `lastRows` keeps
 * a table's last rows with what follows.
 */
export interface Keep {
  mode: 'none' | 'all' | 'inner';
  widow?: boolean;
  lastRows?: number;
  /** A table that starts a page in the PDF starts one here too (page break before its first cell's paragraph). */
  breakBefore?: boolean;
}

const noKeep: Keep = { mode: 'none' };

const alignments: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

type ParagraphOptions = ConstructorParameters<typeof Paragraph>[0] & object;

/**
 * A paragraph of running text. 避头尾 is Word's kinsoku, on by default for zh-CN text and never switched off here;
 * w:overflowPunct lets a closing mark hang in the margin rather than pull a character down to the next line, which
 * keeps the 28 characters a line of the grid. Word's default spacing between Chinese and Latin/digits is kept.
 */
function textParagraph(options: ParagraphOptions): Paragraph {
  return new Paragraph({ ...options, overflowPunctuation: true });
}

/** The keep options of the `k`-th of `n` paragraphs of a block. */
function keepOf(keep: Keep, k: number, n: number): Pick<ParagraphOptions, 'keepNext' | 'widowControl'> {
  const next = keep.mode === 'all' || (keep.mode === 'inner' && k < n - 1);
  return { keepNext: next || undefined, widowControl: keep.widow || undefined };
}

function textRun(run: Run): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold,
    underline: run.underline ? {} : undefined,
    font: run.font ? runFonts(fontNames[run.font]) : undefined,
  });
}

/** Width of a string in characters of the body size: CJK and full-width count one, ASCII half. */
function charWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return n;
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Point widths as twips that add up exactly to `total`. */
function twipWidths(points: number[], total: number): number[] {
  const sum = points.reduce((s, w) => s + w, 0);
  let acc = 0;
  let prev = 0;
  return points.map((w) => {
    acc += w;
    const edge = Math.round((acc / sum) * total);
    const width = edge - prev;
    prev = edge;
    return width;
  });
}

/**
 * A table as the PDF draws it: the PDF's column widths (sized to the content) as a fixed layout with exact grid
 * columns, cell margins of the PDF's padding and text at exact 1.4 lines (styles.ts), so rows are as tall as the PDF's;
 * header rows repeated, rows never split, no row height set. LibreOffice 7.4, when it moves a table with repeated
 * header rows to the next page itself, splits it again after as many rows as fitted the space left on the page before
 * (measured: 2 and 9 rows, the rest a page further): so a table the PDF starts on a new page starts one here by a page
 * break before its first paragraph, and rows carry no "at least" height (which made LibreOffice move tables the PDF
 * did not).
 */
function layoutTable(block: Extract<Block, { kind: 'table' }>, layout: BlockLayout, keep: Keep): Table {
  const laid = tableLayout(block, layout.textWidthPt);
  const widths = twipWidths(laid.widths, layout.textWidthTwips);
  const small = block.size === 'small';
  // Cells covered by a rowSpan from above are absent from later rows (as in HTML); count them to find each cell's column.
  const covered = new Map<number, number>();
  const rows = block.rows.map((cells, r) => {
    let col = 0;
    const keepRow =
      keep.mode === 'all' ||
      (keep.mode === 'inner' && r < block.rows.length - 1) ||
      (keep.lastRows !== undefined && r >= block.rows.length - keep.lastRows - 1 && r < block.rows.length);
    const children = cells.map((cell: ModelCell, k) => {
      while ((covered.get(col) ?? 0) > r) col++;
      const span = cell.colSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((n, w) => n + w, 0);
      const align = block.columns[col]?.align ?? 'left';
      if ((cell.rowSpan ?? 1) > 1) for (let c = col; c < col + span; c++) covered.set(c, r + cell.rowSpan!);
      col += span;
      return new TableCell({
        children: [
          new Paragraph({
            style: small ? styleIds.tableSmall : styleIds.table,
            alignment: alignments[cell.align ?? align],
            keepNext: keepRow || undefined,
            pageBreakBefore: (keep.breakBefore && r === 0 && k === 0) || undefined,
            children: [new TextRun({ text: cell.text, bold: cell.bold })],
          }),
        ],
        columnSpan: span > 1 ? span : undefined,
        rowSpan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
      });
    });
    return new TableRow({ children, tableHeader: r < block.headerRows, cantSplit: true });
  });
  const pad = { top: tablePadding.y * 20, bottom: tablePadding.y * 20, left: tablePadding.x * 20, right: tablePadding.x * 20 };
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((n, w) => n + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { ...pad, marginUnitType: WidthType.DXA },
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: thinBorder,
      right: thinBorder,
      insideHorizontal: thinBorder,
      insideVertical: thinBorder,
    },
  });
}

/** PNG width and height from its IHDR chunk, to keep the signature's aspect ratio. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(12) !== 0x49484452) throw new Error('签名图片不是有效的 PNG 文件，请重新签名');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const emuPerPt = 12700;

/**
 * One signature as the PDF draws it: "角色：姓名" on a line `nameDrop` under the row's top, the handwritten image
 * floating over the name (or the name on a line to sign on), "日期：…" one line below (or a line to write it on).
 */
function signatureCell(entry: SignatureEntry, widthTwips: number, layout: BlockLayout, keepNext: boolean): TableCell {
  const m = signatureMetrics(layout.grid);
  const label = `${entry.role}：`;
  const labelPt = textWidth(label, 'fangsong', m.size);
  const nameWidthPt = widthTwips / 20 - labelPt - 14;
  const runs: (TextRun | ImageRun)[] = [new TextRun(label)];
  if (entry.image) {
    const { width, height } = pngSize(entry.image);
    let h = (15 / 25.4) * 72;
    let w = (h * width) / height;
    if (w > nameWidthPt) [w, h] = [nameWidthPt, (nameWidthPt * height) / width];
    const id = layout.nextDrawingId();
    runs.push(
      new TextRun(entry.name),
      new ImageRun({
        type: 'png',
        data: entry.image,
        transformation: { width: (w * 96) / 72, height: (h * 96) / 72 },
        altText: { id: String(id), name: `签名 ${id}`, description: `${entry.role}${entry.name}的签名` },
        floating: {
          horizontalPosition: { relative: HorizontalPositionRelativeFrom.COLUMN, offset: Math.round((labelPt + 2) * emuPerPt) },
          verticalPosition: {
            relative: VerticalPositionRelativeFrom.PARAGRAPH,
            offset: Math.round(Math.max(0, m.nameDrop - 0.8 * h) * emuPerPt),
          },
          wrap: { type: TextWrappingType.NONE },
          allowOverlap: true,
          layoutInCell: true,
        },
      }),
    );
  } else {
    const blank = Math.max(2, Math.floor((nameWidthPt - textWidth(entry.name, 'fangsong', m.size)) / m.size));
    runs.push(new TextRun({ text: entry.name, underline: {} }), new TextRun({ text: '\u3000'.repeat(blank), underline: {} }));
  }
  // The name line's box ends 0.2 em under the baseline, so the baseline falls `nameDrop` under the row's top.
  const nameLine = Math.round((m.nameDrop + 0.2 * m.size) * 20);
  const line = (children: (TextRun | ImageRun)[], height: number) =>
    new Paragraph({
      style: styleIds.signature,
      keepNext: keepNext || undefined,
      spacing: { line: height, lineRule: 'exact', before: 0, after: 0 },
      children,
    });
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder },
    children: [
      line(runs, nameLine),
      // The same wording as the PDF (日期：…), so both formats read alike; a blank line to write the date on when unsigned.
      line(
        [new TextRun('日期：'), entry.date ? new TextRun(entry.date) : new TextRun({ text: '\u3000'.repeat(7), underline: {} })],
        Math.round(m.lineHeight * 20),
      ),
    ],
  });
}

/** Signature rows as tall as the PDF's (exact), `columns` to a row, kept on one page. */
function layoutSignatures(block: Extract<Block, { kind: 'signatures' }>, layout: BlockLayout, keep: Keep): Table {
  const m = signatureMetrics(layout.grid);
  const width = Math.floor(layout.textWidthTwips / block.columns);
  const rows: TableRow[] = [];
  const count = Math.ceil(block.entries.length / block.columns);
  for (let i = 0; i < block.entries.length; i += block.columns) {
    const r = i / block.columns;
    // The rows stay together (and with what follows when the block is not its group's last).
    const keepNext = keep.mode === 'all' || r < count - 1;
    const entries = block.entries.slice(i, i + block.columns);
    const cells = entries.map((e) => signatureCell(e, width, layout, keepNext));
    while (cells.length < block.columns)
      cells.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          children: [new Paragraph({ style: styleIds.signature, keepNext: keepNext || undefined })],
          borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder },
        }),
      );
    rows.push(new TableRow({ children: cells, cantSplit: true, height: { value: Math.round(m.rowHeight * 20), rule: HeightRule.EXACT } }));
  }
  const none = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder };
  return new Table({
    rows,
    columnWidths: Array(block.columns).fill(width),
    width: { size: width * block.columns, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: none,
  });
}

/**
 * 落款: GB/T 9704 7.3.5 — with a seal the date stands four characters from the right and the organiser is centred
 * over it, with two blank lines above for the seal; without one, one blank line, the organiser two characters from the
 * right and the date below it two characters further right. The PDF's placement (pdf/blocks.ts renderClosing).
 */
function layoutClosing(block: Extract<Block, { kind: 'closing' }>, layout: BlockLayout, keep: Keep): Paragraph[] {
  const charTwips = layout.grid ? Math.round(layout.grid.charPitch * 20) : layout.bodyPt * 20;
  const org = charWidth(block.organiser);
  const day = charWidth(block.date);
  let orgRight: number;
  let dayRight: number;
  if (block.seal) {
    dayRight = 4;
    orgRight = 4 + (day - org) / 2;
  } else {
    orgRight = 2;
    dayRight = org - day;
    if (dayRight < 2) {
      dayRight = 2;
      orgRight = 4 + day - org;
    }
  }
  const blank = block.seal ? 2 : 1;
  const n = blank + 2;
  const paragraphs: Paragraph[] = [];
  for (let k = 0; k < blank; k++) paragraphs.push(new Paragraph({ style: styleIds.body, keepNext: true }));
  const line = (text: string, right: number, k: number) =>
    textParagraph({
      style: styleIds.body,
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0, right: Math.round(right * charTwips) },
      ...keepOf(keep.mode === 'none' ? { mode: 'inner' } : keep, k, n),
      children: [new TextRun(text)],
    });
  paragraphs.push(line(block.organiser, orgRight, blank), line(block.date, dayRight, blank + 1));
  return paragraphs;
}

/** 附件说明: "附件：" two characters in, later items aligned under the first item's text. */
function layoutAttachments(block: Extract<Block, { kind: 'attachments' }>, layout: BlockLayout, keep: Keep): Paragraph[] {
  const charTwips = layout.bodyPt * 20;
  const prefix = '附件：';
  return block.items.map((item, i) =>
    textParagraph({
      style: styleIds.body,
      alignment: AlignmentType.LEFT,
      indent: i === 0 ? { left: (2 + 3) * charTwips, hanging: 3 * charTwips } : { left: (2 + 3) * charTwips, firstLine: 0 },
      ...keepOf(keep, i, block.items.length),
      children: [new TextRun(i === 0 ? prefix + item : item)],
    }),
  );
}

/** "（此页无正文）" (a page holding only the 署名 or signatures), 左空二字. */
export function noticeParagraph(): Paragraph {
  return textParagraph({
    style: styleIds.body,
    alignment: AlignmentType.LEFT,
    indent: { firstLineChars: 200, firstLine: 2 * pointSizes['3号'] * 20 },
    keepNext: true,
    children: [new TextRun(noBodyNotice)],
  });
}

export function layoutBlock(block: Block, layout: BlockLayout, keep: Keep = noKeep): (Paragraph | Table)[] {
  const one = (options: ParagraphOptions) => [textParagraph({ ...options, ...keepOf(keep, 0, 1) })];
  switch (block.kind) {
    case 'title': {
      // The PDF's lines (layout.ts titleLines), joined by line breaks so every reader breaks the title there.
      const size = pointSizes['2号'];
      const lines = titleLines(block.text, (t) => textWidth(t, 'xiaobiaosong', size), layout.textWidthTwips / 20);
      return one({ style: styleIds.title, children: lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })) });
    }
    case 'docNumber':
      return one({ style: styleIds.docNumber, children: [new TextRun(block.text)] });
    case 'addressee':
      return one({ style: styleIds.addressee, children: [new TextRun(block.text)] });
    case 'heading':
      return one({ style: styleIds.heading[block.level], children: [new TextRun(block.text)] });
    case 'paragraph': {
      const sizePt = block.size === 'small' ? layout.smallPt : layout.bodyPt;
      return one({
        style: block.size === 'small' ? styleIds.small : styleIds.body,
        alignment: alignments[block.align],
        // firstLineChars is what Word and WPS use; firstLine in twips is for readers that ignore it.
        indent: { firstLineChars: block.firstLineIndentChars * 100, firstLine: block.firstLineIndentChars * sizePt * 20 },
        children: block.runs.map(textRun),
      });
    }
    case 'table':
      return [layoutTable(block, layout, keep)];
    case 'attachments':
      return layoutAttachments(block, layout, keep);
    case 'signatures':
      return [layoutSignatures(block, layout, keep)];
    case 'closing':
      return layoutClosing(block, layout, keep);
    case 'record': {
      const lines = (block.copyTo ? recordCopyLines(block.copyTo, layout) : 0) + (block.printer || block.printedOn ? 1 : 0);
      return [recordParagraph(block, layout.page, lines)];
    }
    case 'spacer':
      return Array.from(
        { length: block.lines },
        () => new Paragraph({ style: styleIds.body, keepNext: keep.mode !== 'none' || undefined }),
      );
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Lines the 抄送 takes in 4号 (as pdf/blocks.ts renderRecord breaks it). */
function recordCopyLines(copyTo: string, layout: BlockLayout): number {
  const size = pointSizes['4号'];
  return lineCount(copyTo, 'fangsong', size, false, layout.textWidthTwips / 20 - 2 * size - textWidth('抄送：', 'fangsong', size));
}
