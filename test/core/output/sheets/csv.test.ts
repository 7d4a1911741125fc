// The CSV score sheet: one table per file (the session's summary, or one project's scores), BOM, CRLF, RFC 4180 quoting that parses back to the XLSX's cells, and neutralised formulas.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvField, scoreSheetCsv } from '../../../../electron/core/output/sheets/csv';
import { scoreSheetXlsx } from '../../../../electron/core/output/sheets/xlsx';
import { hostileName, sheetInput } from './fixtures';

/** A small RFC 4180 reader: records separated by CRLF, fields by commas, quoted fields may hold "" , CR and LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') break;
        else field += text[i++];
      }
      i += 1;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after closing quote at ${i}`);
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF outside quotes at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || record.length) throw new Error('last record lacks CRLF');
  return records;
}

/** The cell as a reader sees it in the XLSX: the cached result of a formula, else the value. */
function shown(cell: ExcelJS.Cell): unknown {
  const raw = cell.value;
  return typeof raw === 'object' && raw !== null && 'result' in raw ? raw.result : raw;
}

describe('scoreSheetCsv', async () => {
  const input = sheetInput();
  const bytes = scoreSheetCsv(input);
  const text = bytes.toString('utf8');
  const records = parseCsv(text.slice(1));
  const p1 = scoreSheetCsv(input, 'p1').toString('utf8');
  const p1Records = parseCsv(p1.slice(1));

  it('starts with the UTF-8 BOM and ends every record with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('is one table per file: the session file is the summary table of the XLSX, one header row, every record as wide', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await scoreSheetXlsx(input)) as unknown as ArrayBuffer);
    const summary = wb.worksheets[0]!;
    // Rows 1–2 of the sheet are its title and subtitle; the table is the header row, the projects and 合计.
    expect(records).toHaveLength(1 + input.session.projects.length + 1);
    expect(records[0]![0]).toBe('排名');
    expect(records.at(-1)![0]).toBe('合计');
    for (const r of records) expect(r).toHaveLength(records[0]!.length);
    records.forEach((record, r) => {
      const row = summary.getRow(r + 3);
      record.forEach((field, c) => {
        const v = shown(row.getCell(c + 1));
        const where = `${summary.name} ${row.getCell(c + 1).address} “${field}”`;
        if (v === null || v === undefined) expect(field, where).toBe('');
        else if (typeof v === 'number') {
          const n = field.endsWith('%') ? Number(field.slice(0, -1).replace(/,/g, '')) / 100 : Number(field.replace(/,/g, ''));
          expect(Math.abs(n - v), `${where} vs ${v}`).toBeLessThanOrEqual(field.endsWith('%') ? 0.00005 : 0.005);
        } else expect(field, where).toBe(v);
      });
    });
  });

  it('writes a project as its own table: 项目 on every row, the maxima in the header, scores and averages at two decimals', () => {
    expect(p1Records[0]).toEqual([
      '项目',
      '专家',
      '必要性（满分20）',
      '紧迫性（满分15）',
      '可行性（满分20）',
      '安全性（满分15）',
      '集约性（满分10）',
      '投资金额（满分20）',
      '总分（满分100）',
      '结论',
    ]);
    for (const r of p1Records) expect(r).toHaveLength(10);
    for (const r of p1Records.slice(1)) expect(r[0]).toBe('智慧城管平台（二期）');
    expect(p1Records[1]!.slice(1, 4)).toEqual(['张三', '18.00', '12.00']);
    const mean = p1Records.find((r) => r[1] === '平均分')!;
    // 必要性 (18 + 17 + 19 + 12 + 18.5) ÷ 5 = 16.90 … the total is the sum of the six averages as shown.
    expect(mean[2]).toBe('16.90');
    const parts = mean.slice(2, 8).map(Number);
    expect(Number(mean[8])).toBeCloseTo(
      parts.reduce((a, b) => a + b, 0),
      6,
    );
    // The investment table and the trace stay in the XLSX.
    expect(p1).not.toContain('计算过程');
    expect(p1).not.toContain('软件开发费');
    expect(p1).not.toContain('政务数据共享交换平台');
  });

  it('quotes hostile names and neutralises anything a spreadsheet would run as a formula', () => {
    const names = p1Records.slice(1, 6).map((r) => r[1]);
    expect(names).toEqual(['张三', `'${hostileName}`, '李四, "老李"\n(特邀)', "'+王五", '赵六']);
    expect(p1).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")",17.00,13.00,18.00,12.00,9.00,15.00,84.00,通过\r\n`);
    expect(p1).toContain('"李四, ""老李""\n(特邀)",19.00,');
    for (const field of p1Records.flat()) expect(field).not.toMatch(/^[=+@\t\r]/);
  });

  it('leaves the app’s own negative numbers alone but neutralises text that starts like one', () => {
    expect(csvField({ value: -0.5, text: '-0.50', format: 'wan' })).toBe('-0.50');
    expect(csvField({ value: '-1+1', text: '-1+1' })).toBe("'-1+1");
    expect(csvField({ value: '\tcmd', text: '\tcmd' })).toBe("'\tcmd");
    expect(csvField({ value: '@SUM(A1)', text: '@SUM(A1)' })).toBe("'@SUM(A1)");
    expect(csvField({ value: 'a "b"', text: 'a "b"' })).toBe('"a ""b"""');
  });

  it('writes one project alone', () => {
    const one = parseCsv(scoreSheetCsv(input, 'p2').toString('utf8').slice(1));
    expect(one[0]![0]).toBe('项目');
    expect(new Set(one.slice(1).map((r) => r[0]))).toEqual(new Set(['政务数据共享交换平台']));
  });
});
