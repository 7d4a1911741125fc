// Owns rendering a sample report as a PDF laid out like a government submission: cover, 目录 with page numbers, chapters, tables, footers.
import { samplePdf } from '../sample-fonts';
import { numberReport, type ArchitectureBlock, type Block, type Report, type TableBlock } from './report-model';

type Doc = PDFKit.PDFDocument;

const margins = { top: 84, bottom: 76, left: 80, right: 72 };
const pageHeight = 841.89;
const pageWidth = 595.28;
const contentWidth = pageWidth - margins.left - margins.right;
const bottomLimit = pageHeight - margins.bottom;
const tocLineHeight = 22;
const tocLinesPerPage = Math.floor((bottomLimit - margins.top - 60) / tocLineHeight);
const ink = '#1a1a1a';
const rule = '#404040';
const headerFill = '#e4e9f1';

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > bottomLimit) doc.addPage();
}

function drawCover(doc: Doc, r: Report): void {
  doc
    .font('body')
    .fontSize(10.5)
    .fillColor(ink)
    .text(`项目编号：${r.projectCode}`, margins.left, 60, { width: contentWidth, align: 'right' });
  doc.font('bold').fontSize(22).text(r.projectName, margins.left, 220, { width: contentWidth, align: 'center', lineGap: 8 });
  doc.moveDown(0.8).fontSize(30).text(r.docType, { width: contentWidth, align: 'center', characterSpacing: 6 });
  doc
    .moveDown(0.6)
    .font('body')
    .fontSize(15)
    .text(`（${r.status ?? '送审稿'}）`, { width: contentWidth, align: 'center' });
  const lines = [`建设单位：${r.applicant}`, `编制单位：${r.preparedBy}`, `编制日期：${r.dateText}`];
  doc.font('body').fontSize(14);
  lines.forEach((line, i) => doc.text(line, margins.left + 60, 560 + i * 34, { width: contentWidth - 60, lineBreak: false }));
}

interface TocEntry {
  title: string;
  level: 1 | 2;
  destination: string;
  page: number;
}

function drawToc(doc: Doc, firstPage: number, entries: TocEntry[]): void {
  const dotWidth = doc.font('body').fontSize(11).widthOfString('.');
  entries.forEach((entry, i) => {
    const onPage = i % tocLinesPerPage;
    if (onPage === 0) {
      doc.switchToPage(firstPage + i / tocLinesPerPage);
      doc.font('bold').fontSize(18).fillColor(ink).text('目    录', margins.left, margins.top, { width: contentWidth, align: 'center' });
    }
    const y = margins.top + 60 + onPage * tocLineHeight;
    const x = margins.left + (entry.level === 1 ? 0 : 24);
    doc.font(entry.level === 1 ? 'bold' : 'body').fontSize(entry.level === 1 ? 12 : 11);
    const number = String(entry.page);
    const titleWidth = doc.widthOfString(entry.title);
    const numberWidth = doc.widthOfString(number);
    doc.text(entry.title, x, y, { lineBreak: false });
    const dotsFrom = x + titleWidth + 6;
    const dots = Math.max(0, Math.floor((margins.left + contentWidth - numberWidth - 6 - dotsFrom) / dotWidth));
    doc.font('body').fontSize(11).fillColor('#666666').text('.'.repeat(dots), dotsFrom, y, { lineBreak: false });
    doc.fillColor(ink).text(number, margins.left, y, { width: contentWidth, align: 'right', lineBreak: false });
    doc.goTo(x, y, contentWidth - (x - margins.left), 16, entry.destination);
  });
}

