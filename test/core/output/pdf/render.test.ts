// The PDF renderer on a real three-page 评审意见函: text in order (pdfjs), GB/T 9704 grid and page numbers measured, Info, determinism, size; forms and errors.
import { readFileSync, existsSync } from 'node:fs';
import { create } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderDoc } from '../../../../electron/core/output/model';
import { closingMarks } from '../../../../electron/core/output/pdf/linebreak';
import { bundledFonts, renderPdf } from '../../../../electron/core/output/pdf/render';
import { tableColumnWidths } from '../../../../electron/core/output/pdf/table';
import { dashStroke, renderPage } from './pixels';
import { letterDoc, letterParagraphs, letterTableRows } from './letter';
import { lines, plainText, readPdf, type PdfRead } from './pdfText';

const mm = (pt: number) => (pt * 25.4) / 72;
const pt = (v: number) => (v * 72) / 25.4;
const strip = (s: string) => s.replace(/\s+/g, '');

let bytes: Buffer;
let read: PdfRead;
/** The ideographic em box's top above the baseline, from the body font's OS/2 table (not the renderer's constant). */
let ascent: number;

beforeAll(async () => {
  bytes = await renderPdf(letterDoc());
  read = await readPdf(bytes);
  const serif = bundledFonts().find((f) => f.role === 'fangsong')?.files[0] as string;
  const font = create(readFileSync(serif)) as unknown as { 'OS/2': { typoAscender: number }; unitsPerEm: number };
  ascent = font['OS/2'].typoAscender / font.unitsPerEm;
});

