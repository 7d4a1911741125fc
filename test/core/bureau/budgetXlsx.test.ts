// 概算表 import from XLSX: a two-level header with merged cells and amounts in 万元, category and total rows, a confirmed mapping, a sheet in 元 without a unit; the same table as .xls / WPS .et read alike, broken ones refused.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import type { BudgetPreview, DraftView } from '../../../shared/bureau';
import type { Manifest } from '../../../shared/manifest';
import { yuanToFen } from '../../../shared/money';
import { makeDraft, ok, openTestCore, refused } from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

/** The applicant's table: a merged title, 金额（万元） merged over 单价 and 合计, vertically merged headers, a formula. */
async function budgetWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('投资概算');
  ws.getCell('A1').value = '测试区智慧城管综合平台建设项目投资概算表';
  ws.mergeCells('A1:G1');
  ws.getRow(3).values = ['序号', '名称', '单位', '数量', '金额（万元）', null, '备注'];
  ws.getRow(4).values = [null, null, null, null, '单价', '合计', null];
  ws.mergeCells('E3:F3');
  for (const col of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${col}3:${col}4`);
  ws.getRow(5).values = ['一、硬件设备'];
  ws.getRow(6).values = [1, '服务器', '台', 5, 10, 50, '含三年维保'];
  ws.getRow(7).values = [2, '存储设备', '套', 1, 30.5, { formula: 'D7*E7', result: 30.5 }];
  ws.getRow(8).values = ['二、软件开发'];
  ws.getRow(9).values = [1, '应用软件开发', '项', 1, 100.123456, 100.123456];
  ws.getRow(11).values = ['合计', null, null, null, null, 180.623456];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function bureau(): Promise<Core> {
  const { core } = await openTestCore();
  cores.push(core);
  return core;
}

describe('概算表 import', () => {
  it('finds the two header rows under merged cells, reads 万元 into fen, takes category rows as categories and skips the total', async () => {
    const core = await bureau();
    const preview = await ok<BudgetPreview>(core, 'bureau.budget.preview', { name: '投资概算表.xlsx', bytes: await budgetWorkbook() });
    expect(preview.sheets).toEqual(['投资概算']);
    expect(preview.mapping).toEqual({
      sheet: '投资概算',
      headerRows: [3, 4],
      columns: { name: 2, category: null, quantity: 4, unit: 3, unitPrice: 5, amount: 6, note: 7 },
      units: { unitPrice: 'wan', amount: 'wan' },
    });
    expect(preview.columns.map((c) => `${c.letter}:${c.header}`)).toEqual([
      'A:序号',
      'B:名称',
      'C:单位',
      'D:数量',
      'E:金额（万元）/单价',
      'F:金额（万元）/合计',
      'G:备注',
    ]);
    expect(preview.lines).toEqual([
      {
        id: 'b01',
        name: '服务器',
        category: '硬件设备',
        quantity: 5,
        unit: '台',
        unitPriceFen: 10_000_000,
        amountFen: 50_000_000,
        note: '含三年维保',
      },
      {
        id: 'b02',
        name: '存储设备',
        category: '硬件设备',
        quantity: 1,
        unit: '套',
        unitPriceFen: 30_500_000,
        amountFen: 30_500_000,
        note: '',
      },
      {
        id: 'b03',
        name: '应用软件开发',
        category: '软件开发',
        quantity: 1,
        unit: '项',
        unitPriceFen: 100_123_456,
        amountFen: 100_123_456,
        note: '',
      },
    ]);
    expect(preview.skipped).toEqual([
      { row: 5, reason: '分类行：“硬件设备”作为其后各行的类别' },
      { row: 8, reason: '分类行：“软件开发”作为其后各行的类别' },
      { row: 11, reason: '合计行，不作为概算明细' },
    ]);
    expect(preview.totalFen).toBe(180_623_456);
    expect(preview.warnings).toEqual([]);

    // The bureau corrects the unit to 元: the same cells read a hundred times smaller than as 万元 read ten thousand times.
    const asYuan = await ok<BudgetPreview>(core, 'bureau.budget.preview', {
      name: '投资概算表.xlsx',
      bytes: await budgetWorkbook(),
      mapping: { ...preview.mapping, units: { unitPrice: 'yuan', amount: 'yuan' } },
    });
    expect(asYuan.lines[0]).toMatchObject({ unitPriceFen: 1_000, amountFen: 5_000 });

    // Applied to a project of a draft, the lines replace the typed ones and the total now differs from the investment.
    let draft = await makeDraft(core);
    draft = await ok<DraftView>(core, 'bureau.budget.apply', {
      draftId: draft.draft.id,
      baseVersion: draft.version,
      projectId: 'p1',
      name: '投资概算表.xlsx',
      bytes: await budgetWorkbook(),
      mapping: preview.mapping,
    });
    expect(draft.draft.projects[0]!.budgetLines.map((l) => l.amountFen)).toEqual([50_000_000, 30_500_000, 100_123_456]);
    expect(draft.problems.map((p) => p.code)).toEqual(['budget-total']);
  });

  it('reads a plain table in 元 with no unit in the header, and warns that it assumed 元', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['费用名称', '数量', '单价', '金额', '说明']);
    ws.addRow(['监理服务', 1, '120,000.50', '120,000.50', '']);
    ws.addRow(['等保测评', 2, 40000, null, '']);
    const preview = await ok<BudgetPreview>(await bureau(), 'bureau.budget.preview', {
      name: '概算.xlsx',
      bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    });
    expect(preview.mapping.units).toEqual({ unitPrice: 'yuan', amount: 'yuan' });
    expect(preview.lines.map((l) => [l.name, l.quantity, l.unitPriceFen, l.amountFen])).toEqual([
      ['监理服务', 1, 12_000_050, 12_000_050],
      ['等保测评', 2, 4_000_000, 8_000_000],
    ]);
    expect(preview.warnings).toEqual([
      '单价列（C 列“单价”）的表头未注明单位，按“元”读取，请确认。',
      '金额列（D 列“金额”）的表头未注明单位，按“元”读取，请确认。',
      '第 3 行“等保测评”没有金额，按数量 × 单价计为 80000 元。',
    ]);
  });

  it('reads the sample applicant table (元) with the same 14 lines and total as the sample package lists', async () => {
    const file = path.resolve(__dirname, '../../../resources/samples/wulong-2027/documents/wl-2027-01/投资概算表.xlsx');
    const manifest = JSON.parse(
      await fs.readFile(path.resolve(__dirname, '../../../resources/samples/wulong-2027/manifest.json'), 'utf8'),
    ) as Manifest;
    const preview = await ok<BudgetPreview>(await bureau(), 'bureau.budget.preview', {
      name: '投资概算表.xlsx',
      bytes: new Uint8Array(await fs.readFile(file)),
    });
    const listed = manifest.projects[0]!.budgetLines;
    expect(preview.mapping.units).toEqual({ unitPrice: 'yuan', amount: 'yuan' });
    expect(preview.lines.map((l) => [l.name, l.category, l.amountFen])).toEqual(
      listed.map((l) => [l.name, l.category, yuanToFen(l.amount)]),
    );
    expect(preview.totalFen).toBe(yuanToFen(manifest.projects[0]!.totalInvestment));
  });

  it('reads the same table saved as Excel 97-2003 .xls or WPS .et exactly as the XLSX, whatever the file is named', async () => {
    const core = await bureau();
    const xlsx = await budgetWorkbook();
    // SheetJS writes BIFF8 (the .xls and .et format) with the merges and the formula's cached result.
    const biff = new Uint8Array(XLSX.write(XLSX.read(xlsx, { type: 'array' }), { bookType: 'biff8', type: 'buffer' }) as Buffer);
    expect([...biff.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const fromXlsx = await ok<BudgetPreview>(core, 'bureau.budget.preview', { name: '投资概算表.xlsx', bytes: xlsx });
    for (const name of ['投资概算表.xls', '投资概算表.et', '投资概算表.xlsx']) {
      const fromBiff = await ok<BudgetPreview>(core, 'bureau.budget.preview', { name, bytes: biff });
      expect(fromBiff).toEqual(fromXlsx);
    }
    expect(fromXlsx.lines).toHaveLength(3);
  }, 120_000); // each compound file is read in its own worker (bureau/budgetImport.ts)

  it('refuses a truncated .xls, an .xls that is a ZIP but no workbook, and a file that is no workbook', async () => {
    const core = await bureau();
    const biff = XLSX.write(XLSX.read(await budgetWorkbook(), { type: 'array' }), { bookType: 'biff8', type: 'buffer' }) as Buffer;
    const truncated = await refused(core, 'bureau.budget.preview', { name: '概算表.xls', bytes: new Uint8Array(biff.subarray(0, 1000)) });
    expect(truncated.message).toMatch(/^无法读取“概算表\.xls”：文件已损坏或不完整，无法按 Excel 97-2003 格式读取/);
    const header = await refused(core, 'bureau.budget.preview', {
      name: '概算表.xls',
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    });
    expect(header.message).toMatch(/^无法读取“概算表\.xls”：文件已损坏或不完整/);
    expect(
      (await refused(core, 'bureau.budget.preview', { name: '概算表.xls', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) })).message,
    ).toMatch(/无法作为 Excel 工作簿（\.xlsx）读取/);
    expect(
      (await refused(core, 'bureau.budget.preview', { name: '概算表.xlsx', bytes: new TextEncoder().encode('名称,金额\n服务器,10') }))
        .message,
    ).toMatch(/不是有效的 Excel 工作簿（\.xlsx、\.xls 或 WPS \.et）/);
    expect(
      (await refused(core, 'bureau.budget.preview', { name: '概算表.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]) })).message,
    ).toMatch(/无法作为 Excel 工作簿（\.xlsx）读取/);
    // A workbook whose directory declares a sheet inflating to 3 GB (a ZIP bomb) is refused before it is inflated.
    const bomb = Buffer.from(await budgetWorkbook());
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(3 * 2 ** 30, central + 24);
    expect((await refused(core, 'bureau.budget.preview', { name: '概算表.xlsx', bytes: new Uint8Array(bomb) })).message).toMatch(
      /解压后过大/,
    );
  }, 120_000);
});
