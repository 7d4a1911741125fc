// Owns laying out the model's blocks as docx paragraphs and tables (标题、正文、表格、附件说明、签名、落款).
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Align, Block, Run, SignatureEntry, TableCell as ModelCell } from '../model';
import { fontNames, runFonts } from './fonts';
import { styleIds } from './styles';

/** What the blocks need to know of the page: the text width and the body size in points. */
export interface BlockLayout {
  textWidthTwips: number;
  bodyPt: number;
  smallPt: number;
  /** Drawing ids (wp:docPr) counted per document; docx's own counter is process-wide and would change the bytes. */
  nextDrawingId: () => number;
}

const alignments: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/**
 * A paragraph of running text. 避头尾 is Word's kinsoku, on by default for zh-CN text and never switched off here;
 * w:overflowPunct lets a closing mark hang in the margin rather than pull a character down to the next line, which
 * keeps the 28 characters a line of the grid. Word's default spacing between Chinese and Latin/digits is kept.
 */
function textParagraph(options: ConstructorParameters<typeof Paragraph>[0] & object): Paragraph {
  return new Paragraph({ ...options, overflowPunctuation: true });
}

/** Handwritten signature height (签名图高): about 15 mm, at the 96 px/inch docx sizes images in. */
const signatureHeightPx = Math.round((15 / 25.4) * 96);

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

function cellParagraph(cell: ModelCell, align: Align, small: boolean): Paragraph {
  return new Paragraph({
    style: small ? styleIds.tableSmall : styleIds.table,
    alignment: alignments[cell.align ?? align],
    children: [new TextRun({ text: cell.text, bold: cell.bold })],
  });
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function layoutTable(block: Extract<Block, { kind: 'table' }>, layout: BlockLayout): Table {
  const totalWeight = block.columns.reduce((n, c) => n + c.weight, 0);
  const widths = block.columns.map((c) => Math.floor((layout.textWidthTwips * c.weight) / totalWeight));
  // Cells covered by a rowSpan from above are absent from later rows (as in HTML); count them to find each cell's column.
  const covered = new Map<number, number>();
  const rows = block.rows.map((cells, r) => {
    let col = 0;
    const children = cells.map((cell) => {
      while ((covered.get(col) ?? 0) > r) col++;
      const span = cell.colSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((n, w) => n + w, 0);
      const align = block.columns[col]?.align ?? 'left';
      if ((cell.rowSpan ?? 1) > 1) for (let c = col; c < col + span; c++) covered.set(c, r + cell.rowSpan!);
      col += span;
      return new TableCell({
        children: [cellParagraph(cell, align, block.size === 'small')],
        columnSpan: span > 1 ? span : undefined,
        rowSpan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
      });
    });
    return new TableRow({ children, tableHeader: r < block.headerRows, cantSplit: true });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((n, w) => n + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: thinBorder, bottom: thinBorder, left: thinBorder, right: thinBorder, insideHorizontal: thinBorder, insideVertical: thinBorder },
  });
}

/** PNG width and height from its IHDR chunk, to keep the signature's aspect ratio. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(12) !== 0x49484452) throw new Error('签名图片不是有效的 PNG 文件，请重新签名');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function signatureCell(entry: SignatureEntry, widthTwips: number, layout: BlockLayout): TableCell {
  const maxWidthPx = Math.floor(((widthTwips / 1440) * 96) / 2);
  const signature = entry.image
    ? (() => {
        const { width, height } = pngSize(entry.image);
        const scaled = Math.round((signatureHeightPx * width) / height);
        const w = Math.min(scaled, maxWidthPx);
        const id = layout.nextDrawingId();
        return new ImageRun({
          type: 'png',
          data: entry.image,
          transformation: { width: w, height: Math.round((w * height) / width) },
          altText: { id: String(id), name: `签名 ${id}`, description: `${entry.role}${entry.name}的签名` },
        });
      })()
    : new TextRun({ text: '\u3000'.repeat(6), underline: {} });
  const line = (children: (TextRun | ImageRun)[]) => new Paragraph({ style: styleIds.signature, children });
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder },
    children: [
      line([new TextRun(`${entry.role}：`), signature]),
      line([new TextRun(entry.name)]),
      // The same wording as the PDF (日期：…), so both formats read alike; a blank line to write the date on when unsigned.
      line([new TextRun('日期：'), entry.date ? new TextRun(entry.date) : new TextRun({ text: '\u3000'.repeat(7), underline: {} })]),
    ],
  });
}

function layoutSignatures(block: Extract<Block, { kind: 'signatures' }>, layout: BlockLayout): Table {
  const width = Math.floor(layout.textWidthTwips / block.columns);
  const rows: TableRow[] = [];
  for (let i = 0; i < block.entries.length; i += block.columns) {
    const entries = block.entries.slice(i, i + block.columns);
    const cells = entries.map((e) => signatureCell(e, width, layout));
    while (cells.length < block.columns) cells.push(new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ style: styleIds.signature })], borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder } }));
    rows.push(new TableRow({ children: cells, cantSplit: true }));
  }
  const none = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder };
  return new Table({ rows, columnWidths: Array(block.columns).fill(width), width: { size: width * block.columns, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: none });
}

/**
 * 落款: GB/T 9704 7.3.5 — with a seal the date stands four characters from the right and the organiser is centred
 * over it, with room above for the seal; without one, two characters from the right.
 */
function layoutClosing(block: Extract<Block, { kind: 'closing' }>, layout: BlockLayout): Paragraph[] {
  const charTwips = layout.bodyPt * 20;
  const outer = block.seal ? 4 : 2;
  const widest = Math.max(charWidth(block.organiser), charWidth(block.date));
  const line = (text: string, before = 0) =>
    textParagraph({
      style: styleIds.body,
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0, right: Math.round((outer + (widest - charWidth(text)) / 2) * charTwips) },
      spacing: { before },
      children: [new TextRun(text)],
    });
  return [line(block.organiser, block.seal ? 3 * layout.bodyPt * 20 : layout.bodyPt * 20), line(block.date)];
}

