// Owns importing an applicant's 概算表 from XLSX, .xls or WPS .et: finding the header rows (表头, merged cells included), proposing which column is which and whether money is in 元 or 万元, and reading the lines under a confirmed mapping.
//
// XLSX is read by exceljs; the binary Excel 97-2003 .xls and WPS .et (an OLE compound file) by SheetJS 0.20
// (documents/readers/legacySheet.ts; not npm `xlsx` 0.18.5, which has open CVEs). Both become the same grid of values.
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import {
  budgetFieldLabels,
  type AmountUnit,
  type BudgetField,
  type BudgetMapping,
  type BudgetPreview,
  type DraftBudgetLine,
} from '../../../shared/bureau';
import { readLegacyWorkbook, workbookCells } from '../documents/readers/legacySheet';
import { isCfb, isZip } from '../documents/readers/limits';
import { AppError } from '../kernel/errors';
import { limits } from '../package/limits';

/** A 概算表 is a few hundred rows; anything past this is not one (and exceljs holds the whole workbook in memory). */
export const maxBudgetBytes = 20 * 2 ** 20;
const maxInflatedBytes = 200 * 2 ** 20;
const headerScanRows = 40;

/** Words a header cell uses for each field; tried on the header text with spaces removed. */
const fieldPatterns: Record<BudgetField, RegExp> = {
  name: /名称|建设内容|项目内容|费用项目|品名|明细|^项目$|^内容$/,
  category: /类别|分类|类型/,
  quantity: /数量/,
  unit: /^(计量)?单位$|^单位[(（]|计量单位/,
  unitPrice: /单价/,
  amount: /金额|合计|总价|总额|小计|投资额|概算/,
  note: /备注|说明/,
};
const moneyFields = ['unitPrice', 'amount'] as const;
const totalRow = /^(合计|总计|小计|共计|投资合计|总投资)|合计$|总计$/;
const enumerator = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*/;

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What a cell shows: formulas give their cached result, rich text its plain text; merged cells read their master. */
function cellValue(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in o) return typeof o.result === 'number' || typeof o.result === 'string' ? (o.result as string | number) : null;
    if (Array.isArray(o.richText))
      return (
        o.richText
          .map((r) => r.text)
          .join('')
          .trim() || null
      );
    if (typeof o.text === 'string') return o.text.trim() || null;
  }
  return null;
}

const textOf = (v: string | number | null) => (v === null ? '' : String(v).replace(/\s+/g, ''));

/** A number as written in a cell: 1234.5, "1,234.50", "1 234". */
function numberOf(v: string | number | null): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const cleaned = v.replace(/[,，\s]/g, '').replace(/[元万]+$/, '');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

function fieldsIn(text: string): BudgetField[] {
  return (Object.keys(fieldPatterns) as BudgetField[]).filter((f) => fieldPatterns[f].test(text) && !(f === 'amount' && /单价/.test(text)));
}

/**
 * An XLSX is a ZIP: before exceljs inflates all of it in memory, its directory must declare a modest total and no
 * entry may inflate past the package limits' ratio (a ZIP bomb). A directory yauzl cannot read is left to exceljs.
 */
function inflatesModestly(bytes: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return resolve(true);
      let total = 0;
      zip.on('entry', (e: yauzl.Entry) => {
        total += e.uncompressedSize;
        const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
        if (total > maxInflatedBytes || (e.uncompressedSize > limits.bombMinBytes && ratio > limits.maxCompressionRatio)) {
          zip.close();
          resolve(false);
        } else zip.readEntry();
      });
      zip.on('end', () => resolve(true));
      zip.on('error', () => resolve(true));
      zip.readEntry();
    });
  });
}

interface SheetGrid {
  rows: (string | number | null)[][];
  width: number;
}

interface BudgetSheet {
  name: string;
  grid: SheetGrid;
}

/** Columns a 概算表 may use; rows are bounded by the readers (5,000). */
const maxColumns = 50;

/** Every sheet's grid: XLSX through exceljs, a compound file (.xls, .et) through SheetJS, whatever the name says. */
async function loadSheets(name: string, bytes: Uint8Array): Promise<BudgetSheet[]> {
  if (bytes.length > maxBudgetBytes)
    throw new AppError('invalid-input', `“${name}”超过 ${maxBudgetBytes / 2 ** 20} MB，不像是概算表。请只保留概算表所在的工作表后再导入。`);
  if (isCfb(bytes))
    return workbookCells(await readLegacyWorkbook(name, bytes), maxColumns).map(({ name, rows, width }) => ({
      name,
      grid: { rows, width },
    }));
  const workbook = await loadXlsx(name, bytes);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, grid: grid(sheet) }));
}

