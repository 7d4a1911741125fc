// Owns rendering a RenderDoc to DOCX bytes: page setup (版心 grid), running header, page numbers, properties.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { pointSizes, type PageSetup, type RenderDoc } from '../model';
import { layoutBlock } from './blocks';
import { finishDocx } from './finish';
import { documentStyles, styleIds } from './styles';

/** A4 in twips (1/20 pt). */
const a4 = { width: 11906, height: 16838 };
export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);
const ptToMm = (pt: number) => (pt * 25.4) / 72;

/** GB/T 9704 7.5: the page number sits 7 mm below the text area (版心下边缘). */
const pageNumberGapMm = 7;

export interface PageGeometry {
  widthTwips: number;
  heightTwips: number;
  textWidthTwips: number;
  textHeightTwips: number;
  /** w:docGrid values when the page has a 版心 grid. */
  grid: { linePitch: number; charSpace: number } | null;
}

/**
 * The page in twips and its document grid. Word lays out `lines` lines when linePitch = text height ÷ lines, and
 * `chars` characters of the Normal style's size when charSpace = (text width ÷ chars − Normal size in pt) × 4096;
 * both are rounded down so the whole count fits.
 */
export function pageGeometry(page: PageSetup): PageGeometry {
  const [widthTwips, heightTwips] = page.orientation === 'landscape' ? [a4.height, a4.width] : [a4.width, a4.height];
  const m = page.marginsMm;
  const textWidthTwips = widthTwips - mmToTwips(m.left) - mmToTwips(m.right);
  const textHeightTwips = heightTwips - mmToTwips(m.top) - mmToTwips(m.bottom);
  const grid = page.grid && {
    linePitch: Math.floor(textHeightTwips / page.grid.lines),
    charSpace: Math.floor((textWidthTwips / 20 / page.grid.chars - pointSizes['3号']) * 4096),
  };
  return { widthTwips, heightTwips, textWidthTwips, textHeightTwips, grid };
}

function pageNumberParagraph(align: 'left' | 'right' | 'center', children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]): Paragraph {
  const oneChar = pointSizes['4号'] * 20;
  return new Paragraph({
    style: styleIds.pageNumber,
    alignment: align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
    indent: align === 'left' ? { left: oneChar } : align === 'right' ? { right: oneChar } : undefined,
    children: [new TextRun({ children })],
  });
}

/** GB/T 9704 7.5: "— 1 —", odd pages one character in from the right, even pages from the left. */
function footers(page: PageSetup): ISectionOptions['footers'] {
  switch (page.pageNumbers) {
    case 'gbt9704':
      return {
        default: new Footer({ children: [pageNumberParagraph('right', ['— ', PageNumber.CURRENT, ' —'])] }),
        even: new Footer({ children: [pageNumberParagraph('left', ['— ', PageNumber.CURRENT, ' —'])] }),
      };
    case 'center':
      return { default: new Footer({ children: [pageNumberParagraph('center', ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'])] }) };
    case 'none':
      return undefined;
  }
}

function headers(page: PageSetup): ISectionOptions['headers'] {
  if (!page.header) return undefined;
  const header = () => new Header({ children: [new Paragraph({ style: styleIds.header, children: [new TextRun(page.header)] })] });
  return page.pageNumbers === 'gbt9704' ? { default: header(), even: header() } : { default: header() };
}

export async function renderDocx(doc: RenderDoc): Promise<Buffer> {
  const { page } = doc;
  const geometry = pageGeometry(page);
  let drawings = 0;
  const layout = { textWidthTwips: geometry.textWidthTwips, bodyPt: pointSizes['3号'], smallPt: pointSizes['小4号'], nextDrawingId: () => ++drawings };
  const children: (Paragraph | Table)[] = [];
  for (const block of doc.blocks) {
    const laid = layoutBlock(block, layout);
    // Word joins two tables that touch into one; a paragraph keeps them apart.
    if (children.at(-1) instanceof Table && laid[0] instanceof Table) children.push(new Paragraph({ style: styleIds.small }));
    children.push(...laid);
  }
  // A body must end with a paragraph for Word to open it.
  if (children.length === 0 || children.at(-1) instanceof Table) children.push(new Paragraph({ style: styleIds.small }));
  const footerLineMm = ptToMm(pointSizes['4号']);
  const document = new Document({
    title: doc.meta.title,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    customProperties: [
      { name: 'ReviewDeskTemplate', value: doc.meta.templateId },
      { name: 'ReviewDeskTemplateVersion', value: String(doc.meta.templateVersion) },
    ],
    evenAndOddHeaderAndFooters: page.pageNumbers === 'gbt9704',
    styles: documentStyles(geometry.grid !== null),
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for landscape, so it is given the portrait sheet.
            size: { width: a4.width, height: a4.height, orientation: page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwips(page.marginsMm.top),
              bottom: mmToTwips(page.marginsMm.bottom),
              left: mmToTwips(page.marginsMm.left),
              right: mmToTwips(page.marginsMm.right),
              header: mmToTwips(Math.max(5, Math.min(15, page.marginsMm.top - 10))),
              footer: mmToTwips(Math.max(5, page.marginsMm.bottom - pageNumberGapMm - footerLineMm)),
            },
          },
          grid: geometry.grid ? { type: DocumentGridType.LINES_AND_CHARS, ...geometry.grid } : undefined,
        },
        headers: headers(page),
        footers: footers(page),
        children,
      },
    ],
  });
  return finishDocx(await Packer.toBuffer(document), doc.meta);
}
