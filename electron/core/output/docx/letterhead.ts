// Owns the DOCX 信函格式 版头 and 版记: the 发文机关标志 and the red double lines as shapes floating at fixed places on
// page 1 (so Word, WPS and LibreOffice put them where GB/T 9704 10.1 says, whatever the text does), the 发文字号 as the
// body's first paragraph, and the 版记 as a text box anchored to the foot of the last page's 版心. The measures are the
// PDF's (model.ts letterheadMm; pdf/blocks.ts renderLetterhead).
import { AlignmentType, HorizontalPositionRelativeFrom, Paragraph, TextRun, TextWrappingType, VerticalPositionRelativeFrom } from 'docx';
import { ShapeRun } from 'docx/shapes';
import { letterheadMm, letterheadRed, pointSizes, type Block, type Letterhead } from '../model';
import { textWidth } from '../pdf/text';
import { fontNames, runFonts } from './fonts';
import { styleIds } from './styles';

const emuPerMm = 36000;
const pxPerMm = 96 / 25.4;
const red = letterheadRed.replace('#', '').toUpperCase();
const ptToMm = (pt: number) => (pt * 25.4) / 72;

export interface LetterheadPage {
  pageWidthMm: number;
  pageHeightMm: number;
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** Line pitch of the body in points (the grid's). */
  pitchPt: number;
  nextDrawingId: () => number;
}

/** A red bar (one stroke of a double line) floating at a place on the page, in millimetres. */
function bar(left: number, top: number, width: number, height: number, id: number, color = red): ShapeRun {
  return new ShapeRun({
    type: 'rectangle',
    transformation: { width: width * pxPerMm, height: height * pxPerMm },
    fill: color,
    line: 'none',
    altText: { id: String(id), name: `线 ${id}`, description: color === red ? '信函格式红色双线' : '版记分隔线' },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: Math.round(left * emuPerMm) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: Math.round(top * emuPerMm) },
      wrap: { type: TextWrappingType.NONE },
      allowOverlap: true,
      behindDocument: false,
    },
  });
}

/** The text box of the 发文机关标志: red 小标宋 centred in a box whose top is the mark's top (30 mm). */
function markBox(text: string, sizePt: number, left: number, width: number, id: number): ShapeRun {
  const top = letterheadMm.markTop;
  return new ShapeRun({
    type: 'rectangle',
    transformation: { width: width * pxPerMm, height: ptToMm(sizePt * 1.2) * pxPerMm },
    line: 'none',
    altText: { id: String(id), name: `发文机关标志 ${id}`, description: '发文机关标志' },
    textOptions: { margins: { top: 0, right: 0, bottom: 0, left: 0 }, verticalAlignment: 'top', wrap: false },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(sizePt * 1.2 * 20), lineRule: 'exact', before: 0, after: 0 },
        children: [
          new TextRun({ text, color: red, size: Math.round(sizePt * 2), font: runFonts(fontNames.xiaobiaosong), snapToGrid: false }),
        ],
      }),
    ],
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: Math.round(left * emuPerMm) },
      // The em box sits in the middle of the 1.2-em line: the box starts 0.1 em above the mark's top.
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: Math.round((top - ptToMm(sizePt * 0.1)) * emuPerMm) },
      wrap: { type: TextWrappingType.NONE },
      allowOverlap: true,
    },
  });
}

/**
 * The 版头 of page 1 and the 发文字号 as one paragraph, the body's first: its space before puts the 发文字号 7/8 of a
 * 3号 character under the first red double line; its space after is the blank line before the title.
 */
