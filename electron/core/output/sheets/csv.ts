// Owns writing the score sheets (评分汇总表) as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula injection neutralised.
//
// The cells are the XLSX's, as shown (formulas give their displayed result). Sheets follow one another, separated by
// an empty line. Names and opinions come from outside, so a cell that a spreadsheet would read as a formula (starting
// with = + - @, tab or CR) gets a leading apostrophe; Excel and WPS then show it as text (OWASP CSV injection).
// Numbers the app wrote itself (e.g. a negative 核减 "-0.50") are not text from outside and are left as they are.
import { scoreSheets, type ScoreSheetInput, type SheetCell, type SheetModel } from './model';

const formulaStart = /^[=+\-@\t\r]/;

/** One field: neutralised if it could start a formula, then quoted when it holds a quote, comma, CR or LF. */
export function csvField(cell: SheetCell): string {
  const fromOutside = typeof cell.value === 'string' || cell.value === null;
  const safe = fromOutside && formulaStart.test(cell.text) ? `'${cell.text}` : cell.text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function sheetLines(model: SheetModel): string[] {
  return model.rows.map((r) => r.cells.map(csvField).join(','));
}

/** The same sheets as scoreSheetXlsx, as one CSV file (bytes, starting with the UTF-8 BOM). */
export function scoreSheetCsv(input: ScoreSheetInput, projectId?: string): Buffer {
  const blocks = scoreSheets(input, projectId).map(sheetLines);
  const lines = blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
