// Text extraction from generated PDF, DOCX and XLSX: page text, CJK without inserted spaces, headings with pages; hostile input fails clearly.
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentText } from '../../../shared/precheck';
import { withPdfium, type PdfiumTextPage } from '../../../electron/core/documents/pdfium';
import { itemLines } from '../../../electron/core/documents/pdfjsText';
import { extractText, textLines, type TextProgress } from '../../../electron/core/documents/text';
import type { TextBatchProgress, TextRequest } from '../../../electron/core/documents/textWorker';
import { runWorker } from '../../../electron/core/jobs/worker';
import { sampleFonts, samplePdf } from '../../../scripts/sample-fonts';
import { chapterFixtures } from '../../helpers/chapters';
import { tempDir } from '../../helpers/core';

let dir: string;
beforeAll(async () => {
  ({ dir } = await chapterFixtures());
});

const fixture = (name: string) => path.join(dir, name);
/** Page text with line breaks removed: pdfkit wraps sentences anywhere. */
const flat = (t: DocumentText, page: number) => t.pages[page - 1]!.text.replace(/\n/g, '');
/** Three or more CJK characters each separated by one space: what inserted spaces look like. */
const spacedOut = /(?:\p{Script=Han} ){2,}\p{Script=Han}/u;
interface FakeChar {
  c: string;
  x?: number;
  size?: number;
  font?: string;
  generated?: boolean;
}
/** A PDFium text page from characters in reading order (PDFium's own spaces and line breaks marked generated). */
const fakePage = (chars: FakeChar[]): PdfiumTextPage => ({
  count: chars.length,
  char: (i) => chars[i]!.c,
  unmapped: () => false,
  generated: (i) => chars[i]!.generated ?? false,
  fontSize: (i) => chars[i]!.size ?? 12,
  fontName: (i) => chars[i]!.font ?? 'f',
  run: () => 1,
  originX: (i) => chars[i]!.x ?? 0,
  originY: () => 0,
  angle: () => 0,
});
/** Characters of `s` set from x at `size` points each (CJK is one em wide), in `font`. */
const run = (s: string, x = 0, size = 12, font = 'f'): FakeChar[] => [...s].map((c, i) => ({ c, x: x + i * size, size, font }));
const inserted = (c: string, x = 0): FakeChar => ({ c, x, generated: true });

describe('textLines', () => {
  it('joins CJK without justification spaces, keeps word gaps, and breaks lines where PDFium or the file does', () => {
    const lines = textLines(
      fakePage([
        ...run('数据', 0), // ends at 24
        inserted(' ', 24),
        ...run('资源', 28), // a 4-point gap: justification
        ...run('GB/T', 52),
        inserted(' ', 100),
        ...run('39786', 106),
        inserted('\r'),
        inserted('\n'),
        ...run('建 设 方 案', 0, 30, 'title'),
        inserted('\r'),
        inserted('\n'),
        ...run('第一章 项目概况', 0),
        inserted(' ', 96),
        ...run('1', 160),
        { c: '\n' },
        ...run('目', 0),
        inserted(' ', 12),
        ...run('录', 40), // 28 points apart: a word gap, kept
        { c: '\n' },
        ...run('4　标题', 0),
      ]),
      3,
    );
    expect(lines.map((l) => l.text)).toEqual(['数据资源GB/T 39786', '建设方案', '第一章 项目概况 1', '目 录', '4　标题']);
    expect(lines.map((l) => [l.page, l.size, l.font])).toEqual([
      [3, 12, 'f'],
      [3, 30, 'title'],
      [3, 12, 'f'],
      [3, 12, 'f'],
      [3, 12, 'f'],
    ]);
  });
});

const item = (str: string, x: number, y: number, width: number, size = 12, hasEOL = false): TextItem =>
  ({ str, dir: 'ltr', transform: [size, 0, 0, size, x, y], width, height: size, fontName: 'f', hasEOL }) as TextItem;

describe('itemLines', () => {
  it('joins CJK items without spaces, keeps word gaps, and breaks lines on EOL and baseline changes', () => {
    const lines = itemLines(
      [
        item('数据', 0, 700, 24),
        item(' ', 24, 700, 4),
        item('资源', 28, 700, 24),
        item('GB/T', 60, 700, 30),
        item(' ', 90, 700, 6),
        item('39786', 96, 700, 30, 12, true),
        item('建 设 方 案', 0, 650, 150, 30),
        item('第一章 项目概况', 0, 600, 100),
        item(' ', 100, 600, 60),
        item('1', 160, 600, 6),
        item('下一行', 0, 580, 36),
      ],
      3,
    );
    expect(lines.map((l) => l.text)).toEqual(['数据资源GB/T 39786', '建设方案', '第一章 项目概况 1', '下一行']);
    expect(lines.map((l) => [l.page, l.size])).toEqual([
      [3, 12],
      [3, 30],
      [3, 12],
      [3, 12],
    ]);
  });
});

