// Owns the DOCX paragraph styles (样式): one per block kind, each naming its role's standard font and 字号.
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { pointSizes, tableSizes, type FontRole } from '../model';
import { tableLineFactor } from '../pdf/table';
import { fontNames, runFonts, songFont } from './fonts';

export const styleIds = {
  body: 'RDBody',
  small: 'RDSmall',
  title: 'RDTitle',
  docNumber: 'RDDocNumber',
  addressee: 'RDAddressee',
  heading: { 1: 'RDHeading1', 2: 'RDHeading2', 3: 'RDHeading3' },
  table: 'RDTable',
  tableSmall: 'RDTableSmall',
  signature: 'RDSignature',
  header: 'RDHeader',
  pageNumber: 'RDPageNumber',
  record: 'RDRecord',
} as const;

const halfPoints = (pt: number) => Math.round(pt * 2);

/** Styles whose text is not 3号 body text: off the document grid (their own pitch and exact line height). */
export const offGridStyles = [
  styleIds.title,
  styleIds.small,
  styleIds.table,
  styleIds.tableSmall,
  styleIds.signature,
  styleIds.header,
  styleIds.record,
] as const;

/** Line pitch of the PDF renderer without a grid: 1.5 × the size (pdf/flow.ts). */
const naturalLine = (pt: number) => Math.round(pt * 1.5 * 20);

/**
 * Styles for a document. Every spacing names its w:lineRule, so Word, WPS and LibreOffice space lines alike (a w:line
 * without a rule is read as "auto" by some and not others): the lines of a letter on the 版心 grid are `exact` at the
 * grid's pitch (`gridPitch`, twips), as the PDF sets them; without a grid each style is `exact` at 1.5 × its size, and
 * table text at 1.4 × its size (pdf/table.ts), so a DOCX page holds what a PDF page holds. Text in another size than
 * the body's (title, tables, small print, signatures, header, 版记) keeps its own character pitch (w:snapToGrid off in
 * its runs), as in the PDF; 3号 text on the grid is spaced to the grid's 28 characters a line (`grid.charSpacing`). Widow control is off (the PDF has none); the keep rules are set per paragraph (blocks.ts).
 */
export function documentStyles(grid: { linePitch: number; charSpacing: number } | null): IStylesOptions {
  const gridPitch = grid?.linePitch ?? null;
  const body = pointSizes['3号'];
  const small = pointSizes['小4号'];
  const exact = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
  const lineOf = (pt: number) => exact(gridPitch ?? naturalLine(pt));
  // Text off the character grid (w:snapToGrid off in the run properties; finish.ts turns it off in the paragraph's).
  const offGrid = new Set<string>(offGridStyles);
  const style = (
    id: string,
    name: string,
    role: FontRole,
    sizePt: number,
    paragraph: IParagraphStyleOptions['paragraph'],
    bold = false,
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: styleIds.body,
    quickFormat: true,
    run: {
      font: runFonts(fontNames[role]),
      size: halfPoints(sizePt),
      bold,
      snapToGrid: offGrid.has(id) ? false : undefined,
      // 3号 text on the grid: 28 characters a line (render.ts pageGeometry).
      characterSpacing: grid && !offGrid.has(id) && sizePt === body ? grid.charSpacing : undefined,
    },
    paragraph,
  });
  const indented = gridPitch ? { firstLineChars: 200, firstLine: 2 * body * 20 } : undefined;
  const tableLine = (pt: number) => exact(Math.round(pt * tableLineFactor * 20));
  return {
    default: {
      document: {
        run: { font: runFonts(fontNames.fangsong), size: halfPoints(body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      // Normal is 3号 仿宋 in its own right: Word and LibreOffice derive the character grid's pitch (docGrid charSpace)
      // from Normal's size (LibreOffice reads the style, not the document defaults).
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: runFonts(fontNames.fangsong), size: halfPoints(body) },
        paragraph: { spacing: lineOf(body) },
      },
      style(styleIds.body, '正文（评审）', 'fangsong', body, { alignment: AlignmentType.JUSTIFIED, spacing: lineOf(body) }),
      style(styleIds.small, '小字正文', 'fangsong', small, { alignment: AlignmentType.JUSTIFIED, spacing: lineOf(small) }),
      style(styleIds.title, '公文标题', 'xiaobiaosong', pointSizes['2号'], {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        keepLines: true,
        spacing: lineOf(pointSizes['2号']),
      }),
      style(styleIds.docNumber, '发文字号', 'fangsong', body, { alignment: AlignmentType.CENTER, spacing: lineOf(body) }),
      style(styleIds.addressee, '主送机关', 'fangsong', body, { alignment: AlignmentType.LEFT, spacing: lineOf(body) }),
      style(styleIds.heading[1], '一级标题', 'hei', body, {
        alignment: AlignmentType.JUSTIFIED,
        indent: indented,
        keepNext: true,
        outlineLevel: 0,
        spacing: lineOf(body),
      }),
      style(styleIds.heading[2], '二级标题', 'kai', body, {
        alignment: AlignmentType.JUSTIFIED,
        indent: indented,
        keepNext: true,
        outlineLevel: 1,
        spacing: lineOf(body),
      }),
      style(
        styleIds.heading[3],
        '三级标题',
        'fangsong',
        body,
        { alignment: AlignmentType.JUSTIFIED, indent: indented, keepNext: true, outlineLevel: 2, spacing: lineOf(body) },
        true,
      ),
      style(styleIds.table, '表格文字', 'fangsong', tableSizes.body, { spacing: tableLine(tableSizes.body) }),
      style(styleIds.tableSmall, '表格小字', 'fangsong', tableSizes.small, { spacing: tableLine(tableSizes.small) }),
      style(styleIds.signature, '签名', 'fangsong', gridPitch ? body : small, {
        alignment: AlignmentType.LEFT,
        spacing: exact(gridPitch ?? Math.round(small * 1.8 * 20)),
      }),
      style(styleIds.header, '页眉文字', 'fangsong', pointSizes['5号'], {
        alignment: AlignmentType.CENTER,
        spacing: exact(Math.round(pointSizes['5号'] * 1.2 * 20)),
      }),
      style(styleIds.record, '版记', 'fangsong', pointSizes['4号'], {
        alignment: AlignmentType.LEFT,
        spacing: exact(gridPitch ?? naturalLine(pointSizes['4号'])),
      }),
      {
        id: styleIds.pageNumber,
        name: '页码',
        basedOn: 'Normal',
        run: { font: runFonts(songFont, songFont), size: halfPoints(pointSizes['4号']), snapToGrid: false },
        paragraph: { spacing: exact(pointSizes['4号'] * 20) },
      },
    ],
  };
}