async function loadXlsx(name: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (!isZip(bytes))
    throw new AppError('invalid-input', `“${name}”不是有效的 Excel 工作簿（.xlsx、.xls 或 WPS .et），请确认文件是否损坏。`);
  if (!(await inflatesModestly(bytes)))
    throw new AppError(
      'invalid-input',
      `“${name}”解压后过大（可能是恶意构造的文件），已拒绝读取。请只保留概算表所在的工作表，重新保存后再导入。`,
    );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'invalid-input',
      `“${name}”无法作为 Excel 工作簿（.xlsx）读取，文件可能已损坏。请用 Excel 或 WPS 打开后重新保存再导入。`,
    );
  }
  return workbook;
}

function grid(sheet: ExcelJS.Worksheet): SheetGrid {
  const width = Math.min(sheet.columnCount, maxColumns);
  const rows: (string | number | null)[][] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, 5000); r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => cellValue(row.getCell(c + 1))));
  }
  return { rows, width };
}

/** Header text per column: the distinct texts of the header rows, top first (merged cells repeat their master's text). */
function headerTexts(g: SheetGrid, headerRows: number[]): string[] {
  return Array.from({ length: g.width }, (_, c) =>
    [...new Set(headerRows.map((r) => textOf(g.rows[r - 1]?.[c] ?? null)).filter(Boolean))].join('/'),
  );
}

/** The first row naming a name column and a money column, and the row under it when it is a second header level (单价/合计 under a merged 金额). */
function detectHeader(g: SheetGrid): number[] | null {
  const index = g.rows.slice(0, headerScanRows).findIndex((cells) => {
    const found = new Set(cells.flatMap((v) => (typeof v === 'string' ? fieldsIn(textOf(v)) : [])));
    return found.has('name') && (found.has('amount') || found.has('unitPrice'));
  });
  if (index < 0) return null;
  const row = index + 1;
  const next = g.rows[row] ?? [];
  const subHeader = next.some((v) => typeof v === 'string' && fieldsIn(textOf(v)).length > 0) && !next.some((v) => typeof v === 'number');
  return subHeader ? [row, row + 1] : [row];
}

function proposeColumns(headers: string[]): BudgetMapping['columns'] | null {
  const pick = (field: BudgetField, prefer?: RegExp): number | null => {
    const candidates = headers.map((h, i) => ({ h, i })).filter(({ h }) => fieldsIn(h).includes(field));
    const chosen = (prefer && candidates.find(({ h }) => prefer.test(h.split('/').at(-1) ?? ''))) ?? candidates[0];
    return chosen ? chosen.i + 1 : null;
  };
  const name = pick('name', /名称|内容/);
  if (name === null) return null;
  return {
    name,
    category: pick('category'),
    quantity: pick('quantity'),
    unit: pick('unit'),
    unitPrice: pick('unitPrice'),
    amount: pick('amount', /合计|金额|总价/),
    note: pick('note'),
  };
}

/** 万元 or 元 as the column header says; else what a title row above the header says (单位：万元); else null. */
function unitOf(header: string, above: string): AmountUnit | null {
  for (const text of [header, above]) {
    if (/万元/.test(text)) return 'wan';
    if (/元/.test(text)) return 'yuan';
  }
  return null;
}

/** Money as typed, in the column's unit, to integer fen; null when the cell is empty; NaN when it is not a number. */
function toFen(v: string | number | null, unit: AmountUnit): number | null {
  if (v === null) return null;
  const n = numberOf(v);
  if (n === null) return NaN;
  return Math.round(n * (unit === 'wan' ? 1_000_000 : 100));
}

