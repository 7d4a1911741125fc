// Owns rendering a RenderDoc to DOCX bytes: page setup (版心 grid), running header, page numbers, properties.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
  PageNumber,
  LineRuleType,
  PageOrientation,
  Paragraph,
  Table,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { keepGroups, titleLines } from '../layout';
import { pointSizes, type Block, type PageSetup, type RenderDoc } from '../model';
import { geometry as pdfGeometry } from '../pdf/flow';
import { paginate } from '../pdf/render';
import { woff2Ready } from '../pdf/woff2';
import { lineCount, textWidth } from '../pdf/text';
import { layoutBlock, noticeParagraph, type BlockLayout, type Keep } from './blocks';
import { draftMarkParagraph } from './draftMark';
import { finishDocx } from './finish';
import { letterheadParagraph } from './letterhead';
import { documentStyles, offGridStyles, styleIds } from './styles';

/** A4 in twips (1/20 pt). */
const a4 = { width: 11906, height: 16838 };
export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);
const ptToMm = (pt: number) => (pt * 25.4) / 72;

/** GB/T 9704 7.5: the page number's 一字线 sits 7 mm below the text area (一字线上距版心下边缘7mm). */
const pageNumberGapMm = 7;
/**
 * Where the 一字线 falls in the footer's exact 4号 line, below the line's top: readers set the baseline about 0.8 of an
 * exact line down (LibreOffice, measured: the dash's top 2.44 mm under the line's top), and the dash's top is 0.293 em
 * above the baseline (Noto Serif / Song).
 */
const dashDepthMm = ptToMm(0.8 * pointSizes['4号'] - 0.293 * pointSizes['4号']);

export interface PageGeometry {
  widthTwips: number;
  heightTwips: number;
  textWidthTwips: number;
  textHeightTwips: number;
  /**
   * The 版心 grid: `linePitch` (twips) for w:docGrid and the exact line spacing of every line, `charSpacing` (twips,
   * w:spacing of 3号 runs) that sets `chars` characters of 3号 in a line.
   */
  grid: { linePitch: number; charSpacing: number } | null;
}

/**
 * The page in twips and its grid. GB/T 9704's 28 characters of 3号 (16 pt) in 156 mm need a pitch of 15.79 pt, less
 * than the type size. Word compresses characters to a w:docGrid charSpace of −842 (1/4096 pt under Normal's 16 pt),
 * but LibreOffice gives every character a whole number of grid cells (two cells of 15.79 pt for a 16 pt character:
 * 14–18 characters a line), so the grid here is `lines` only, and 3号 runs carry a character spacing of −5 twips
 * (−0.25 pt: 28 × 15.75 pt ≤ 442.25 pt < 29 × 15.75 pt), which Word, WPS and LibreOffice all apply. The line pitch is
 * rounded down so the whole count of lines fits.
 */
export function pageGeometry(page: PageSetup): PageGeometry {
  const [widthTwips, heightTwips] = page.orientation === 'landscape' ? [a4.height, a4.width] : [a4.width, a4.height];
  const m = page.marginsMm;
  const textWidthTwips = widthTwips - mmToTwips(m.left) - mmToTwips(m.right);
  const textHeightTwips = heightTwips - mmToTwips(m.top) - mmToTwips(m.bottom);
  const grid = page.grid && {
    linePitch: Math.floor(textHeightTwips / page.grid.lines),
    charSpacing: Math.floor(textWidthTwips / page.grid.chars - pointSizes['3号'] * 20),
  };
  return { widthTwips, heightTwips, textWidthTwips, textHeightTwips, grid };
}

/** "第 n 页 共 N 页" of forms: 5号, as the PDF sets it, on an exact line of 1.2 × its size. */
const formNumberPt = pointSizes['5号'];
const formNumberLinePt = formNumberPt * 1.2;

