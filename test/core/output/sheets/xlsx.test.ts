// The XLSX score sheets read back with exceljs: formulas and cached results agree with the aggregation and with the cells they sum; print setup, frozen panes, protection, deterministic bytes.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDocxParts } from '../../../../electron/core/output/docx/zip';
import { scoreSheetXlsx } from '../../../../electron/core/output/sheets/xlsx';
import { hostileName, sheetInput } from './fixtures';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

type Formula = { formula: string; result: number };
const formulaOf = (cell: ExcelJS.Cell) => cell.value as Formula;
/** The row whose first cell is `label`. */
function rowLabelled(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r += 1) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  throw new Error(`no row ${label}`);
}
/** Numbers (or formula results) in a column between two rows; text such as 回避 is skipped, as COUNT and SUM skip it. */
function numbers(ws: ExcelJS.Worksheet, col: number, first: number, last: number): number[] {
  const out: number[] = [];
  for (let r = first; r <= last; r += 1) {
    const v = ws.getRow(r).getCell(col).value;
    const n = typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
    if (typeof n === 'number') out.push(n);
  }
  return out;
}

describe('scoreSheetXlsx', async () => {
  const input = sheetInput();
  const bytes = await scoreSheetXlsx(input);
  const wb = await load(bytes);

  it('has the summary sheet first, then one sheet per project', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评分汇总', '1 智慧城管平台（二期）', '2 政务数据共享交换平台']);
  });

  it('writes each expert total as =SUM of the row with the cached total', () => {
    const ws = wb.getWorksheet('1 智慧城管平台（二期）') as ExcelJS.Worksheet;
    expect(ws.getRow(3).getCell(2).value).toBe('必要性');
    expect(ws.getRow(4).getCell(2).value).toBe(20);
    const hostile = rowLabelled(ws, hostileName);
    expect(formulaOf(hostile.getCell(8))).toEqual({ formula: `SUM(B${hostile.number}:G${hostile.number})`, result: 84 });
    const sum = numbers(ws, 2, hostile.number, hostile.number)
      .concat([3, 4, 5, 6, 7].map((c) => hostile.getCell(c).value as number))
      .reduce((a, b) => a + b, 0);
    expect(sum).toBe(84);
  });

  it('writes mean, median, trimmed mean, STDEVP and the value in force as formulas whose cached results match the aggregation and the cells', () => {
    const project = input.session.projects[0];
    const ws = wb.getWorksheet('1 智慧城管平台（二期）') as ExcelJS.Worksheet;
    const meanRow = rowLabelled(ws, '平均分').number;
    const trimmedRow = rowLabelled(ws, '去掉最高最低后平均').number;
    const dims = project!.dimensions.length;
    // The total's averages are the sums of the dimensions' averages as displayed (ROUND … 2), so the row adds up.
    const sumOfParts = (row: number) => Array.from({ length: dims }, (_, k) => `ROUND(${ws.getColumn(k + 2).letter}${row},2)`).join('+');
    project!.dimensions.concat(project!.total).forEach((s, i) => {
      const col = i + 2;
      const L = ws.getColumn(col).letter;
      const range = `${L}5:${L}9`;
      const scores = numbers(ws, col, 5, 9);
      expect(scores).toEqual(s.scores.map((x) => x.score));
      const isTotal = s.id === 'total';
      const mean = formulaOf(rowLabelled(ws, '平均分').getCell(col));
      expect(mean).toEqual({ formula: isTotal ? sumOfParts(meanRow) : `AVERAGE(${range})`, result: s.mean?.value });
      const parts = project!.dimensions.map((d) => Number(d.mean!.text));
      expect(mean.result).toBeCloseTo(isTotal ? parts.reduce((a, b) => a + b, 0) : scores.reduce((a, b) => a + b, 0) / scores.length, 10);
      expect(formulaOf(rowLabelled(ws, '中位数').getCell(col))).toEqual({ formula: `MEDIAN(${range})`, result: s.median?.value });
      const trimmed = formulaOf(rowLabelled(ws, '去掉最高最低后平均').getCell(col));
      expect(trimmed.formula).toBe(isTotal ? sumOfParts(trimmedRow) : `(SUM(${range})-MAX(${range})-MIN(${range}))/(COUNT(${range})-2)`);
      const hand = isTotal
        ? project!.dimensions.map((d) => Number(d.trimmedMean!.text)).reduce((a, b) => a + b, 0)
        : (scores.reduce((a, b) => a + b, 0) - Math.max(...scores) - Math.min(...scores)) / (scores.length - 2);
      expect(trimmed.result).toBeCloseTo(hand, 10);
      expect(formulaOf(rowLabelled(ws, '标准差（总体）').getCell(col)).formula).toBe(`STDEVP(${range})`);
      const inForce = formulaOf(rowLabelled(ws, '采用值').getCell(col));
      expect(inForce).toEqual({ formula: `ROUND(${L}${trimmedRow},2)`, result: s.inForce?.value });
      expect(rowLabelled(ws, '平均分').getCell(col).numFmt).toBe('0.00');
      // Experts' own scores print with the averages' two decimals.
      expect(ws.getRow(5).getCell(col).numFmt).toBe('0.00');
    });
    expect(rowLabelled(ws, '排名').getCell(8).value).toBe(1);
  });

  it('writes 回避 for a recused expert, counts only the others, and shows 不去极值 below five', () => {
    const ws = wb.getWorksheet('2 政务数据共享交换平台') as ExcelJS.Worksheet;
    const recused = rowLabelled(ws, hostileName);
    expect([2, 3, 8, 9].map((c) => recused.getCell(c).value)).toEqual(['回避', '回避', '回避', '回避']);
    expect(formulaOf(rowLabelled(ws, '有效评分人数').getCell(2))).toEqual({ formula: 'COUNT(B5:B7)', result: 2 });
    expect(rowLabelled(ws, '去掉最高最低后平均').getCell(2).value).toBe('不去极值');
    expect(formulaOf(rowLabelled(ws, '采用值').getCell(8))).toEqual({
      formula: `ROUND(H${rowLabelled(ws, '平均分').number},2)`,
      result: 76,
    });
  });

  it('writes 核减 as formulas over the amounts, per line, per project and for the session', () => {
    const ws = wb.getWorksheet('1 智慧城管平台（二期）') as ExcelJS.Worksheet;
    const hw = rowLabelled(ws, '硬件购置费');
    expect(hw.getCell(3).value).toBe(72); // 组长裁定 72 万元
    expect(formulaOf(hw.getCell(4))).toEqual({ formula: `B${hw.number}-C${hw.number}`, result: 8 });
    expect(hw.getCell(6).value).toBe('组长裁定：服务器数量按实际需求核定');
    const summary = wb.getWorksheet('评分汇总') as ExcelJS.Worksheet;
    const total = rowLabelled(summary, '合计');
    expect(formulaOf(total.getCell(12))).toEqual({ formula: 'SUM(L4:L5)', result: 280 });
    expect(formulaOf(total.getCell(14)).result).toBeCloseTo(30.5, 10);
    const first = summary.getRow(4);
    expect(first.getCell(2).value).toBe('智慧城管平台（二期）');
    const reduction = formulaOf(first.getCell(14));
    expect(reduction.formula).toBe('L4-M4');
    expect(reduction.result).toBeCloseTo(
      (formulaOf(first.getCell(12)).result as number) - (formulaOf(first.getCell(13)).result as number),
      10,
    );
    expect(formulaOf(first.getCell(15)).formula).toBe('N4/L4');
  });

  it('computes the summary from the project sheets: a score corrected there flows into the summary, its total and rank', () => {
    const summary = wb.getWorksheet('评分汇总') as ExcelJS.Worksheet;
    const first = summary.getRow(4);
    const ws = wb.getWorksheet('1 智慧城管平台（二期）') as ExcelJS.Worksheet;
    const inForceRow = rowLabelled(ws, '采用值').number;
    const totalRow = rowLabelled(ws, '合计').number;
    const ref = `'1 智慧城管平台（二期）'!`;
    // 必要性 … 投资金额 and the total in force, then 申报 and 核定 from the project's investment table.
    [3, 4, 5, 6, 7, 8, 9].forEach((c, k) =>
      expect(formulaOf(first.getCell(c)).formula).toBe(`${ref}${ws.getColumn(k + 2).letter}${inForceRow}`),
    );
    expect(formulaOf(first.getCell(9)).result).toBe(formulaOf(ws.getRow(inForceRow).getCell(8)).result);
    expect(formulaOf(first.getCell(12)).formula).toBe(`${ref}B${totalRow}`);
    expect(formulaOf(first.getCell(13)).formula).toBe(`${ref}C${totalRow}`);
    expect(formulaOf(first.getCell(1))).toEqual({ formula: 'RANK(I4,I$4:I$5)', result: 1 });
  });

  it('puts the page number in the footer’s centre section (&C)', () => {
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  it('freezes the headers, prints A4 landscape fit to width with repeated title rows, and protects every sheet without a password', async () => {
    for (const ws of wb.worksheets) {
      const view = ws.views[0] as ExcelJS.WorksheetView & { ySplit: number };
      expect(view.state).toBe('frozen');
      expect(view.ySplit).toBe(ws.name === '评分汇总' ? 3 : 4);
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
    }
    const parts = await readDocxParts(bytes);
    const sheetXml = parts.get('xl/worksheets/sheet2.xml')?.toString('utf8') ?? '';
    const protection = sheetXml.match(/<sheetProtection[^>]*\/>/)?.[0] ?? '';
    expect(protection).toContain('sheet="1"');
    expect(protection).not.toContain('hashValue');
    const workbookXml = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
    expect(workbookXml).toContain('_xlnm.Print_Titles');
    expect(workbookXml).toContain('&apos;1 智慧城管平台（二期）&apos;!$1:$4');
  });

  it('gives the same bytes for the same inputs, and takes its dates from createdAt', async () => {
    const again = await scoreSheetXlsx(sheetInput());
    expect(Buffer.compare(again, bytes)).toBe(0);
    const later = await scoreSheetXlsx({ ...sheetInput(), createdAt: '2027-03-06T09:00:00.000Z' });
    expect(Buffer.compare(later, bytes)).not.toBe(0);
    expect(wb.created.toISOString()).toBe('2027-03-05T09:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2027-03-05T09:00:00.000Z');
  });

  it('writes one project alone, and names an unknown project', async () => {
    const one = await load(await scoreSheetXlsx(input, 'p2'));
    expect(one.worksheets.map((w) => w.name)).toEqual(['1 政务数据共享交换平台']);
    await expect(scoreSheetXlsx(input, 'nope')).rejects.toThrow('没有编号为“nope”的项目');
  });
});
