// Word 97 .doc and WPS .wps: a file LibreOffice saved reads as the DOCX it came from (headings, tables), the same bytes
// named .wps read the same, a DOCX under an old name is read as DOCX, and every broken file is refused in its worker with
// a Chinese message naming it: empty, truncated, a CFB with impossible sizes or a looping directory, RTF, an old WPS.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTextsIsolated } from '../../../../electron/core/documents/isolatedText';
import { wordToDisplay } from '../../../../electron/core/documents/readers/display';
import { extractText } from '../../../../electron/core/documents/text';
import { sofficeConvert, sofficePath } from '../../../../scripts/make-legacy-corpus';

const sampleDocx = path.join(__dirname, '../../../../resources/samples/wulong-2027/documents/wl-2027-01/初步设计及概算.docx');
let dir: string;
let doc: Buffer;

beforeAll(async () => {
  expect(sofficePath()).not.toBeNull(); // CI installs LibreOffice Writer
  dir = await mkdtemp(path.join(os.tmpdir(), 'word-reader-'));
  await copyFile(sampleDocx, path.join(dir, '设计.docx'));
  sofficeConvert([path.join(dir, '设计.docx')], 'doc', dir, path.join(dir, 'profile'));
  doc = await readFile(path.join(dir, '设计.doc'));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const write = async (name: string, bytes: Buffer | string) => {
  await writeFile(path.join(dir, name), bytes);
  return path.join(dir, name);
};

describe('the Word 97 / WPS reader', () => {
  it('reads a .doc saved by LibreOffice with the headings and table rows of the DOCX it came from', async () => {
    const fromDoc = await extractText(path.join(dir, '设计.doc'), 'doc', 'd');
    const fromDocx = await extractText(sampleDocx, 'docx', 'd');
    const headings = (t: typeof fromDoc) => t.headings.map((h) => `${h.level} ${h.text}`);
    expect(headings(fromDoc)).toEqual(headings(fromDocx));
    expect(headings(fromDoc)).toContain('1 第一章 项目概述');
    const text = fromDoc.pages.map((p) => p.text).join('\n');
    expect(text).toContain('模块\t主要功能');
    // Chinese quotation marks stay as written (word-extractor would fold them to ASCII by default).
    expect(text).toContain('“发现—立案—派遣—处置—核查—结案”');
  });

  it('reads the same bytes named .wps the same, and shows them as escaped paragraphs, headings and tables', async () => {
    const wps = await write('设计.wps', doc);
    expect(await extractText(wps, 'doc', 'd')).toEqual(await extractText(path.join(dir, '设计.doc'), 'doc', 'd'));
    const shown = await wordToDisplay(wps);
    if (shown.kind !== 'html') throw new Error(shown.kind);
    expect(shown.html).toContain('<h1>第一章 项目概述</h1>');
    expect(shown.html).toMatch(/<table><tr><td>模块<\/td><td>主要功能<\/td>/);
    expect(shown.html).not.toMatch(/<[a-z0-9]+ /); // no attributes at all: nothing to link, load or run
  });

  it('reads a DOCX saved under .doc as the DOCX it is', async () => {
    const renamed = await write('其实是docx.doc', await readFile(sampleDocx));
    expect(await extractText(renamed, 'doc', 'd')).toEqual(await extractText(sampleDocx, 'docx', 'd'));
  });

  it('refuses hostile and broken files in its worker, each with a Chinese message naming the file', async () => {
    const fatCount = Buffer.from(doc);
    fatCount.writeUInt32LE(0x00ffffff, 0x2c); // the header claims 16 million FAT sectors
    const sectorShift = Buffer.from(doc);
    sectorShift.writeUInt16LE(30, 0x1e); // 1 GiB sectors
    const loop = Buffer.from(doc);
    const dirStart = loop.readUInt32LE(0x30);
    loop.writeUInt32LE(dirStart, 512 + loop.readUInt32LE(0x4c) * 512 + dirStart * 4); // the directory's chain points at itself
    const cases: [string, Buffer | string, RegExp][] = [
      ['空.doc', Buffer.alloc(0), /文件是空的/],
      ['截断.doc', doc.subarray(0, doc.length >> 1), /文件已损坏或不完整/],
      ['仅文件头.doc', doc.subarray(0, 512), /文件已损坏或不完整/],
      ['扇区数.doc', fatCount, /文件已损坏或不完整/],
      ['扇区大小.doc', sectorShift, /文件已损坏或不完整/],
      ['目录循环.doc', loop, /文件已损坏或不完整/],
      ['富文本.doc', '{\\rtf1\\ansi 项目概况}', /实际是 RTF 格式/],
      ['网页.doc', '<html><body>项目概况</body></html>', /实际是网页/],
      ['旧版.wps', Buffer.concat([Buffer.from('WPS 2000 document'), Buffer.alloc(600, 7)]), /不是 WPS 2002 以后版本保存的 WPS 文字文件/],
      ['随机.doc', Buffer.alloc(4096, 0x41), /不是 Word 97-2003 文档/],
    ];
    const items = [];
    for (const [name, bytes] of cases) items.push({ file: await write(name, bytes), kind: 'doc' as const, documentId: name });
    const read = await extractTextsIsolated(items, { documentTimeoutMs: 30_000, heapMb: 256 });
    for (const [name, , why] of cases) {
      const got = read.get(name);
      expect(got && 'error' in got ? got.error : got, name).toMatch(new RegExp(`^无法读取“${name.replace('.', '\\.')}”：`));
      expect(got && 'error' in got ? got.error : '', name).toMatch(why);
    }
  }, 120_000);
});
