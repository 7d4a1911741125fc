// Owns rendering a RenderDoc to PDF bytes with pdfkit: the document's properties (Info), the 信函格式 版头, the blocks
// in order, then the page furniture (running header, page numbers) on every page. Deterministic: the same document
// gives the same bytes.
//
// Rules of practice are kept by laying the document out again with a break plan when the first layout broke one: a
// heading never ends a page (it goes over with the next line); a 署名 or a signature block (a keep group, layout.ts)
// never splits and never stands on a page without body text — the last two body lines go over with it, and where no
// line can go over (after a page break) the page says "（此页无正文）".
import PDFDocument from 'pdfkit';
import { keepGroups } from '../layout';
import { pointSizes, type PageSetup, type RenderDoc } from '../model';
import { renderBlock, renderLetterhead, renderNotice } from './blocks';
import { face } from './fonts';
import { emptyPlan, Flow, geometry, mm, type BreakPlan, type Geometry, type Placed } from './flow';
import { lineWidth, positionLine } from './linebreak';
import { drawUnits, dryDocument, measure } from './text';
import { drawDraftMark } from './watermark';
import { woff2Ready } from './woff2';

export { bundledFonts, type BundledFont } from './fonts';

/** The Info keys that record which template and version produced the PDF. */
export const templateInfoKeys = { id: 'ReviewDeskTemplate', version: 'ReviewDeskTemplateVersion' } as const;

/** Draws one line of 仿宋-role text of `size` whose left edge, right edge or centre (`anchor`) is at `x`. */
function furnitureLine(
  pdf: PDFKit.PDFDocument,
  text: string,
  size: number,
  x: number,
  baseline: number,
  anchor: 'left' | 'right' | 'centre',
): void {
  const units = measure([{ text, style: { role: 'fangsong', bold: false, size, underline: false } }], null, Infinity);
  const line = { start: 0, end: units.length, hard: true };
  const width = lineWidth(units, line);
  const left = anchor === 'left' ? x : anchor === 'right' ? x - width : x - width / 2;
  drawUnits(pdf, units, 0, units.length, positionLine(units, line, width, false), left, baseline);
}

/** Height of the 一字线 "—" (U+2014) above the baseline in the page-number font, as a fraction of the size. */
function dashTop(): number {
  const { font } = face('serif400');
  return font.glyphForCodePoint(0x2014).bbox.maxY / font.unitsPerEm;
}

/**
 * Page numbers and running header. `gbt9704`: "— 1 —" in 4号, the 一字线 7 mm below the 版心 (一字线上距版心下边缘
 * 7mm), odd pages right and even pages left, one character in from the 版心's edge (GB/T 9704 7.5); none on a 信函格式
 * first page (10.1). `center`: "第 1 页 共 N 页" in 5号 in the middle of the bottom margin. The header (5号, centred,
 * over a thin rule) goes on every page after the first.
 */