/** 附件说明: "附件：" two characters in, later items aligned under the first item's text. */
function layoutAttachments(block: Extract<Block, { kind: 'attachments' }>, layout: BlockLayout): Paragraph[] {
  const charTwips = layout.bodyPt * 20;
  const prefix = '附件：';
  return block.items.map(
    (item, i) =>
      textParagraph({
        style: styleIds.body,
        alignment: AlignmentType.LEFT,
        indent: i === 0 ? { left: (2 + 3) * charTwips, hanging: 3 * charTwips } : { left: (2 + 3) * charTwips, firstLine: 0 },
        children: [new TextRun(i === 0 ? prefix + item : item)],
      }),
  );
}

export function layoutBlock(block: Block, layout: BlockLayout): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [textParagraph({ style: styleIds.title, children: [new TextRun(block.text)] })];
    case 'docNumber':
      return [textParagraph({ style: styleIds.docNumber, children: [new TextRun(block.text)] })];
    case 'addressee':
      return [textParagraph({ style: styleIds.addressee, children: [new TextRun(block.text)] })];
    case 'heading':
      return [textParagraph({ style: styleIds.heading[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph': {
      const sizePt = block.size === 'small' ? layout.smallPt : layout.bodyPt;
      return [
        textParagraph({
          style: block.size === 'small' ? styleIds.small : styleIds.body,
          alignment: alignments[block.align],
          // firstLineChars is what Word and WPS use; firstLine in twips is for readers that ignore it.
          indent: { firstLineChars: block.firstLineIndentChars * 100, firstLine: block.firstLineIndentChars * sizePt * 20 },
          children: block.runs.map(textRun),
        }),
      ];
    }
    case 'table':
      return [layoutTable(block, layout)];
    case 'attachments':
      return layoutAttachments(block, layout);
    case 'signatures':
      return [layoutSignatures(block, layout)];
    case 'closing':
      return layoutClosing(block, layout);
    case 'spacer':
      return Array.from({ length: block.lines }, () => new Paragraph({ style: styleIds.body }));
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}
