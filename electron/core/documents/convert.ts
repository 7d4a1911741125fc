// Owns turning untrusted DOCX and XLSX files into display data: sanitized HTML (mammoth) and sheet grids (exceljs).
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { RenderedDocument, Sheet } from '../../../shared/domain';

/** Chinese Word installs name the built-in heading styles 标题 1…; mammoth knows only the English names. */
export const styleMap = [1, 2, 3, 4, 5, 6].flatMap((n) => [
  `p[style-name='标题 ${n}'] => h${n}:fresh`,
  `p[style-name='标题${n}'] => h${n}:fresh`,
]);

/** The viewer kinds shown from converted data (the render worker), not from the file's own bytes. */
export const renderableKinds = ['docx', 'xlsx', 'doc', 'xls', 'ofd'] as const;
export type RenderableKind = (typeof renderableKinds)[number];
export const isRenderable = (kind: string): kind is RenderableKind => (renderableKinds as readonly string[]).includes(kind);

const MAX_ROWS = 5000;
const MAX_COLUMNS = 200;

export async function docxToHtml(file: string): Promise<RenderedDocument> {
  const result = await mammoth.convertToHtml({ path: file }, { styleMap });
  return { kind: 'html', html: sanitizeMammothHtml(result.value), warnings: result.messages.map((m) => m.message).slice(0, 20) };
}

/**
 * mammoth escapes all text and emits a fixed set of tags; what a hostile document still controls is link targets and
 * image sources. Keep only in-document anchors and embedded raster images, so nothing can load or navigate anywhere.
 */
export function sanitizeMammothHtml(html: string): string {
  return html
    .replace(/\s(href)="(?!#)[^"]*"/gi, '')
    .replace(/\ssrc="(?!data:image\/(?:png|jpeg|gif|bmp|webp);base64,)[^"]*"/gi, '')
    .replace(/\son[a-z]+="[^"]*"/gi, '');
}

export async function xlsxToSheets(file: string): Promise<RenderedDocument> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: Sheet[] = [];
  workbook.eachSheet((ws) => {
    const rowCount = Math.min(ws.actualRowCount ? ws.rowCount : 0, MAX_ROWS);
    const columnCount = Math.min(ws.columnCount, MAX_COLUMNS);
    const rows: string[][] = [];
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= columnCount; c++) cells.push(cellText(row.getCell(c)));
      rows.push(cells);
    }
    const merges = ((ws.model as { merges?: string[] }).merges ?? [])
      .map(parseRange)
      .filter((m): m is Sheet['merges'][number] => m !== null && m[0] < rowCount && m[1] < columnCount);
    const columnWidths = Array.from({ length: columnCount }, (_, i) => ws.getColumn(i + 1).width ?? 10);
    sheets.push({ name: ws.name, rows, merges, columnWidths });
  });
  return { kind: 'sheets', sheets };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v && typeof v === 'object' && 'formula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return '';
    return typeof result === 'number'
      ? formatNumber(result, cell.numFmt)
      : String(typeof result === 'object' && 'error' in result ? result.error : result);
  }
  if (typeof v === 'number') return formatNumber(v, cell.numFmt);
  return cell.text ?? '';
}

function formatNumber(n: number, numFmt: string | undefined): string {
  const decimals = numFmt?.match(/0\.(0+)/)?.[1]!.length ?? (Number.isInteger(n) ? 0 : 2);
  return n.toLocaleString('zh-CN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: Boolean(numFmt?.includes(',')),
  });
}

/** 'B2:D4' → [1, 1, 3, 3] (zero-based, inclusive). */
function parseRange(range: string): Sheet['merges'][number] | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return null;
  return [Number(m[2]) - 1, columnIndex(m[1]!), Number(m[4]) - 1, columnIndex(m[3]!)];
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