function pageFurniture(pdf: PDFKit.PDFDocument, g: Geometry, page: PageSetup): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const n = i - start + 1;
    const bottom = g.top + g.height;
    if (page.pageNumbers === 'gbt9704' && !(n === 1 && page.letterhead)) {
      const size = pointSizes['4号'];
      const baseline = bottom + mm(7) + dashTop() * size;
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
      pdf
        .save()
        .lineWidth(0.5)
        .moveTo(g.left, g.top - mm(4.5))
        .lineTo(g.left + g.width, g.top - mm(4.5))
        .stroke()
        .restore();
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
  const { plan } = paginate(doc);
  const pdf = new PDFDocument({
    size: [g.pageWidth, g.pageHeight],
    margin: 0,
    font: null as unknown as string,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  try {
    layOut(pdf, g, doc, plan);
    pageFurniture(pdf, g, doc.page);
    if (doc.draft) drawDraftMark(pdf, g);
  } finally {
    pdf.end();
  }
  return done;
}

interface Pagination {
  placed: readonly Placed[];
  plan: BreakPlan;
}

/**
 * A document model is final once filled, so its pagination is too: the DOCX renderer and the PDF renderer of one
 * model (a DOCX + PDF pair) lay it out once between them.
 */
const paginated = new WeakMap<RenderDoc, Pagination>();

/**
 * Where every line and table row of the document goes, and the break plan that keeps the rules of practice: the
 * document is laid out without drawing, and again with one more forced break while a rule is broken. The PDF is then
 * drawn with the plan; the DOCX renderer reads the pages to mirror decisions a reader would take differently.
 */
export function paginate(doc: RenderDoc): Pagination {
  let done = paginated.get(doc);
  if (done) return done;
  const g = geometry(doc.page);
  let plan = emptyPlan();
  for (let pass = 0; ; pass++) {
    const flow = layOut(dryDocument(), g, doc, plan);
    const revised = pass < 8 ? revise(doc, flow.placed, plan) : null;
    if (!revised) {
      done = { placed: flow.placed, plan };
      paginated.set(doc, done);
      return done;
    }
    plan = revised;
  }
}

/** Sets the document's blocks on pages with `plan`'s forced breaks; the flow records where every line went. */
function layOut(pdf: PDFKit.PDFDocument, g: Geometry, doc: RenderDoc, plan: BreakPlan): Flow {
  const flow = new Flow(pdf, g, plan);
  if (doc.page.letterhead) renderLetterhead(flow, doc.page.letterhead);
  const groups = keepGroups(doc.blocks);
  doc.blocks.forEach((block, i) => {
    const group = groups.find((gr) => i >= gr.start && i < gr.end);
    flow.startBlock(i, group !== undefined);
    if (group?.start === i && plan.notice.has(i)) flow.noticePending = renderNotice;
    renderBlock(flow, block);
  });
  return flow;
}

/**
 * A new plan when the layout broke a rule of practice, else null. Headings that end a page go over with their next
 * line; a keep group that is split or has fewer than two body lines above it on its page takes the last two body lines
 * over with it; when no body line can go over (a page break or the page's top is in the way), the group is printed
 * under "（此页无正文）". One fix a pass, the first in the document: a fix moves everything after it, so later ones are
 * judged on the new layout.
 */
function revise(doc: RenderDoc, placed: readonly Placed[], plan: BreakPlan): BreakPlan | null {
  const firstOnPage = (u: Placed) => placed.find((p) => p.page === u.page) === u;
  const key = (u: Placed) => `${u.block}:${u.index}`;
  const fixes: { at: number; apply: (p: BreakPlan) => void }[] = [];
  // Headings stay with the first line of what follows.
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'heading') return;
    const own = placed.filter((u) => u.block === i);
    const following = placed.find((u) => u.block > i);
    if (!own.length || !following || doc.blocks.slice(i + 1, following.block).some((x) => x.kind === 'pageBreak')) return;
    const head = own[0]!; // own is not empty
    if (own[own.length - 1]!.page !== following.page && !firstOnPage(head) && !plan.before.has(key(head)))
      fixes.push({ at: i, apply: (p) => p.before.add(key(head)) });
  });
  for (const group of keepGroups(doc.blocks)) {
    const units = placed.filter((u) => u.block >= group.start && u.block < group.end);
    if (!units.length) continue;
    const page = units[0]!.page;
    const split = units[units.length - 1]!.page !== page;
    const above = placed.filter((u) => u.block < group.start && u.body);
    const bodyAbove = above.filter((u) => u.page === page).length;
    if (!split && (bodyAbove >= 2 || (bodyAbove > 0 && above.length < 2))) continue;
    const mover = above.at(-2) ?? above.at(-1);
    const blocked =
      !mover ||
      firstOnPage(mover) ||
      plan.before.has(key(mover)) ||
      doc.blocks.slice(mover.block, group.start).some((x) => x.kind === 'pageBreak');
    if (!blocked) fixes.push({ at: mover.block, apply: (p) => p.before.add(key(mover)) });
    else if (bodyAbove === 0 && !plan.notice.has(group.start)) fixes.push({ at: group.start, apply: (p) => p.notice.add(group.start) });
  }
  if (!fixes.length) return null;
  const first = fixes.reduce((a, b) => (b.at < a.at ? b : a));
  const next: BreakPlan = { before: new Set(plan.before), notice: new Set(plan.notice) };
  first.apply(next);
  return next;
}