function drawPageFurniture(doc: Doc, r: Report, firstBodyPage: number): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = firstBodyPage; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the margins would make pdfkit start a new page; lift the bottom margin while drawing.
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8.5)
      .fillColor('#595959')
      .text(`${r.projectName}  ${r.docType}`, margins.left, 50, { width: contentWidth, align: 'right', lineBreak: false });
    doc
      .moveTo(margins.left, 64)
      .lineTo(margins.left + contentWidth, 64)
      .lineWidth(0.6)
      .strokeColor(rule)
      .stroke();
    doc
      .fontSize(10.5)
      .fillColor(ink)
      .text(`— ${i - firstBodyPage + 1} —`, margins.left, pageHeight - 52, { width: contentWidth, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margins.bottom;
  }
}

const numeric = /^[-+]?[\d,]+(\.\d+)?%?$/;
/** Row numbers (序号) are centred; other numbers are right-aligned so their digits line up. */
const cellAlign = (cell: string) => (/^\d{1,3}$/.test(cell) ? 'center' : numeric.test(cell) ? 'right' : 'left');

function drawTable(doc: Doc, t: TableBlock): void {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => (w / total) * contentWidth);
  const pad = 4;
  doc.fontSize(9.5);
  const heightOf = (cells: string[], font: string) =>
    Math.max(...cells.map((c, i) => doc.font(font).heightOfString(c || ' ', { width: widths[i]! - 2 * pad, lineGap: 1 }))) + 2 * pad;
  const drawRow = (cells: string[], y: number, header: boolean): number => {
    const font = header ? 'bold' : 'body';
    const h = heightOf(cells, font);
    let x = margins.left;
    cells.forEach((cell, i) => {
      if (header) doc.rect(x, y, widths[i]!, h).fill(headerFill);
      doc.rect(x, y, widths[i]!, h).lineWidth(0.6).strokeColor(rule).stroke();
      const align = header ? 'center' : cellAlign(cell);
      doc
        .font(font)
        .fontSize(9.5)
        .fillColor(ink)
        .text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad, align, lineGap: 1 });
      x += widths[i]!;
    });
    return y + h;
  };
  ensureSpace(doc, 30 + heightOf(t.columns, 'bold') + heightOf(t.rows[0] ?? [], 'body'));
  doc.font('bold').fontSize(10.5).fillColor(ink).text(t.caption, margins.left, doc.y, { width: contentWidth, align: 'center' });
  let y = drawRow(t.columns, doc.y + 4, true);
  for (const row of t.rows) {
    if (y + heightOf(row, 'body') > bottomLimit) {
      doc.addPage();
      y = drawRow(t.columns, margins.top, true);
    }
    y = drawRow(row, y, false);
  }
  doc.x = margins.left;
  doc.y = y + 10;
}

function drawArchitecture(doc: Doc, a: ArchitectureBlock): void {
  const layerHeight = 46;
  const gap = 6;
  const sideWidth = 30;
  const labelWidth = 74;
  const height = a.layers.length * (layerHeight + gap) - gap;
  ensureSpace(doc, height + 40);
  const top = doc.y + 4;
  const mainWidth = contentWidth - a.sides.length * (sideWidth + gap);
  a.layers.forEach((layer, i) => {
    const y = top + i * (layerHeight + gap);
    doc.rect(margins.left, y, labelWidth, layerHeight).fill('#2f5496');
    doc
      .font('bold')
      .fontSize(10)
      .fillColor('#ffffff')
      .text(layer.name, margins.left + 4, y + layerHeight / 2 - 7, { width: labelWidth - 8, align: 'center', lineBreak: false });
    doc
      .rect(margins.left + labelWidth, y, mainWidth - labelWidth, layerHeight)
      .lineWidth(0.6)
      .strokeColor('#2f5496')
      .stroke();
    const slot = (mainWidth - labelWidth - 8) / layer.items.length;
    layer.items.forEach((item, j) => {
      const x = margins.left + labelWidth + 4 + j * slot;
      doc.rect(x + 2, y + 6, slot - 4, layerHeight - 12).fill('#dae3f3');
      doc.font('body').fontSize(8.5).fillColor(ink);
      const h = doc.heightOfString(item, { width: slot - 8 });
      doc.text(item, x + 4, y + layerHeight / 2 - h / 2, { width: slot - 8, align: 'center' });
    });
  });
  a.sides.forEach((side, k) => {
    const x = margins.left + mainWidth + gap + k * (sideWidth + gap);
    doc.rect(x, top, sideWidth, height).fill('#fbe5d6');
    doc.font('bold').fontSize(10).fillColor(ink);
    const chars = [...side];
    const startY = top + height / 2 - (chars.length * 14) / 2;
    chars.forEach((ch, n) => doc.text(ch, x, startY + n * 14, { width: sideWidth, align: 'center', lineBreak: false }));
  });
  doc
    .font('bold')
    .fontSize(10.5)
    .fillColor(ink)
    .text(a.caption, margins.left, top + height + 8, { width: contentWidth, align: 'center' });
  doc.y += 8;
}