describe('extractText: PDF', () => {
  it('reads every page, keeps CJK unspaced, and takes headings with pages from bookmarks', async () => {
    const progress: TextProgress[] = [];
    const text = await extractText(fixture('01-house.pdf'), 'pdf', 'proposal', (p) => progress.push(p));
    expect(text.documentId).toBe('proposal');
    expect(text.pages.map((p) => p.page)).toEqual(Array.from({ length: text.pages.length }, (_, i) => i + 1));
    expect(progress.map((p) => p.done)).toEqual(text.pages.map((p) => p.page));
    expect(progress.at(-1)).toEqual({ done: text.pages.length, total: text.pages.length });

    expect(flat(text, 1)).toContain('武隆区智慧养老服务平台建设项目建设方案');
    expect(text.pages[1]!.text).toMatch(/^目录\n第一章 项目概况 \.{5,}.* 1$/m);
    const background = text.pages.findIndex((p) =>
      p.text.replace(/\n/g, '').includes('武隆区60周岁以上老年人口约8.1万人，占户籍人口的22.6%'),
    );
    expect(background + 1).toBe(4);
    for (const p of text.pages) expect(p.text).not.toMatch(spacedOut);

    expect(text.headings).toContainEqual({ text: '第五章 数据资源共享分析', page: 10, level: 1 });
    expect(text.headings).toContainEqual({ text: '5.1 共享需求分析', page: 10, level: 2 });
    expect(text.headings.filter((h) => h.text === '第五章 数据资源共享分析')).toHaveLength(1);
  });

  it('recognises heading lines by size and numbering when there are no bookmarks, and skips body-size list lines', async () => {
    const arabic = await extractText(fixture('06-arabic-no-toc.pdf'), 'pdf', 'a');
    expect(arabic.headings).toContainEqual({ text: '6.4 密码应用方案', page: 9, level: 2 });
    expect(arabic.headings).toContainEqual({ text: '5. 数据资源共享分析', page: 8, level: 1 });

    const mentions = await extractText(fixture('14-house-mentions.pdf'), 'pdf', 'm');
    expect(mentions.pages.some((p) => p.text.split('\n').includes('（一）集约化建设'))).toBe(true);
    expect(mentions.headings.map((h) => h.text)).not.toContain('（一）集约化建设');

    const plain = await extractText(fixture('07-part-plain-headings.pdf'), 'pdf', 'p');
    expect(plain.headings).toContainEqual({ text: '第五篇 网络安全保护措施', page: 8, level: 1 });
    expect(plain.headings.some((h) => h.page === undefined)).toBe(false);
  });

  it('reads a file whose fonts PDFium cannot map (pdfkit before 0.18: "1 beginbfrange" over several ranges) through pdf.js', async () => {
    // More than 256 distinct characters make pdfkit write its ToUnicode map in several ranges.
    const { doc, bytes } = samplePdf({ size: 'A4', compress: false });
    const chars = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    doc.font('body').fontSize(10).text(chars, 50, 50, { width: 480 });
    doc.text('第三章 数据资源共享分析', 50, 400);
    doc.end();
    const wellFormed = await bytes;
    const ranges = /(\d) beginbfrange/.exec(wellFormed.toString('latin1'));
    expect(Number(ranges?.[1])).toBeGreaterThan(1);
    // Same length, so the cross-reference offsets still hold: only the count pdfkit used to get wrong changes.
    const broken = Buffer.from(wellFormed.toString('latin1').replace(/\d beginbfrange/, '1 beginbfrange'), 'latin1');
    const unmapped = (pdf: Buffer) =>
      withPdfium(pdf, (d) =>
        d.withPage(1, (page) => Array.from({ length: page.count }, (_, i) => page.unmapped(i)).filter(Boolean).length),
      );
    expect(await unmapped(wellFormed)).toBe(0);
    expect(await unmapped(broken)).toBeGreaterThan(100);

    const scratch = tempDir();
    const read = async (name: string, pdf: Buffer) => {
      await fs.writeFile(path.join(scratch, name), pdf);
      return (await extractText(path.join(scratch, name), 'pdf', name)).pages[0]!.text.replace(/\n/g, '');
    };
    const expected = `${chars}第三章 数据资源共享分析`;
    expect(await read('well-formed.pdf', wellFormed)).toBe(expected);
    expect(await read('broken.pdf', broken)).toBe(expected);
  });

  it('rejects a corrupt or encrypted PDF with a clear message', async () => {
    const scratch = tempDir();
    const random = path.join(scratch, 'random.pdf');
    await fs.writeFile(random, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4000)]));
    await expect(extractText(random, 'pdf', 'r')).rejects.toThrow('不是有效的 PDF 文件');
    const empty = path.join(scratch, 'empty.pdf');
    await fs.writeFile(empty, '');
    await expect(extractText(empty, 'pdf', 'z')).rejects.toThrow('不是有效的 PDF 文件（文件为空）');
    const truncated = path.join(scratch, 'truncated.pdf');
    await fs.writeFile(truncated, (await fs.readFile(fixture('01-house.pdf'))).subarray(0, 50_000));
    await expect(extractText(truncated, 'pdf', 't')).rejects.toThrow(/PDF/);

    const locked = new PDFDocument({ userPassword: 'secret', ownerPassword: 'owner' });
    const chunks: Buffer[] = [];
    locked.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => locked.on('end', resolve));
    locked.registerFont('body', sampleFonts().regular);
    locked.font('body').text('加密文件');
    locked.end();
    await ended;
    const encrypted = path.join(scratch, 'encrypted.pdf');
    await fs.writeFile(encrypted, Buffer.concat(chunks));
    await expect(extractText(encrypted, 'pdf', 'e')).rejects.toThrow('PDF 文件已加密');
  });
});