describe('renderPdf: the 评审意见函', () => {
  it('is three A4 pages with every paragraph, heading and cell in order', () => {
    expect(read.pages).toHaveLength(3);
    for (const p of read.pages) expect([Math.round(mm(p.width)), Math.round(mm(p.height))]).toEqual([210, 297]);
    // Page numbers ("— 1 —") sit between the pages' text, inside a paragraph that runs on.
    const text = plainText(read).replace(/—\d+—/g, '');
    const doc = letterDoc();
    const expected = doc.blocks.flatMap((b) => {
      switch (b.kind) {
        case 'title':
        case 'docNumber':
        case 'addressee':
        case 'heading':
          return [b.text];
        case 'paragraph':
          return [b.runs.map((r) => r.text).join('')];
        case 'attachments':
          return ['附件：', ...b.items];
        case 'closing':
          return [b.organiser, b.date];
        case 'signatures':
          return [...b.entries.map((e) => `${e.role}：${e.name}`), ...b.entries.flatMap((e) => (e.date ? [e.date] : []))];
        default:
          return [];
      }
    });
    expect(expected).toEqual(expect.arrayContaining(letterParagraphs));
    let at = 0;
    for (const piece of expected.map(strip)) {
      const found = text.indexOf(piece, at);
      expect(found, `“${piece}” after position ${at}`).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
  });

  it('fills each table column top to bottom across the page break and repeats the header row', () => {
    const table = letterDoc().blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    // Columns are as wide as their content needs (layout.ts columnWidths).
    const widths = tableColumnWidths(table, pt(156));
    let left = pt(28);
    table.columns.forEach((_c, k) => {
      const right = left + widths[k]!;
      const column = read.pages
        .map((p) =>
          p.items
            .filter((i) => Math.abs(i.size - 12) < 0.01 && i.x >= left && i.x < right)
            .sort((a, b) => a.baseline - b.baseline || a.x - b.x),
        )
        .map((items) => strip(items.map((i) => i.str).join('')));
      const header = strip(letterTableRows[0]![k]!);
      expect(column.filter((text) => text.startsWith(header)).length, `header of column ${k + 1}`).toBe(2);
      const text = column.join('');
      let at = 0;
      for (const row of letterTableRows.slice(1)) {
        const found = text.indexOf(strip(row[k]!), at);
        expect(found, `cell “${row[k]}” of column ${k + 1}`).toBeGreaterThanOrEqual(at);
        at = found + strip(row[k]!).length;
      }
      left = right;
    });
  });

  it('starts no line with closing punctuation, and pushes a character down to avoid it', () => {
    const all = read.pages.flatMap(lines).filter((l) => !/^—\d+—$/.test(strip(l.text)));
    for (const l of all) expect(closingMarks.has([...strip(l.text)][0] ?? ''), `line “${l.text}”`).toBe(false);
    // letterParagraphs[2]: 26 characters fit after the indent and the 27th is a comma, so "理" moves down with it.
    expect(all.some((l) => strip(l.text).startsWith('理，对已建能力'))).toBe(true);
  });

  it('lays out pages 1 and 2 on the GB/T 9704 grid: 版心 at 28 mm / 37 mm, 22 lines of 28 characters', () => {
    const pitch = pt(225) / 22;
    const textRight = pt(210 - 26);
    for (const page of read.pages.slice(0, 2)) {
      const body = lines(page).filter((l) => Math.abs(l.size - 16) < 0.01);
      expect(Math.abs(mm(Math.min(...body.map((l) => l.left))) - 28)).toBeLessThan(1);
      const top = mm(body[0]!.baseline - ascent * 16);
      expect(Math.abs(top - 37)).toBeLessThan(1);
      // Every body line sits on a grid line; neighbouring lines are one pitch apart.
      for (const l of body) {
        const steps = (l.baseline - body[0]!.baseline) / pitch;
        expect(Math.abs(steps - Math.round(steps)) * pitch).toBeLessThan(0.5);
      }
      const gaps = body
        .slice(1)
        .map((l, i) => l.baseline - body[i]!.baseline)
        .filter((g) => g < pitch * 1.5);
      expect(gaps.length).toBeGreaterThan(5);
      for (const g of gaps) expect(Math.abs(g - pitch)).toBeLessThan(0.5);
    }
    // Full lines of Chinese text from the left edge to the right edge: 28 characters each (one pushed-down line may hold 27).
    const full = read.pages
      .slice(0, 2)
      .flatMap(lines)
      .filter((l) => Math.abs(l.size - 16) < 0.01 && Math.abs(mm(l.left) - 28) < 0.5 && Math.abs(l.right - textRight) < 1.5)
      .map((l) => [...strip(l.text)])
      .filter((chars) => chars.every((c) => !/[\x21-\x7e]/.test(c)));
    expect(full.length).toBeGreaterThanOrEqual(6);
    const counts = full.map((c) => c.length);
    expect(Math.max(...counts)).toBe(28);
    expect(counts.filter((n) => n === 28).length).toBeGreaterThan(counts.length / 2);
  });

  it('numbers pages "— n —" in 4号, the 一字线 7 mm below the 版心, odd pages right and even pages left, one character in', () => {
    const find = (n: number) => lines(read.pages[n - 1]!).find((l) => strip(l.text) === `—${n}—`);
    const one = find(1);
    const two = find(2);
    expect(one && two).toBeTruthy();
    if (!one || !two) return;
    expect(one.size).toBeCloseTo(14, 1);
    expect(Math.abs(mm(one.right) - (210 - 26 - mm(14)))).toBeLessThan(0.5);
    expect(Math.abs(mm(two.left) - (28 + mm(14)))).toBeLessThan(0.5);
    // GB/T 9704 7.5: 一字线上距版心下边缘7mm — the dash itself, measured in the rendered page's pixels.
    for (const page of [1, 2]) {
      const dash = dashStroke(renderPage(bytes, page, 300), 297 - 35);
      expect(dash, `page ${page}`).not.toBeNull();
      expect(Math.abs(dash!.top - (297 - 35 + 7)), `page ${page}: dash at ${dash!.top.toFixed(2)} mm`).toBeLessThan(0.3);
    }
  });

  it('writes the title, author, dates and template into the Info dictionary', () => {
    const doc = letterDoc();
    expect(read.info.Title).toBe(doc.meta.title);
    expect(read.info.Author).toBe(doc.meta.author);
    expect(read.info.CreationDate).toBe('D:20270305013000Z');
    expect(read.info.Custom).toEqual({ ReviewDeskTemplate: 'opinion-letter', ReviewDeskTemplateVersion: '3' });
  });

  it('gives the same bytes for the same document and stays well under 200 KB', async () => {
    const again = await renderPdf(letterDoc());
    expect(again.equals(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const other = letterDoc();
    other.meta.createdAt = '2027-03-06T09:30:00+08:00';
    expect((await renderPdf(other)).equals(bytes)).toBe(false);
  });
});

describe('renderPdf: forms and errors', () => {
  const form = (blocks: RenderDoc['blocks']): RenderDoc => ({
    meta: { title: '专家个人评审意见表', templateId: 'expert-form', templateVersion: 1, author: '评审工作台', createdAt: '2027-03-05' },
    page: {
      orientation: 'portrait',
      marginsMm: { top: 25, bottom: 25, left: 25, right: 25 },
      grid: null,
      pageNumbers: 'center',
      header: '专家个人评审意见表',
    },
    blocks,
  });

  it('numbers form pages "第 n 页 共 N 页" and puts the running header on continuation pages', async () => {
    const text = '评审意见正文，用于填满页面。'.repeat(40);
    const r = await readPdf(
      await renderPdf(
        form([
          { kind: 'title', text: '专家个人评审意见表' },
          ...Array.from({ length: 6 }, () => ({
            kind: 'paragraph' as const,
            runs: [{ text }],
            align: 'justify' as const,
            firstLineIndentChars: 2,
            size: 'small' as const,
          })),
        ]),
      ),
    );
    const n = r.pages.length;
    expect(n).toBeGreaterThan(1);
    r.pages.forEach((p, i) => {
      const ls = lines(p).map((l) => strip(l.text));
      expect(ls).toContain(`第${i + 1}页共${n}页`);
      expect(ls.includes('专家个人评审意见表')).toBe(true);
    });
  });

  it('sets Windows line ends as line breaks and tabs as spaces', async () => {
    const r = await readPdf(
      await renderPdf(
        form([{ kind: 'paragraph', runs: [{ text: '第一行\t甲\r\n第二行' }], align: 'left', firstLineIndentChars: 0, size: 'body' }]),
      ),
    );
    const ls = lines(r.pages[0]!).map((l) => l.text);
    expect(ls.slice(0, 2).map(strip)).toEqual(['第一行甲', '第二行']);
  });

  it('refuses a character no bundled font has, naming it', async () => {
    await expect(renderPdf(form([{ kind: 'addressee', text: '私用区字符\u{10fffd}' }]))).rejects.toThrow(/U\+10FFFD/);
  });

  it('lists the bundled font files, which exist', () => {
    const fonts = bundledFonts();
    expect(fonts.map((f) => f.role).sort()).toEqual(['fangsong', 'hei', 'kai', 'xiaobiaosong']);
    for (const f of fonts) for (const file of f.files) expect(existsSync(file), file).toBe(true);
    expect(fonts.find((f) => f.role === 'kai')?.files.some((f) => f.endsWith('.woff2'))).toBe(true);
  });
});