export function letterheadParagraph(head: Letterhead, page: LetterheadPage): Paragraph {
  const L = letterheadMm;
  const textLeft = page.marginsMm.left;
  const textWidth_ = page.pageWidthMm - page.marginsMm.left - page.marginsMm.right;
  const centre = textLeft + textWidth_ / 2;
  const natural = ptToMm(textWidth(head.mark, 'xiaobiaosong', L.markSizePt));
  const size = natural > textWidth_ ? (L.markSizePt * textWidth_) / natural : L.markSizePt;
  const lineLeft = centre - L.lineLength / 2;
  const doubleHeight = L.thick + L.between + L.thin;
  const lineTop = L.markTop + ptToMm(size) + L.lineGap;
  const bottomTop = page.pageHeightMm - L.bottomLineFromPageBottom - doubleHeight;
  const numberTop = lineTop + doubleHeight + ptToMm((7 / 8) * pointSizes['3号']);
  const shapes = [
    markBox(head.mark, size, textLeft, textWidth_, page.nextDrawingId()),
    bar(lineLeft, lineTop, L.lineLength, L.thick, page.nextDrawingId()),
    bar(lineLeft, lineTop + L.thick + L.between, L.lineLength, L.thin, page.nextDrawingId()),
    bar(lineLeft, bottomTop, L.lineLength, L.thin, page.nextDrawingId()),
    bar(lineLeft, bottomTop + L.thin + L.between, L.lineLength, L.thick, page.nextDrawingId()),
  ];
  const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
  return new Paragraph({
    style: styleIds.docNumber,
    alignment: AlignmentType.RIGHT,
    indent: { firstLine: 0 },
    spacing: {
      before: Math.max(0, twips(numberTop - page.marginsMm.top)),
      after: head.docNumber ? Math.round(page.pitchPt * 20) : 0,
      line: Math.round(page.pitchPt * 20),
      lineRule: 'exact',
    },
    children: [...shapes, new TextRun(head.docNumber)],
  });
}

/**
 * 版记 (GB/T 9704 7.4; 信函格式 10.1): a text box at the foot of the 版心 of the page its anchor (the document's last
 * paragraph) is on, 4号仿宋, 抄送 左右各空一字 with wrapped lines under the names, 印发机关 and 印发日期; with `rules`, a
 * thick line above and below and a thin one between. Text flows above and below it, never beside.
 */
export function recordParagraph(b: Extract<Block, { kind: 'record' }>, page: LetterheadPage, lines: number): Paragraph {
  const size = pointSizes['4号'];
  const lineMm = ptToMm(page.pitchPt);
  const widthMm = page.pageWidthMm - page.marginsMm.left - page.marginsMm.right;
  const heightMm = lines * lineMm;
  const topMm = page.pageHeightMm - page.marginsMm.bottom - heightMm;
  const one = size * 20;
  const paragraphs: Paragraph[] = [];
  const line = { line: Math.round(page.pitchPt * 20), lineRule: 'exact' as const, before: 0, after: 0 };
  const label = '抄送：';
  const labelTwips = Math.round(textWidth(label, 'fangsong', size) * 20);
  if (b.copyTo) {
    paragraphs.push(
      new Paragraph({
        style: styleIds.record,
        alignment: AlignmentType.JUSTIFIED,
        spacing: line,
        indent: { left: one + labelTwips, hanging: labelTwips, right: one },
        children: [new TextRun(`${label}${b.copyTo}`)],
      }),
    );
  }
  if (b.printer || b.printedOn) {
    paragraphs.push(
      new Paragraph({
        style: styleIds.record,
        spacing: line,
        indent: { left: one, right: one },
        tabStops: [{ type: 'right', position: Math.round((widthMm * 1440) / 25.4) - 2 * one }],
        children: [new TextRun(b.printer), new TextRun({ text: b.printedOn ? `\t${b.printedOn}印发` : '' })],
      }),
    );
  }
  const id = page.nextDrawingId();
  const box = new ShapeRun({
    type: 'rectangle',
    transformation: { width: widthMm * pxPerMm, height: heightMm * pxPerMm },
    line: 'none',
    altText: { id: String(id), name: `版记 ${id}`, description: '版记' },
    textOptions: { margins: { top: 0, right: 0, bottom: 0, left: 0 }, verticalAlignment: 'bottom', wrap: true },
    children: paragraphs,
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: Math.round(page.marginsMm.left * emuPerMm) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: Math.round(topMm * emuPerMm) },
      wrap: { type: TextWrappingType.TOP_AND_BOTTOM },
      allowOverlap: false,
    },
  });
  // The separator lines (thick over the first and under the last element, thin between) as black bars.
  const bars: ShapeRun[] = [];
  if (b.rules) {
    const left = page.marginsMm.left;
    const rows = (b.copyTo ? lines - (b.printer || b.printedOn ? 1 : 0) : 0) * lineMm;
    bars.push(bar(left, topMm, widthMm, 0.35, page.nextDrawingId(), '000000'));
    if (b.copyTo && (b.printer || b.printedOn)) bars.push(bar(left, topMm + rows, widthMm, 0.25, page.nextDrawingId(), '000000'));
    bars.push(bar(left, topMm + heightMm - 0.35, widthMm, 0.35, page.nextDrawingId(), '000000'));
  }
  return new Paragraph({ style: styleIds.small, spacing: { line: 20, lineRule: 'exact', before: 0, after: 0 }, children: [box, ...bars] });
}