describe('extractText: DOCX', () => {
  it('pages at the breaks the file records (cover, then a chapter a page), with paragraphs, table rows and h1/h2 headings', async () => {
    const text = await extractText(fixture('02-house.docx'), 'docx', 'd');
    const all = text.pages.map((p) => p.text).join('\n');
    expect(text.pages.map((p) => p.page)).toEqual(Array.from({ length: text.pages.length }, (_, i) => i + 1));
    expect(text.pages[0]!.text).toContain('武隆区智慧养老服务平台建设项目');
    expect(all).toContain('武隆区60周岁以上老年人口约8.1万人，占户籍人口的22.6%');
    expect(all).toContain('项目名称\t武隆区智慧养老服务平台建设项目');
    expect(all).not.toMatch(spacedOut);
    expect(text.headings).toContainEqual({ text: '第五章 数据资源共享分析', page: 6, level: 1 });
    expect(text.headings).toContainEqual({ text: '5.1 共享需求分析', page: 6, level: 2 });
    expect(text.pages[5]!.text.split('\n')[0]).toBe('第五章 数据资源共享分析');
  });

  it('takes headings from Chinese style names (标题 1) and from bold numbered paragraphs, not from plain list lines', async () => {
    const styled = await extractText(fixture('12-arabic-cn-styles.docx'), 'docx', 's');
    expect(styled.headings).toContainEqual({ text: '5. 数据资源共享分析', page: 1, level: 1 });
    expect(styled.pages[0]!.text.split('\n')).toContain('2．集约化建设');
    expect(styled.headings.map((h) => h.text)).not.toContain('2．集约化建设');

    const bold = await extractText(fixture('11-chinese-bold.docx'), 'docx', 'b');
    expect(bold.headings).toContainEqual({ text: '五、信息资源共享分析（含政务信息资源管理及编目）', page: 1, level: 1 });
    expect(bold.headings).toContainEqual({ text: '（一）共享需求分析', page: 1, level: 2 });
    expect(bold.headings.map((h) => h.text)).not.toContain('目录');
  });

  it('rejects a file that is not a DOCX', async () => {
    const file = path.join(tempDir(), 'fake.docx');
    await fs.writeFile(file, 'not a zip');
    await expect(extractText(file, 'docx', 'x')).rejects.toThrow('不是有效的 DOCX 文件');
  });
});

describe('extractText: XLSX', () => {
  it('makes each sheet a page of tab-separated rows, headed by the sheet name', async () => {
    const wb = new ExcelJS.Workbook();
    const budget = wb.addWorksheet('概算表');
    budget.addRow(['名称', '数量', '金额（元）']);
    budget.addRow(['服务器', 2, 120000]);
    wb.addWorksheet('说明').addRow(['数据资源共享分析见建设方案第五章']);
    const file = path.join(tempDir(), '概算.xlsx');
    await wb.xlsx.writeFile(file);
    const progress: TextProgress[] = [];
    const text = await extractText(file, 'xlsx', 'x', (p) => progress.push(p));
    expect(text.pages).toEqual([
      { page: 1, text: '名称\t数量\t金额（元）\n服务器\t2\t120000' },
      { page: 2, text: '数据资源共享分析见建设方案第五章' },
    ]);
    expect(text.headings).toEqual([
      { text: '概算表', page: 1, level: 1 },
      { text: '说明', page: 2, level: 1 },
    ]);
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
  });
});

describe('text worker', () => {
  it('extracts a batch in one worker thread with per-page progress, and reports a corrupt file without stopping the batch', async () => {
    const bad = path.join(tempDir(), 'bad.pdf');
    await fs.writeFile(bad, 'garbage');
    const items: TextRequest[] = [
      { file: bad, kind: 'pdf', documentId: 'bad' },
      { file: fixture('05-chinese-toc.pdf'), kind: 'pdf', documentId: 'w' },
    ];
    const progress: TextBatchProgress[] = [];
    const result = await runWorker<TextBatchProgress, { count: number }>('text', { items }, (p) => progress.push(p), 60_000).result;
    expect(result).toEqual({ count: 2 });
    const failure = progress.find((p) => 'error' in p && p.item === 0);
    expect(failure && 'error' in failure && failure.error).toMatch('不是有效的 PDF 文件');
    const done = progress.find((p): p is Extract<TextBatchProgress, { text: unknown }> => 'text' in p && p.item === 1)!;
    expect(done.text.headings).toContainEqual({ text: '五、数据资源共享分析', page: 10, level: 1 });
    expect(progress.filter((p) => p.item === 1 && 'done' in p)).toHaveLength(done.text.pages.length);
  });
});
