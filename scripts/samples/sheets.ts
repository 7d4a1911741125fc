// Owns the sample spreadsheets (exceljs): 投资概算表 with formulas, 信息资源目录, and 项目绩效目标表.
import ExcelJS from 'exceljs';
import { lineAmountFen, totalFen, type BudgetItem } from './sample-project';
import { reproducibleOfficeZip } from './zip';

const thin = { style: 'thin' as const, color: { argb: 'FF404040' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E9F1' } };
const moneyFormat = '#,##0.00';

function newWorkbook(author: string, created: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = author;
  wb.lastModifiedBy = author;
  wb.created = created;
  wb.modified = created;
  return wb;
}

/** Title row merged across the table, a unit/owner row, then a bordered header row; returns the header row number. */
function sheetHead(
  ws: ExcelJS.Worksheet,
  title: string,
  left: string,
  right: string,
  columns: { header: string; width: number }[],
): number {
  const last = columns.length;
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, last);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: '黑体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(2, 1, 2, last - 2);
  ws.getCell(2, 1).value = left;
  ws.mergeCells(2, last - 1, 2, last);
  ws.getCell(2, last - 1).value = right;
  ws.getCell(2, last - 1).alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = headerFill;
    cell.border = border;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 24;
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return 3;
}

function boxRow(row: ExcelJS.Row, count: number): void {
  for (let i = 1; i <= count; i++) {
    const cell = row.getCell(i);
    cell.border = border;
    cell.alignment = { vertical: 'middle', wrapText: true, ...(cell.alignment ?? {}) };
  }
}

async function toBuffer(wb: ExcelJS.Workbook, created: Date): Promise<Buffer> {
  return reproducibleOfficeZip(Buffer.from(await wb.xlsx.writeBuffer()), created);
}

/** 投资概算表: one row per budget line, 金额 = 数量 × 单价 as formulas (with cached results), and a SUM total. */
export async function renderBudgetXlsx(o: { projectName: string; applicant: string; items: BudgetItem[]; created: Date }): Promise<Buffer> {
  const wb = newWorkbook(o.applicant, o.created);
  const ws = wb.addWorksheet('投资概算表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const head = sheetHead(ws, `${o.projectName}投资概算表`, `申报单位：${o.applicant}`, '单位：元', [
    { header: '序号', width: 6 },
    { header: '费用名称', width: 34 },
    { header: '费用类别', width: 14 },
    { header: '数量', width: 8 },
    { header: '单位', width: 8 },
    { header: '单价（元）', width: 15 },
    { header: '金额（元）', width: 16 },
    { header: '备注', width: 30 },
  ]);
  o.items.forEach((item, i) => {
    const r = head + 1 + i;
    const row = ws.getRow(r);
    row.values = [
      i + 1,
      item.name,
      item.category,
      item.quantity,
      item.unit,
      item.unitPriceFen / 100,
      { formula: `D${r}*F${r}`, result: lineAmountFen(item) / 100 },
      item.note ?? '',
    ];
    row.getCell(1).alignment = { horizontal: 'center' };
    row.getCell(6).numFmt = moneyFormat;
    row.getCell(7).numFmt = moneyFormat;
    boxRow(row, 8);
  });
  const first = head + 1;
  const last = head + o.items.length;
  const total = ws.getRow(last + 1);
  ws.mergeCells(last + 1, 1, last + 1, 6);
  total.getCell(1).value = '合计';
  total.getCell(1).alignment = { horizontal: 'center' };
  total.getCell(7).value = { formula: `SUM(G${first}:G${last})`, result: totalFen(o.items) / 100 };
  total.getCell(7).numFmt = moneyFormat;
  total.font = { bold: true };
  boxRow(total, 8);
  return toBuffer(wb, o.created);
}

/** 信息资源目录 entry: what the project's system holds and how it is shared (共享属性) and opened (开放属性). */
export interface InformationResource {
  name: string;
  fields: string;
  provider: string;
  share: '无条件共享' | '有条件共享' | '不予共享';
  open: '无条件开放' | '有条件开放' | '不予开放';
  cycle: string;
  method: string;
}

export async function renderResourceCatalogXlsx(o: {
  projectName: string;
  applicant: string;
  resources: InformationResource[];
  created: Date;
}): Promise<Buffer> {
  const wb = newWorkbook(o.applicant, o.created);
  const ws = wb.addWorksheet('信息资源目录', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const head = sheetHead(ws, `${o.projectName}政务信息资源目录`, `编制单位：${o.applicant}`, '', [
    { header: '序号', width: 6 },
    { header: '信息资源名称', width: 22 },
    { header: '主要信息项', width: 44 },
    { header: '资源提供方', width: 20 },
    { header: '共享属性', width: 12 },
    { header: '开放属性', width: 12 },
    { header: '更新周期', width: 10 },
    { header: '共享方式', width: 16 },
  ]);
  o.resources.forEach((res, i) => {
    const row = ws.getRow(head + 1 + i);
    row.values = [i + 1, res.name, res.fields, res.provider, res.share, res.open, res.cycle, res.method];
    row.getCell(1).alignment = { horizontal: 'center' };
    boxRow(row, 8);
  });
  return toBuffer(wb, o.created);
}

/** One 三级指标 of the 项目绩效目标表, grouped under its 一级/二级指标. */
export interface PerformanceTarget {
  level1: '产出指标' | '效益指标' | '满意度指标';
  level2: string;
  indicator: string;
  value: string;
}

/** 项目绩效目标表: the 一级 and 二级 indicator cells are merged over their rows, as on the finance bureau's form. */
export async function renderPerformanceXlsx(o: {
  projectName: string;
  applicant: string;
  totalFen: number;
  goals: string;
  targets: PerformanceTarget[];
  created: Date;
}): Promise<Buffer> {
  const wb = newWorkbook(o.applicant, o.created);
  const ws = wb.addWorksheet('绩效目标表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const head = sheetHead(ws, '项目绩效目标表', `项目名称：${o.projectName}`, `实施单位：${o.applicant}`, [
    { header: '一级指标', width: 14 },
    { header: '二级指标', width: 16 },
    { header: '三级指标', width: 44 },
    { header: '指标值', width: 24 },
  ]);
  const goalRow = ws.getRow(head + 1);
  goalRow.values = ['总体目标', o.goals];
  ws.mergeCells(head + 1, 2, head + 1, 4);
  goalRow.height = 60;
  boxRow(goalRow, 4);
  const moneyRow = ws.getRow(head + 2);
  moneyRow.values = ['项目资金（万元）', o.totalFen / 1_000_000];
  moneyRow.getCell(2).numFmt = '0.00';
  ws.mergeCells(head + 2, 2, head + 2, 4);
  boxRow(moneyRow, 4);
  const first = head + 3;
  o.targets.forEach((t, i) => {
    const row = ws.getRow(first + i);
    row.values = [t.level1, t.level2, t.indicator, t.value];
    boxRow(row, 4);
  });
  for (const column of [1, 2]) {
    let start = 0;
    for (let i = 1; i <= o.targets.length; i++) {
      const key = (t: PerformanceTarget | undefined) => (t ? (column === 1 ? t.level1 : `${t.level1}/${t.level2}`) : '');
      if (key(o.targets[i]) !== key(o.targets[start])) {
        if (i - 1 > start) ws.mergeCells(first + start, column, first + i - 1, column);
        start = i;
      }
    }
  }
  return toBuffer(wb, o.created);
}