/** Reads the workbook: with `mapping` as confirmed, else with the header and columns detected; lines get ids b01, b02 … (in the worker: budgetImport.ts) */
export async function readBudget(name: string, bytes: Uint8Array, mapping?: BudgetMapping): Promise<BudgetPreview> {
  const all = await loadSheets(name, bytes);
  const sheets = all.map((s) => s.name);
  const candidates = mapping ? all.filter((s) => s.name === mapping.sheet) : all;
  if (mapping && candidates.length === 0) throw new AppError('invalid-input', `“${name}”中没有名为“${mapping.sheet}”的工作表。`);
  const warnings: string[] = [];
  let chosen: { sheet: BudgetSheet; g: SheetGrid; headerRows: number[] } | null = null;
  for (const sheet of candidates) {
    const g = sheet.grid;
    const headerRows = mapping?.headerRows ?? detectHeader(g);
    if (headerRows) {
      chosen = { sheet, g, headerRows };
      break;
    }
  }
  if (!chosen)
    throw new AppError(
      'invalid-input',
      `在“${name}”的前 ${headerScanRows} 行中没有找到概算表的表头（应含“名称”和“金额”或“单价”等列）。请确认文件是概算表，或手工指定表头行和各列。`,
    );
  const { sheet, g, headerRows } = chosen;
  const headers = headerTexts(g, headerRows);
  const header = (col: number): string => headers[col - 1] ?? '';
  const columns = mapping?.columns ?? proposeColumns(headers);
  if (!columns) throw new AppError('invalid-input', `“${name}”的表头中没有“名称”列，请手工指定各列。`);
  const firstHeaderRow = headerRows[0] ?? 1;
  const lastHeaderRow = headerRows[headerRows.length - 1] ?? firstHeaderRow;
  const above = g.rows
    .slice(0, firstHeaderRow - 1)
    .flat()
    .map(textOf)
    .join(' ');
  const units = mapping?.units ?? {
    unitPrice: unitOf(columns.unitPrice ? header(columns.unitPrice) : '', above) ?? 'yuan',
    amount: unitOf(columns.amount ? header(columns.amount) : '', above) ?? 'yuan',
  };
  if (!mapping) {
    for (const f of moneyFields) {
      const col = columns[f];
      if (col && unitOf(header(col), above) === null)
        warnings.push(`${budgetFieldLabels[f]}列（${columnLetter(col)} 列“${header(col)}”）的表头未注明单位，按“元”读取，请确认。`);
    }
  }
  const used: BudgetMapping = { sheet: sheet.name, headerRows, columns, units };
  const at = (cells: (string | number | null)[], col: number | null) => (col ? (cells[col - 1] ?? null) : null);

  const lines: DraftBudgetLine[] = [];
  const skipped: BudgetPreview['skipped'] = [];
  let category = '';
  for (let r = lastHeaderRow + 1; r <= g.rows.length; r++) {
    const cells = g.rows[r - 1];
    if (!cells || cells.every((v) => v === null)) continue;
    const priceFen = toFen(at(cells, columns.unitPrice), units.unitPrice);
    const amountRaw = toFen(at(cells, columns.amount), units.amount);
    const quantityCell = at(cells, columns.quantity);
    const quantity = quantityCell === null ? null : numberOf(quantityCell);
    const noMoney = priceFen === null && amountRaw === null;
    // A category row (一、硬件设备) is often written in the 序号 column: without money, the row's first text is its label.
    const label = textOf(at(cells, columns.name)) || (noMoney ? (cells.map(textOf).find(Boolean) ?? '') : '');
    if (totalRow.test(label) || cells.slice(0, 2).some((v) => totalRow.test(textOf(v)))) {
      skipped.push({ row: r, reason: '合计行，不作为概算明细' });
      continue;
    }
    if (!label) {
      skipped.push({ row: r, reason: '名称为空' });
      continue;
    }
    if (noMoney) {
      category = label.replace(enumerator, '');
      skipped.push({ row: r, reason: `分类行：“${category}”作为其后各行的类别` });
      continue;
    }
    if (Number.isNaN(priceFen) || Number.isNaN(amountRaw) || (quantityCell !== null && quantity === null)) {
      skipped.push({ row: r, reason: '数量、单价或金额不是数字' });
      continue;
    }
    const q = quantity ?? 1;
    const amountFen = amountRaw ?? Math.round(q * (priceFen ?? 0));
    if (amountRaw === null) warnings.push(`第 ${r} 行“${label}”没有金额，按数量 × 单价计为 ${amountFen / 100} 元。`);
    else if (priceFen !== null && Math.abs(q * priceFen - amountFen) > 100)
      warnings.push(
        `第 ${r} 行“${label}”数量 × 单价（${(q * priceFen) / 100} 元）与金额（${amountFen / 100} 元）不符，以金额为准，请核对。`,
      );
    if (amountFen < 0 || (priceFen ?? 0) < 0) {
      skipped.push({ row: r, reason: '金额为负数' });
      continue;
    }
    lines.push({
      id: `b${String(lines.length + 1).padStart(2, '0')}`,
      name: String(at(cells, columns.name)).trim(),
      category: columns.category ? String(at(cells, columns.category) ?? '').trim() : category,
      quantity: q,
      unit: String(at(cells, columns.unit) ?? '').trim(),
      unitPriceFen: priceFen ?? 0,
      amountFen,
      note: String(at(cells, columns.note) ?? '').trim(),
    });
  }
  if (lines.length === 0) warnings.push('没有读到任何概算明细行，请检查表头行和列的对应关系。');
  return {
    sheets,
    mapping: used,
    columns: headers.map((header, i) => ({ index: i + 1, letter: columnLetter(i + 1), header })),
    lines,
    skipped,
    warnings,
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
  };
}
