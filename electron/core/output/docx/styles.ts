// Owns the DOCX paragraph styles (样式): one per block kind, each naming its role's standard font and 字号.
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { pointSizes, type FontRole } from '../model';
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
} as const;

const halfPoints = (pt: number) => Math.round(pt * 2);

/**
 * Styles for a document. With a 版心 grid, body lines snap to it (one grid line each); Word does not add the grid's line
 * pitch inside table cells, and table text is kept off the character grid. Without a grid, body text gets 1.5 lines.
 */
export function documentStyles(grid: boolean): IStylesOptions {
  const body = pointSizes['3号'];
  const small = pointSizes['小4号'];
  const bodyLine = grid ? { line: 240 } : { line: 360 };
  // Table, header and signature text keeps its own character pitch (w:snapToGrid off in the run properties).
  const offGrid = new Set<string>([styleIds.table, styleIds.tableSmall, styleIds.signature, styleIds.header]);
  const style = (id: string, name: string, role: FontRole, sizePt: number, paragraph: IParagraphStyleOptions['paragraph'], bold = false): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: styleIds.body,
    quickFormat: true,
    run: { font: runFonts(fontNames[role]), size: halfPoints(sizePt), bold, snapToGrid: offGrid.has(id) ? false : undefined },
    paragraph,
  });
  const indented = { firstLineChars: 200, firstLine: 2 * body * 20 };
  return {
    default: {
      document: {
        // Normal is 3号 仿宋: Word derives the grid's character pitch (docGrid charSpace) from Normal's size.
        run: { font: runFonts(fontNames.fangsong), size: halfPoints(body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { before: 0, after: 0, line: 240 } },
      },
    },
    paragraphStyles: [
      style(styleIds.body, '正文（评审）', 'fangsong', body, { alignment: AlignmentType.JUSTIFIED, spacing: bodyLine }),
      style(styleIds.small, '小字正文', 'fangsong', small, { alignment: AlignmentType.JUSTIFIED }),
      style(styleIds.title, '公文标题', 'xiaobiaosong', pointSizes['2号'], { alignment: AlignmentType.CENTER, keepNext: true }),
      style(styleIds.docNumber, '发文字号', 'fangsong', body, { alignment: AlignmentType.CENTER, spacing: bodyLine }),
      style(styleIds.addressee, '主送机关', 'fangsong', body, { alignment: AlignmentType.LEFT, spacing: bodyLine }),
      style(styleIds.heading[1], '一级标题', 'hei', body, { alignment: AlignmentType.JUSTIFIED, indent: indented, keepNext: true, outlineLevel: 0, spacing: bodyLine }),
      style(styleIds.heading[2], '二级标题', 'kai', body, { alignment: AlignmentType.JUSTIFIED, indent: indented, keepNext: true, outlineLevel: 1, spacing: bodyLine }),
      style(styleIds.heading[3], '三级标题', 'fangsong', body, { alignment: AlignmentType.JUSTIFIED, indent: indented, keepNext: true, outlineLevel: 2, spacing: bodyLine }, true),
      style(styleIds.table, '表格文字', 'fangsong', body, {}),
      style(styleIds.tableSmall, '表格小字', 'fangsong', small, {}),
      style(styleIds.signature, '签名', 'fangsong', body, { alignment: AlignmentType.LEFT, spacing: { line: 300 } }),
      style(styleIds.header, '页眉文字', 'fangsong', small, { alignment: AlignmentType.CENTER }),
      {
        id: styleIds.pageNumber,
        name: '页码',
        basedOn: 'Normal',
        run: { font: runFonts(songFont, songFont), size: halfPoints(pointSizes['4号']), snapToGrid: false },
        paragraph: { spacing: { line: pointSizes['4号'] * 20, lineRule: LineRuleType.EXACT } },
      },
    ],
  };
}
