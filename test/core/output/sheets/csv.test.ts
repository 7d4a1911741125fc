// The CSV score sheet: BOM, CRLF, RFC 4180 quoting that parses back to the XLSX's cells, and neutralised formulas.
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
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') break;
        else field += text[i++];
      }
      i += 1;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after closing quote at ${i}`);
    } else if (c === ',') {
      record.push(field), (field = ''), (i += 1);
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field), records.push(record), (field = ''), (record = []), (i += 2);
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

/** Records split into sheets at the empty records between them. */
function sheetsOf(records: string[][]): string[][][] {
  const sheets: string[][][] = [[]];
  for (const r of records) (r.length === 1 && r[0] === '' ? sheets.push([]) : sheets.at(-1)?.push(r));
  return sheets;
}

describe('scoreSheetCsv', async () => {
  const input = sheetInput();
  const bytes = scoreSheetCsv(input);
  const text = bytes.toString('utf8');
  const sheets = sheetsOf(parseCsv(text.slice(1)));

  it('starts with the UTF-8 BOM and ends every record with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('holds the same sheets, rows and cells as the XLSX (numbers as shown, text as written)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await scoreSheetXlsx(input)) as unknown as ArrayBuffer);
    expect(sheets).toHaveLength(wb.worksheets.length);
    wb.worksheets.forEach((ws, s) => {
      expect(sheets[s]).toHaveLength(ws.rowCount);
      sheets[s].forEach((record, r) => {
        const row = ws.getRow(r + 1);
        expect(record).toHaveLength(ws.columnCount);
        record.forEach((field, c) => {
          const cell = row.getCell(c + 1);
          const where = `${ws.name} ${cell.address} “${field}”`;
          const raw = cell.value;
          const v = typeof raw === 'object' && raw !== null && 'result' in raw ? raw.result : raw;
          if (cell.master !== cell || v === null || v === undefined) {
            // The rest of a merged row reads back as its first cell in exceljs; the CSV leaves those fields empty.
            expect(field, where).toBe('');
          } else if (typeof v === 'number') {
            const shown = field.endsWith('%') ? Number(field.slice(0, -1).replace(/,/g, '')) / 100 : Number(field.replace(/,/g, ''));
            expect(Math.abs(shown - v), `${where} vs ${v}`).toBeLessThanOrEqual(field.endsWith('%') ? 0.00005 : 0.005);
          } else {
            expect(field, where).toBe(/^[=+\-@\t\r]/.test(String(v)) ? `'${v}` : v);
          }
        });
      });
    });
  });

  it('quotes hostile names and neutralises anything a spreadsheet would run as a formula', () => {
    const project = sheets[1];
    const names = project.slice(4, 9).map((r) => r[0]);
    expect(names).toEqual(['张三', `'${hostileName}`, '李四, "老李"\n(特邀)', "'+王五", '赵六']);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")",17,13,18,12,9,15,84,通过\r\n`);
    expect(text).toContain('"李四, ""老李""\n(特邀)",19,');
    for (const field of sheets.flat(2)) expect(field).not.toMatch(/^[=+@\t\r]/);
  });

  it('leaves the app’s own negative numbers alone but neutralises text that starts like one', () => {
    expect(csvField({ value: -0.5, text: '-0.50', format: 'wan' })).toBe('-0.50');
    expect(csvField({ value: '-1+1', text: '-1+1' })).toBe("'-1+1");
    expect(csvField({ value: '\tcmd', text: '\tcmd' })).toBe("'\tcmd");
    expect(csvField({ value: '@SUM(A1)', text: '@SUM(A1)' })).toBe("'@SUM(A1)");
    expect(csvField({ value: 'a "b"', text: 'a "b"' })).toBe('"a ""b"""');
  });

  it('writes one project alone', () => {
    const one = sheetsOf(parseCsv(scoreSheetCsv(input, 'p2').toString('utf8').slice(1)));
    expect(one).toHaveLength(1);
    expect(one[0][0][0]).toBe('评分汇总表（政务数据共享交换平台）');
  });
});