function drawBlock(doc: Doc, b: Block): void {
  switch (b.type) {
    case 'paragraph':
      doc
        .font('body')
        .fontSize(11.5)
        .fillColor(ink)
        .text(b.text, margins.left, doc.y, { width: contentWidth, indent: 23, lineGap: 5, paragraphGap: 6 });
      break;
    case 'table':
      drawTable(doc, b);
      break;
    case 'architecture':
      drawArchitecture(doc, b);
      break;
    case 'image': {
      const width = Math.min(contentWidth * 0.85, b.width);
      const height = (width * b.height) / b.width;
      ensureSpace(doc, height + 30);
      doc.image(b.png, margins.left + (contentWidth - width) / 2, doc.y, { width });
      doc
        .font('bold')
        .fontSize(10.5)
        .fillColor(ink)
        .text(b.caption, margins.left, doc.y + height + 4, { width: contentWidth, align: 'center' });
      doc.y += 8;
      break;
    }
  }
}

/** Renders the report; `created` becomes the PDF's CreationDate (and, through it, its file ID) so output is reproducible. */
export async function renderReportPdf(input: Report, created: Date): Promise<Buffer> {
  const r = numberReport(input);
  const { doc, bytes } = samplePdf({
    size: 'A4',
    margins,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${r.projectName}${r.docType}`,
      Author: r.preparedBy,
      Subject: r.docType,
      Creator: '评审工作台示例评审包生成器',
      CreationDate: created,
    },
  });

  drawCover(doc, r);
  const entryCount = r.chapters.reduce((n, c) => n + 1 + c.sections.length, 0);
  const tocPages = Math.ceil(entryCount / tocLinesPerPage);
  const firstTocPage = 1;
  for (let i = 0; i < tocPages; i++) doc.addPage();
  const firstBodyPage = firstTocPage + tocPages;
  const currentPage = () => {
    const { start, count } = doc.bufferedPageRange();
    return start + count - 1;
  };
  const toc: TocEntry[] = [];
  const mark = (title: string, level: 1 | 2) => {
    const destination = `h${toc.length + 1}`;
    doc.addNamedDestination(destination, 'XYZ', margins.left, doc.y, null);
    toc.push({ title, level, destination, page: currentPage() - firstBodyPage + 1 });
  };

  r.chapters.forEach((chapter) => {
    doc.addPage();
    mark(chapter.title, 1);
    const item = doc.outline.addItem(chapter.title);
    doc.font('bold').fontSize(16).fillColor(ink).text(chapter.title, margins.left, margins.top, { width: contentWidth, align: 'center' });
    doc.moveDown(0.8);
    for (const section of chapter.sections) {
      ensureSpace(doc, 70);
      mark(section.title, 2);
      item.addItem(section.title);
      doc.font('bold').fontSize(13).fillColor(ink).text(section.title, margins.left, doc.y, { width: contentWidth });
      doc.moveDown(0.4);
      section.blocks.forEach((b) => drawBlock(doc, b));
      doc.moveDown(0.4);
    }
  });

  drawToc(doc, firstTocPage, toc);
  drawPageFurniture(doc, r, firstBodyPage);
  doc.end();
  return bytes;
}