function pageNumberParagraph(
  align: 'left' | 'right' | 'center',
  children: (string | (typeof PageNumber)[keyof typeof PageNumber])[],
): Paragraph {
  const oneChar = pointSizes['4号'] * 20;
  const form = align === 'center';
  return new Paragraph({
    style: styleIds.pageNumber,
    alignment: align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
    indent: align === 'left' ? { left: oneChar } : align === 'right' ? { right: oneChar } : undefined,
    spacing: form ? { line: Math.round(formNumberLinePt * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 } : undefined,
    children: [new TextRun({ children, size: form ? Math.round(formNumberPt * 2) : undefined })],
  });
}

/**
 * The footer distance (page bottom to the footer's bottom edge): "— n —" with its 一字线 7 mm under the 版心; a form's
 * number with its baseline in the middle of the bottom margin, as the PDF puts it (the baseline 0.2 of the line up).
 */
function footerDistanceMm(page: PageSetup): number {
  if (page.pageNumbers === 'center') return Math.max(3, page.marginsMm.bottom / 2 - 0.2 * ptToMm(formNumberLinePt));
  return Math.max(5, page.marginsMm.bottom - pageNumberGapMm - ptToMm(pointSizes['4号']) + dashDepthMm);
}

/**
 * GB/T 9704 7.5: "— 1 —", odd pages one character in from the right, even pages from the left; a 信函格式 letter has
 * none on page 1 (10.1: a first-page footer of its own, empty). Forms: "第 1 页 共 N 页" centred, on page 1 too (its
 * own first-page footer when page 1 differs for the running header).
 */
function footers(page: PageSetup): ISectionOptions['footers'] {
  switch (page.pageNumbers) {
    case 'gbt9704': {
      const number = (side: 'left' | 'right') => new Footer({ children: [pageNumberParagraph(side, ['— ', PageNumber.CURRENT, ' —'])] });
      const first = page.letterhead
        ? new Footer({ children: [new Paragraph({ style: styleIds.pageNumber })] })
        : page.header
          ? number('right')
          : undefined;
      return { default: number('right'), even: number('left'), ...(first ? { first } : {}) };
    }
    case 'center': {
      const number = () =>
        new Footer({ children: [pageNumberParagraph('center', ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'])] });
      return { default: number(), ...(page.header ? { first: number() } : {}) };
    }
    case 'none':
      return undefined;
  }
}

/** The running header on every page after the first, as in the PDF (page 1 has an empty header of its own). */
function headers(page: PageSetup, draftMark: (() => Paragraph) | null): ISectionOptions['headers'] {
  if (!page.header && !draftMark) return undefined;
  const mark = () => (draftMark ? [draftMark()] : []);
  const running = page.header;
  const header = () =>
    new Header({
      children: [...mark(), ...(running ? [new Paragraph({ style: styleIds.header, children: [new TextRun(running)] })] : [])],
    });
  const first = new Header({ children: draftMark ? mark() : [new Paragraph({ style: styleIds.header })] });
  return page.pageNumbers === 'gbt9704' ? { default: header(), even: header(), first } : { default: header(), first };
}

/** Lines a block takes in the PDF (what keep-with-next must carry over); tables count rows. */
function linesOf(block: Block, layout: BlockLayout): number {
  const width = layout.textWidthTwips / 20;
  switch (block.kind) {
    case 'paragraph': {
      const size = block.size === 'small' ? layout.smallPt : layout.bodyPt;
      const pitch = layout.grid && block.size === 'body' ? layout.grid.charPitch : null;
      // The first-line indent as ideographic spaces, which the breaker measures like characters.
      const text = '\u3000'.repeat(block.firstLineIndentChars) + block.runs.map((r) => r.text).join('');
      return lineCount(text, 'fangsong', size, false, width, pitch);
    }
    case 'title':
      return titleLines(block.text, (t) => textWidth(t, 'xiaobiaosong', pointSizes['2号']), width).length;
    case 'attachments':
      return block.items.length;
    case 'table':
      return block.rows.length - block.headerRows;
    case 'spacer':
    case 'pageBreak':
    case 'record':
      return 0;
    default:
      return 1;
  }
}

/**
 * The PDF's keep rules as keep-with-next (pdf/render.ts): every paragraph and row of a keep group (署名, signatures
 * with their label and date) is kept with the next but the group's last, and the body above keeps its last two lines
 * with the group — keep-with-next on the paragraphs that hold them, widow control where both are one paragraph's.
 * Widow control is off everywhere else, as in the PDF.
 */
function keepPlan(blocks: readonly Block[], layout: BlockLayout): Map<number, Keep> {
  const keeps = new Map<number, Keep>();
  for (const group of keepGroups(blocks)) {
    for (let i = group.start; i < group.end; i++) keeps.set(i, { mode: i === group.end - 1 ? 'inner' : 'all' });
    let need = 2;
    for (let b = group.start - 1; b >= 0 && need > 0; b--) {
      const block = blocks[b]!; // 0 <= b < group.start
      if (block.kind === 'pageBreak') break;
      const lines = linesOf(block, layout);
      if (block.kind === 'table') {
        keeps.set(b, { mode: 'none', lastRows: need });
        break;
      }
      keeps.set(b, { mode: 'all', widow: block.kind === 'paragraph' && need >= 2 && lines >= 2 });
      need -= lines;
    }
  }
  return keeps;
}

/** Tables that the PDF starts at the top of a page, below text on the page before (pdf/render.ts paginate). */
function tablesStartingPages(doc: RenderDoc): number[] {
  const { placed } = paginate(doc);
  const out: number[] = [];
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    const first = placed.findIndex((u) => u.block === i);
    if (first > 0 && placed[first]!.page > placed[first - 1]!.page) out.push(i);
  });
  return out;
}

/** Groups printed under "（此页无正文）": those right after a page break (spacers aside), as the PDF does. */
function noticeGroups(blocks: readonly Block[]): Set<number> {
  const out = new Set<number>();
  for (const group of keepGroups(blocks)) {
    let b = group.start - 1;
    while (b >= 0 && blocks[b]!.kind === 'spacer') b--;
    if (b >= 0 && blocks[b]!.kind === 'pageBreak') out.add(group.start);
  }
  return out;
}

export async function renderDocx(doc: RenderDoc): Promise<Buffer> {
  const { page } = doc;
  const geometry = pageGeometry(page);
  let drawings = 0;
  const gridPitches = page.grid && { linePitch: geometry.grid!.linePitch / 20, charPitch: geometry.textWidthTwips / 20 / page.grid.chars };
  const [pageWidthMm, pageHeightMm] = page.orientation === 'landscape' ? [297, 210] : [210, 297];
  const nextDrawingId = () => ++drawings;
  const layout: BlockLayout = {
    textWidthTwips: geometry.textWidthTwips,
    textWidthPt: pdfGeometry(page).width,
    bodyPt: pointSizes['3号'],
    smallPt: pointSizes['小4号'],
    grid: gridPitches,
    page: {
      pageWidthMm,
      pageHeightMm,
      marginsMm: page.marginsMm,
      pitchPt: gridPitches ? gridPitches.linePitch : pointSizes['3号'] * 1.5,
      nextDrawingId,
    },
    nextDrawingId,
  };
  const children: (Paragraph | Table)[] = [];
  if (page.letterhead) children.push(letterheadParagraph(page.letterhead, layout.page));
  await woff2Ready();
  const keeps = keepPlan(doc.blocks, layout);
  for (const i of tablesStartingPages(doc)) keeps.set(i, { ...(keeps.get(i) ?? { mode: 'none' }), breakBefore: true });
  const notices = noticeGroups(doc.blocks);
  // Word joins two tables that touch into one; a paragraph keeps them apart. It is a point high, as the PDF has no gap.
  const hairline = () => new Paragraph({ style: styleIds.small, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } });
  doc.blocks.forEach((block, i) => {
    const laid = layoutBlock(block, layout, keeps.get(i));
    if (notices.has(i)) children.push(noticeParagraph());
    if (children.at(-1) instanceof Table && laid[0] instanceof Table) children.push(hairline());
    children.push(...laid);
  });
  // A body must end with a paragraph for Word to open it.
  if (children.length === 0 || children.at(-1) instanceof Table) children.push(hairline());
  const document = new Document({
    title: doc.meta.title,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    customProperties: [
      { name: 'ReviewDeskTemplate', value: doc.meta.templateId },
      { name: 'ReviewDeskTemplateVersion', value: String(doc.meta.templateVersion) },
    ],
    evenAndOddHeaderAndFooters: page.pageNumbers === 'gbt9704',
    styles: documentStyles(geometry.grid),
    sections: [
      {
        properties: {
          // Page 1 has footers and headers of its own: no page number under a 版头, no running header.
          titlePage: page.letterhead || page.header ? true : undefined,
          page: {
            // docx swaps width and height itself for landscape, so it is given the portrait sheet.
            size: {
              width: a4.width,
              height: a4.height,
              orientation: page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwips(page.marginsMm.top),
              bottom: mmToTwips(page.marginsMm.bottom),
              left: mmToTwips(page.marginsMm.left),
              right: mmToTwips(page.marginsMm.right),
              header: mmToTwips(Math.max(5, Math.min(15, page.marginsMm.top - 10))),
              footer: mmToTwips(footerDistanceMm(page)),
            },
          },
          grid: geometry.grid ? { type: DocumentGridType.LINES, linePitch: geometry.grid.linePitch } : undefined,
        },
        headers: headers(page, doc.draft ? () => draftMarkParagraph({ pageWidthMm, pageHeightMm }, nextDrawingId()) : null),
        footers: footers(page),
        children,
      },
    ],
  });
  return finishDocx(document, doc.meta, page.grid ? offGridStyles : []);
}
