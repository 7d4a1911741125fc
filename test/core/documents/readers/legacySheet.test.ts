// Excel 97 .xls and WPS .et: a workbook LibreOffice saved shows and reads as the XLSX it came from (cells as formatted,
// merges, one page per sheet), the same bytes named .et alike; broken and hostile files are refused in the worker with
// a Chinese message naming the file: empty, truncated, not a workbook, an XLSX bomb under an old name.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxToSheets } from '../../../../electron/core/documents/convert';
import { extractTextsIsolated } from '../../../../electron/core/documents/isolatedText';
import { legacySheetToDisplay } from '../../../../electron/core/documents/readers/display';
import { extractText } from '../../../../electron/core/documents/text';
import { sofficeConvert, sofficePath } from '../../../../scripts/make-legacy-corpus';

const sampleXlsx = path.join(__dirname, '../../../../resources/samples/wulong-2027/documents/wl-2027-01/投资概算表.xlsx');
let dir: string;
let xls: Buffer;

beforeAll(async () => {
  expect(sofficePath()).not.toBeNull(); // CI installs LibreOffice Calc
  dir = await mkdtemp(path.join(os.tmpdir(), 'sheet-reader-'));
  await copyFile(sampleXlsx, path.join(dir, '概算.xlsx'));
  sofficeConvert([path.join(dir, '概算.xlsx')], 'xls', dir, path.join(dir, 'profile'));
  xls = await readFile(path.join(dir, '概算.xls'));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const write = async (name: string, bytes: Buffer | string) => {
  await writeFile(path.join(dir, name), bytes);
  return path.join(dir, name);
};

/** A ZIP whose one part inflates to `bytes` of spaces: an XLSX-shaped bomb. */
function zipBomb(bytes: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.alloc(bytes, 0x20), 'xl/worksheets/sheet1.xml');
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('the Excel 97 / WPS 表格 reader', () => {
  it('shows a .xls saved by LibreOffice with the cells, merges and sheet name of the XLSX it came from', async () => {
    expect([...xls.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const shown = await legacySheetToDisplay(path.join(dir, '概算.xls'));
    const original = await xlsxToSheets(sampleXlsx);
    if (shown.kind !== 'sheets' || original.kind !== 'sheets') throw new Error('not sheets');
    expect(shown.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    expect(shown.sheets[0]!.rows).toEqual(original.sheets[0]!.rows);
    expect(shown.sheets[0]!.merges).toEqual(original.sheets[0]!.merges);
    expect(shown.sheets[0]!.columnWidths).toEqual(original.sheets[0]!.columnWidths);
  });

  it('reads the same text as the XLSX, under .xls and under .et', async () => {
    const fromXlsx = await extractText(sampleXlsx, 'xlsx', 'x');
    expect(await extractText(path.join(dir, '概算.xls'), 'xls', 'x')).toEqual(fromXlsx);
    expect(await extractText(await write('概算.et', xls), 'xls', 'x')).toEqual(fromXlsx);
    expect(fromXlsx.pages[0]!.text).toMatch(/综合指挥调度子系统升级\t应用软件开发\t1\t套\t1,860,000\.00/);
  });

  it('refuses hostile and broken files in its worker, each with a Chinese message naming the file', async () => {
    const cases: [string, Buffer | string, RegExp][] = [
      ['空.xls', Buffer.alloc(0), /文件是空的/],
      ['截断.xls', xls.subarray(0, xls.length >> 1), /文件已损坏或不完整/],
      ['仅文件头.et', xls.subarray(0, 512), /文件已损坏或不完整/],
      ['网页.xls', '<table><tr><td>名称</td></tr></table>', /不是 Excel 97-2003 或 WPS 表格文件/],
      ['文本.et', '名称,金额\n服务器,10\n', /不是 Excel 97-2003 或 WPS 表格文件/],
      ['炸弹.xls', await zipBomb(80 * 2 ** 20), /解压后过大.*压缩炸弹/],
    ];
    const items = [];
    for (const [name, bytes] of cases) items.push({ file: await write(name, bytes), kind: 'xls' as const, documentId: name });
    const read = await extractTextsIsolated(items, { documentTimeoutMs: 30_000, heapMb: 256 });
    for (const [name, , why] of cases) {
      const got = read.get(name);
      const error = got && 'error' in got ? got.error : JSON.stringify(got);
      expect(error, name).toMatch(new RegExp(`^无法读取“${name.replace('.', '\\.')}”：`));
      expect(error, name).toMatch(why);
    }
  }, 120_000);
});
