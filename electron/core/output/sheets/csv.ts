// Owns writing the score sheets (评分汇总表) as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula injection neutralised.
//
// The cells are the XLSX's, as shown (formulas give their displayed result). A CSV file is one table — a program reading
// it gets one header row and rows of the same columns: the session's file is the summary table (评分汇总), a project's
// file that project's experts × dimensions table with its statistics rows; titles, traces and the investment table stay
// in the XLSX. Names and opinions come from outside, so a cell that a spreadsheet would read as a formula (starting
// with = + - @, tab or CR) gets a leading apostrophe; Excel and WPS then show it as text (OWASP CSV injection).
// Numbers the app wrote itself (e.g. a negative 核减 "-0.50") are not text from outside and are left as they are.
import { firstTable, scoreSheets, type ScoreSheetInput, type SheetCell, type SheetRow } from './model';

const formulaStart = /^[=+\-@\t\r]/;

/** One field: neutralised if it could start a formula, then quoted when it holds a quote, comma, CR or LF. */
export function csvField(cell: SheetCell): string {
  const fromOutside = typeof cell.value === 'string' || cell.value === null;
  const safe = fromOutside && formulaStart.test(cell.text) ? `'${cell.text}` : cell.text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV (bytes, starting with the UTF-8 BOM). */
export function rowsCsv(rows: readonly SheetRow[]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((r) => r.cells.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/**
 * One table as CSV: the session's summary table, or with `projectId` that project's score table — one header row (the
 * maxima folded into it: 必要性（满分25）) and a first column 项目 naming the project on every row.
 */
export function scoreSheetCsv(input: ScoreSheetInput, projectId?: string): Buffer {
  const [sheet] = scoreSheets(input, projectId);
  if (!sheet) return rowsCsv([]);
  const rows = firstTable(sheet);
  if (projectId === undefined) return rowsCsv(rows);
  const project = input.session.projects.find((p) => p.projectId === projectId)!;
  const [names, maxima, ...body] = rows;
  if (!names || !maxima) return rowsCsv(rows);
  const text = (t: string): SheetCell => ({ value: t, text: t });
  const header: SheetRow = {
    kind: 'header',
    cells: [
      text('项目'),
      ...names.cells.map((c, i) => (i > 0 && maxima.cells[i]?.text ? text(`${c.text}（满分${maxima.cells[i]!.text}）`) : c)),
    ],
  };
  return rowsCsv([header, ...body.map((r) => ({ ...r, cells: [text(project.name), ...r.cells] }))]);
}
