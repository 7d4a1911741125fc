// Owns writing the score sheets (评分汇总表) as an XLSX workbook with exceljs: formulas with cached results, frozen headers, A4 landscape print setup, protection.
//
// - Totals, means, medians, trimmed means, 标准差 (STDEVP, population, as the aggregation) and 核减 are real formulas,
//   each with its cached result, so viewers that never recalculate (previewers, phones) still show the numbers.
// - Each sheet is protected WITHOUT a password: it guards against accidental edits, and staff who need to change a
//   cell can lift it deliberately (Excel: 审阅 → 撤消工作表保护; WPS: 审阅 → 撤销工作表保护) without asking anyone.
// - Determinism: exceljs stamps each ZIP entry with the current time (JSZip), so the parts are re-zipped with the
//   fixed timestamp the .docx writer uses; created/modified come from the input. Same inputs → same bytes.
import ExcelJS from 'exceljs';
import { readDocxParts, writeDocxParts } from '../docx/zip';
import { columnLetter, scoreSheets, type CellFormat, type RowKind, type ScoreSheetInput, type SheetModel } from './model';

const font = 'SimSun'; // 宋体: present wherever Excel or WPS runs with Chinese support.

/** Excel number format of a cell; scores as entered keep the General format (17.5, 18). */
function numberFormat(format: CellFormat | undefined, decimals: number): string | undefined {
  if (format === 'figure') return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  if (format === 'wan') return '#,##0.00';
  if (format === 'percent') return '0.00%';
  return undefined;
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Rows that are one line of text across the sheet (merged). */
const spanning: ReadonlySet<RowKind> = new Set(['title', 'subtitle', 'section', 'note']);

function writeSheet(workbook: ExcelJS.Workbook, model: SheetModel): void {
  const width = model.widths.length;
  const sheet = workbook.addWorksheet(model.name, {
    views: [
      {
        state: 'frozen',
        xSplit: model.frozenColumns,
        ySplit: model.headerRows,
        topLeftCell: `${columnLetter(model.frozenColumns + 1)}${model.headerRows + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `1:${model.headerRows}`,
    },
    // &C: the centre section of the footer (Excel's header/footer codes); the page number and count in it.
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  model.widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  model.rows.forEach((r, index) => {
    const rowNumber = index + 1;
    const row = sheet.getRow(rowNumber);
    r.cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = c.formula ? { formula: c.formula, result: c.value ?? undefined } : c.value;
      const format = numberFormat(c.format, model.decimals);
      if (format) cell.numFmt = format;
    });
    const isTable = r.kind === 'header' || r.kind === 'body' || r.kind === 'summary';
    for (let i = 1; i <= width; i += 1) {
      const cell = row.getCell(i);
      cell.font = {
        name: font,
        size: r.kind === 'title' ? 16 : 11,
        bold: r.kind === 'title' || r.kind === 'header' || r.kind === 'section' || (r.kind === 'summary' && i === 1),
      };
      cell.alignment = spanning.has(r.kind)
        ? { horizontal: r.kind === 'title' ? 'center' : 'left', vertical: 'middle', wrapText: r.kind === 'note' }
        : {
            horizontal: i === 1 || typeof r.cells[i - 1]?.value === 'string' ? (i === 1 ? 'left' : 'center') : 'right',
            vertical: 'middle',
            wrapText: true,
          };
      if (isTable) cell.border = border;
    }
    if (spanning.has(r.kind)) {
      sheet.mergeCells(rowNumber, 1, rowNumber, width);
      // A merged note row does not grow by itself: give it the lines its text needs across the sheet's width.
      if (r.kind === 'note')
        row.height = 15 * Math.max(1, Math.ceil(((r.cells[0]?.text.length ?? 0) * 2) / model.widths.reduce((a, b) => a + b, 0)));
    }
    if (r.kind === 'title') row.height = 28;
  });
}

/** The session's score sheets (summary + one per project), or one project's sheet when `projectId` is given. */
export async function scoreSheetXlsx(input: ScoreSheetInput, projectId?: string): Promise<Buffer> {
  return sheetsXlsx(scoreSheets(input, projectId), {
    title: `评分汇总表（${input.sessionTitle}）`,
    author: input.author,
    createdAt: input.createdAt,
  });
}

/** Any sheets laid out as SheetModel (score sheets, the 发文登记) as one protected, deterministic workbook. */
export async function sheetsXlsx(
  models: readonly SheetModel[],
  meta: { title: string; author: string; createdAt: string },
): Promise<Buffer> {
  const at = new Date(meta.createdAt);
  if (Number.isNaN(at.getTime())) throw new Error(`${meta.title}：createdAt 不是有效的 ISO 8601 时间：“${meta.createdAt}”`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.author;
  workbook.lastModifiedBy = meta.author;
  workbook.created = at;
  workbook.modified = at;
  workbook.title = meta.title;
  for (const model of models) writeSheet(workbook, model);
  for (const sheet of workbook.worksheets) {
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  const packed = await workbook.xlsx.writeBuffer();
  return writeDocxParts(await readDocxParts(new Uint8Array(packed as ArrayBuffer)));
}
