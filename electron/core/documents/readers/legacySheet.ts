// Owns reading Excel 97-2003 (.xls) and WPS 表格 (.et) workbooks: sheets for the viewer and the text index, raw cell grids for the 概算表 import.
//
// SheetJS (`@e965/xlsx`, the 0.20 line republished on npm; npm's own `xlsx` stopped at 0.18.5 with open CVEs) is the
// one maintained pure-JavaScript BIFF reader. exceljs, which reads and writes our XLSX, has no BIFF support. A WPS .et
// file is BIFF8 in the same compound file; a workbook that is really an XLSX under an old name is read as one, after
// the OOXML bomb check. Anything else (CSV, HTML pages saved as .xls) is refused: SheetJS would parse it, but such a
// file is not what it claims to be.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Sheet } from '../../../../shared/domain';
import { checkOoxmlParts, OoxmlTooLarge } from '../ooxmlLimits';
import { checkFileSize, isCfb, isZip, READER_LIMITS, ReaderError } from './limits';

/** A cell as the 概算表 import reads it: a number, trimmed text, or empty. Merged cells read their master's value. */
export type GridValue = string | number | null;
export interface SheetCells {
  name: string;
  rows: GridValue[][];
  /** Columns in every row. */
  width: number;
}

const saveAs = '请用 Excel 或 WPS 打开后另存为 .xlsx 再提交。';

/** Parses a workbook held in memory; `file` (when the bytes came from disk) lets a ZIP be bomb-checked before inflating. */
export async function readLegacyWorkbook(name: string, bytes: Uint8Array, file?: string): Promise<XLSX.WorkBook> {
  checkFileSize(name, bytes.length);
  if (isZip(bytes)) {
    try {
      if (file) await checkOoxmlParts(file);
    } catch (err) {
      if (err instanceof OoxmlTooLarge) throw new ReaderError(name, `${err.message}。已停止读取。`);
      throw new ReaderError(name, `文件已损坏，无法按 Excel 工作簿读取。${saveAs}`);
    }
  } else if (!isCfb(bytes)) {
    throw new ReaderError(name, `不是 Excel 97-2003 或 WPS 表格文件（文件头不符，可能已损坏、是网页或文本文件另存的）。${saveAs}`);
  }
  try {
    return XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      sheetRows: READER_LIMITS.sheetRows,
      cellFormula: false,
      cellHTML: false,
      // Column widths (ColInfo) are read only with styles; the grid needs them.
      cellStyles: true,
      bookVBA: false,
    });
  } catch {
    throw new ReaderError(name, `文件已损坏或不完整，无法按 Excel 97-2003 格式读取。${saveAs}`);
  }
}

export async function readLegacyWorkbookFile(file: string): Promise<XLSX.WorkBook> {
  const name = path.basename(file);
  checkFileSize(name, (await fs.stat(file)).size);
  return readLegacyWorkbook(name, await fs.readFile(file), file);
}

interface Bounds {
  rows: number;
  columns: number;
}

function boundsOf(ws: XLSX.WorkSheet): Bounds {
  if (!ws['!ref']) return { rows: 0, columns: 0 };
  const range = XLSX.utils.decode_range(ws['!ref']);
  return {
    rows: Math.min(range.e.r + 1, READER_LIMITS.sheetRows),
    columns: Math.min(range.e.c + 1, READER_LIMITS.sheetColumns),
  };
}

const cellAt = (ws: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined => ws['!data']?.[r]?.[c];

/** Merged ranges inside the shown bounds, as the viewer's [top, left, bottom, right]. */
function mergesOf(ws: XLSX.WorkSheet, b: Bounds): Sheet['merges'] {
  return (ws['!merges'] ?? [])
    .filter((m) => m.s.r < b.rows && m.s.c < b.columns)
    .map((m): Sheet['merges'][number] => [m.s.r, m.s.c, Math.min(m.e.r, b.rows - 1), Math.min(m.e.c, b.columns - 1)]);
}

/** What the cell shows: the formatted text SheetJS computed from the number format, else the value. */
function shownText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.v === undefined) return '';
  if (cell.t === 'e') return cell.w ?? '#错误';
  return (cell.w ?? String(cell.v)).trim();
}

/** Every cell of a merged range takes its master's value, as exceljs reads an XLSX, so both formats give the same rows. */
function fillMerges<T>(rows: T[][], merges: Sheet['merges']): T[][] {
  for (const [top, left, bottom, right] of merges) {
    const master = rows[top]![left]!;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) rows[r]![c] = master;
  }
  return rows;
}

/** Every sheet as the XLSX viewer shows it (the same limits: 5,000 rows, 200 columns). */
export function workbookSheets(wb: XLSX.WorkBook): Sheet[] {
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]!;
    const b = boundsOf(ws);
    const merges = mergesOf(ws, b);
    const rows = Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.columns }, (_, c) => shownText(cellAt(ws, r, c))));
    const widths = ws['!cols'] ?? [];
    const columnWidths = Array.from({ length: b.columns }, (_, c) => widths[c]?.width ?? 10);
    return { name, rows: fillMerges(rows, merges), merges, columnWidths };
  });
}

function gridValue(cell: XLSX.CellObject | undefined): GridValue {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'n') return Number.isFinite(cell.v) ? (cell.v as number) : null;
  if (cell.t === 'b') return String(cell.v);
  if (cell.t === 'd') return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
  if (cell.t === 's') return String(cell.v).trim() || null;
  return null;
}

/** Every sheet's values, at most `maxColumns` wide, merged ranges filled with their master's value (as exceljs reads them). */
export function workbookCells(wb: XLSX.WorkBook, maxColumns: number): SheetCells[] {
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]!;
    const b = boundsOf(ws);
    const width = Math.min(maxColumns, b.columns);
    const rows = Array.from({ length: b.rows }, (_, r) => Array.from({ length: width }, (_, c) => gridValue(cellAt(ws, r, c))));
    return { name, rows: fillMerges(rows, mergesOf(ws, { rows: b.rows, columns: width })), width };
  });
}
