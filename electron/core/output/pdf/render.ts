// Owns rendering a RenderDoc to PDF bytes with pdfkit: the document's properties (Info), the blocks in order, then the
// page furniture (running header, page numbers) on every page. Deterministic: the same document gives the same bytes.
import PDFDocument from 'pdfkit';
import { pointSizes, type PageSetup, type RenderDoc } from '../model';
import { renderBlock } from './blocks';
import { emAscent } from './fonts';
import { Flow, geometry, mm, type Geometry } from './flow';
import { lineWidth, positionLine } from './linebreak';
import { drawUnits, measure } from './text';
import { woff2Ready } from './woff2';

export { bundledFonts, type BundledFont } from './fonts';

/** The Info keys that record which template and version produced the PDF. */
export const templateInfoKeys = { id: 'ReviewDeskTemplate', version: 'ReviewDeskTemplateVersion' } as const;

/** Draws one line of 仿宋-role text of `size` whose left edge, right edge or centre (`anchor`) is at `x`. */
function furnitureLine(pdf: PDFKit.PDFDocument, text: string, size: number, x: number, baseline: number, anchor: 'left' | 'right' | 'centre'): void {
  const units = measure([{ text, style: { role: 'fangsong', bold: false, size, underline: false } }], null, Infinity);
  const line = { start: 0, end: units.length, hard: true };
  const width = lineWidth(units, line);
  const left = anchor === 'left' ? x : anchor === 'right' ? x - width : x - width / 2;
  drawUnits(pdf, units, 0, units.length, positionLine(units, line, width, false), left, baseline);
}

/**
 * Page numbers and running header. `gbt9704`: "— 1 —" in 4号, its top 7 mm below the 版心, odd pages right and even
 * pages left, one character in from the 版心's edge (GB/T 9704 7.5). `center`: "第 1 页 共 N 页" in 5号 in the middle
 * of the bottom margin. The header (5号, centred, over a thin rule) goes on every page after the first.
 */
function pageFurniture(pdf: PDFKit.PDFDocument, g: Geometry, page: PageSetup): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const n = i - start + 1;
    const bottom = g.top + g.height;
    if (page.pageNumbers === 'gbt9704') {
      const size = pointSizes['4号'];
      const baseline = bottom + mm(7) + emAscent * size;
      if (n % 2 === 1) furnitureLine(pdf, `— ${n} —`, size, g.left + g.width - size, baseline, 'right');
      else furnitureLine(pdf, `— ${n} —`, size, g.left + size, baseline, 'left');
    } else if (page.pageNumbers === 'center') {
      const size = pointSizes['5号'];
      const baseline = bottom + (g.pageHeight - bottom) / 2;
      furnitureLine(pdf, `第 ${n} 页 共 ${count} 页`, size, g.left + g.width / 2, baseline, 'centre');
    }
    if (page.header && n > 1) {
      const size = pointSizes['5号'];
      furnitureLine(pdf, page.header, size, g.left + g.width / 2, g.top - mm(6), 'centre');
      pdf.save().lineWidth(0.5).moveTo(g.left, g.top - mm(4.5)).lineTo(g.left + g.width, g.top - mm(4.5)).stroke().restore();
    }
  }
}

export async function renderPdf(doc: RenderDoc): Promise<Buffer> {
  const created = new Date(doc.meta.createdAt);
  if (Number.isNaN(created.getTime())) throw new Error(`文档时间 meta.createdAt 不是有效的 ISO 8601 时间：“${doc.meta.createdAt}”。`);
  await woff2Ready();
  const g = geometry(doc.page);
  const info: PDFKit.DocumentInfo & Record<string, unknown> = {
    Title: doc.meta.title,
    Author: doc.meta.author,
    Creator: '评审工作台 Review Desk',
    Producer: '评审工作台 Review Desk (pdfkit)',
    CreationDate: created,
    ModDate: created,
    [templateInfoKeys.id]: doc.meta.templateId,
    [templateInfoKeys.version]: String(doc.meta.templateVersion),
  };
  const pdf = new PDFDocument({ size: [g.pageWidth, g.pageHeight], margin: 0, font: null as unknown as string, bufferPages: true, lang: 'zh-CN', displayTitle: true, info });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  try {
    const flow = new Flow(pdf, g);
    for (const block of doc.blocks) renderBlock(flow, block);
    pageFurniture(pdf, g, doc.page);
  } finally {
    pdf.end();
  }
  return done;
}
