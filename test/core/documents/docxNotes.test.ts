// DOCX footnotes and endnotes in the pre-check text: a footnote after the body text of the page that cites it, an endnote
// on the last page, never a heading; headers and footers left out; the same after a LibreOffice re-save; hostile notes parts.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  Document,
  EndnoteReferenceRun,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  TextRun,
} from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxLines } from '../../../electron/core/documents/docxParagraphs';
import { extractText } from '../../../electron/core/documents/text';
import { writeZip, type ZipEntry } from '../../../scripts/hostile/zip-writer';
import { tempDir } from '../../helpers/core';
import { sofficePath } from '../output/docx/libreoffice';

const STANDARD = 'GB/T 22239—2019《信息安全技术 网络安全等级保护基本要求》';
const CRYPTO = 'GB/T 39786—2021《信息安全技术 信息系统密码应用基本要求》';
const ENDNOTE = '本报告投资估算依据《区级政务信息化项目建设管理办法》编制';
const RUNNING_HEADER = '五龙区政务云扩容项目可行性研究报告';

let dir: string;
let made: string;

beforeAll(async () => {
  dir = tempDir('docx-notes-');
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph(`依据 ${STANDARD}。`)] }, 2: { children: [new Paragraph(CRYPTO)] } },
    endnotes: { 1: { children: [new Paragraph(ENDNOTE)] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(RUNNING_HEADER)] }) },
        footers: { default: new Footer({ children: [new Paragraph('评审专用 第 页')] }) },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('第一章 网络安全保障措施')] }),
          new Paragraph({ children: [new TextRun('系统按第三级要求建设'), new FootnoteReferenceRun(1), new TextRun('。')] }),
          new Paragraph({ children: [new TextRun('投资估算见附表'), new EndnoteReferenceRun(1), new PageBreak()] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('第二章 密码应用方案')] }),
          new Paragraph({ children: [new TextRun('密码应用满足第三级要求'), new FootnoteReferenceRun(2), new TextRun('。')] }),
          new Paragraph({ children: [new TextRun('再次引用等保要求'), new FootnoteReferenceRun(1)] }),
        ],
      },
    ],
  });
  made = path.join(dir, 'notes.docx');
  await fs.writeFile(made, await Packer.toBuffer(doc));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** What the pre-check and search get from a DOCX with the notes above. */
async function expectNotesRead(file: string) {
  const text = await extractText(file, 'docx', 'd');
  expect(text.pages.map((p) => p.page)).toEqual([1, 2]);
  const [one, two] = text.pages.map((p) => p.text.split('\n'));
  // A footnote follows the body text of its page, numbered in order of first reference; a second reference adds none.
  expect(one!.at(-1)).toBe(`1 依据 ${STANDARD}。`);
  expect(one!.indexOf(`1 依据 ${STANDARD}。`)).toBeGreaterThan(one!.indexOf('投资估算见附表'));
  expect(two).toContain(`2 ${CRYPTO}`);
  expect(two!.filter((l) => l.includes('22239'))).toEqual([]);
  // The endnote is printed at the end of the document.
  expect(two!.at(-1)).toBe(`1 ${ENDNOTE}`);
  // Running headers and footers are not text of any page, and notes are never headings.
  expect(text.pages.some((p) => p.text.includes(RUNNING_HEADER) || p.text.includes('评审专用'))).toBe(false);
  expect(text.headings.map((h) => [h.text, h.page])).toEqual([
    ['第一章 网络安全保障措施', 1],
    ['第二章 密码应用方案', 2],
  ]);
}

describe('DOCX footnotes and endnotes', () => {
  it('reads the notes of a DOCX made by the docx package onto the page Word prints them on', async () => {
    await expectNotesRead(made);
  });

  it('reads them the same after LibreOffice re-saves the file', async (ctx) => {
    const soffice = sofficePath();
    if (!soffice) return ctx.skip();
    const out = path.join(dir, 'resaved');
    execFileSync(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
        '--convert-to',
        'docx',
        '--outdir',
        out,
        made,
      ],
      { timeout: 180_000, stdio: 'ignore' },
    );
    const resaved = path.join(out, 'notes.docx');
    // LibreOffice writes its own separator notes and ids; the text must not change.
    const footnotesXml = execFileSync('unzip', ['-p', resaved, 'word/footnotes.xml']).toString('utf8');
    expect(footnotesXml).toMatch(/w:type="separator"/);
    await expectNotesRead(resaved);
  }, 200_000);
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = `<w:document ${W}><w:body><w:p><w:r><w:t>正文引用</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`;
const footnotes = (notes: string) => `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}>${notes}</w:footnotes>`;

async function docxWith(footnotesEntry: Omit<ZipEntry, 'name'>): Promise<string> {
  const file = path.join(tempDir(), 'hostile.docx');
  await fs.writeFile(
    file,
    writeZip([
      { name: 'word/document.xml', data: Buffer.from(body) },
      { name: 'word/footnotes.xml', ...footnotesEntry },
    ]),
  );
  return file;
}

describe('hostile notes parts', () => {
  it('a separator note is not a note, and a reference to a missing note adds nothing', async () => {
    const file = await docxWith({
      data: Buffer.from(footnotes(`<w:footnote w:type="separator" w:id="1"><w:p><w:r><w:t>分隔</w:t></w:r></w:p></w:footnote>`)),
    });
    expect(await docxLines(file)).toMatchObject({ body: [{ text: '正文引用', page: 1 }], notes: [] });
  });

  it('a malformed or DTD-carrying footnotes.xml is left out and the body still reads', async () => {
    for (const xml of [
      footnotes(`<w:footnote w:id="1"><w:p><w:r><w:t>未闭合`),
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${footnotes(`<w:footnote w:id="1"><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:footnote>`)}`,
      footnotes('<w:footnote w:id="1">' + '<w:sdt>'.repeat(300) + '</w:sdt>'.repeat(300) + '</w:footnote>'),
    ]) {
      const text = await extractText(await docxWith({ data: Buffer.from(xml) }), 'docx', 'd');
      expect(text.pages).toEqual([{ page: 1, text: '正文引用' }]);
    }
  });

  it('a footnotes.xml that inflates past the part limit refuses the file with a Chinese reason; one whose size lies too', async () => {
    const huge = Buffer.from(
      footnotes('<w:footnote w:id="1"><w:p><w:r><w:t>' + '注'.repeat(24 * 2 ** 20) + '</w:t></w:r></w:p></w:footnote>'),
    );
    await expect(extractText(await docxWith({ data: huge }), 'docx', 'd')).rejects.toThrow(
      /无法读取 DOCX 文件：文件内部的 word\/footnotes\.xml 解压后过大.*压缩炸弹/,
    );
    const lying = await docxWith({ data: huge, declared: { uncompressedSize: 4096 } });
    await expect(extractText(lying, 'docx', 'd')).rejects.toThrow(/^不是有效的 DOCX 文件（文件可能已损坏）/);
  });
});
