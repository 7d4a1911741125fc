// Recognising documents: a real PP-OCRv4 run on one small JPEG (through pdf.js's own decoder), and hostile files — each
// ends as a page with its reason, never a thrown error or a decoded bomb.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as ort from 'onnxruntime-node';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '../../../../shared/ocr';
import { createEngine, type OcrEngine, type OrtRuntime } from '../../../../electron/core/documents/ocr/engine';
import { recognisePages, type OcrKind } from '../../../../electron/core/documents/ocr/recognise';
import { tempDir } from '../../../helpers/core';

const dir = tempDir('rd-ocr-');
const sample = path.resolve(__dirname, '../../../../resources/samples/wulong-2027/documents/wl-2027-01/密码应用方案.pdf');
let engine: OcrEngine;

beforeAll(async () => {
  engine = await createEngine(ort as unknown as OrtRuntime, 2);
}, 60_000);
afterAll(() => engine?.release());

const run = async (file: string, kind: OcrKind, pages = [1]) => {
  const out: OcrPage[] = [];
  await recognisePages(engine, file, kind, pages, (p) => out.push(p));
  return out;
};

const pdfBytes = (draw: (doc: PDFKit.PDFDocument) => void) =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });

describe('recognisePages', () => {
  it('reads a JPEG photo of a page: its text, and boxes placed on the page', async () => {
    // The title block of the first page at 150 dpi, as a JPEG (what a phone or a scanner writes).
    const base = path.join(dir, 'title');
    execFileSync('pdftoppm', [
      '-r',
      '150',
      '-gray',
      '-jpeg',
      '-f',
      '1',
      '-l',
      '1',
      '-x',
      '0',
      '-y',
      '150',
      '-W',
      '1240',
      '-H',
      '500',
      '-singlefile',
      sample,
      base,
    ]);
    const [page] = await run(`${base}.jpg`, 'jpg');
    expect(page && 'text' in page).toBe(true);
    if (!page || !('text' in page)) return;
    expect(page.text.replace(/\s/g, '')).toContain('密码应用方案');
    const box = page.boxes.find((b) => b.text.includes('密码应用方案'))!;
    // Corners are fractions of the page: inside it, the top edge above the bottom one.
    for (const v of box.quad) expect(v >= 0 && v <= 1, String(box.quad)).toBe(true);
    expect(box.quad[7]).toBeGreaterThan(box.quad[1]);
    expect(box.charAt).toHaveLength([...box.text].length);
    expect(page.confidence).toBeGreaterThan(0.8);
  }, 120_000);

  it('gives each requested page of a truncated PDF a reason', async () => {
    const file = path.join(dir, 'truncated.pdf');
    await fs.writeFile(file, (await fs.readFile(sample)).subarray(0, 2000));
    const pages = await run(file, 'pdf', [1, 2]);
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    for (const p of pages) expect(p).toMatchObject({ error: expect.stringContaining('无法打开 PDF 文件') });
  });

  it('says a page drawn in vector paths (no text layer, no scan image) cannot be recognised, and skips pages past the end', async () => {
    const file = path.join(dir, 'vector.pdf');
    await fs.writeFile(file, await pdfBytes((doc) => doc.rect(100, 100, 300, 20).fill('#000')));
    expect(await run(file, 'pdf', [1, 5])).toEqual([
      { page: 1, error: expect.stringContaining('第 1 页没有文字层，也没有整页的扫描图像') },
    ]);
  });

  it('refuses a PNG whose header claims a gigapixel image before inflating anything, and a malformed PNG', async () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(100_000, 0);
    ihdr.writeUInt32BE(100_000, 4);
    ihdr[8] = 8;
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const bomb = path.join(dir, 'bomb.png');
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await fs.writeFile(bomb, Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1 << 20)))]));
    expect(await run(bomb, 'png')).toEqual([{ page: 1, error: '图像过大（100000 × 100000），已跳过识别' }]);

    const broken = path.join(dir, 'broken.png');
    const small = Buffer.from(ihdr);
    small.writeUInt32BE(2, 0);
    small.writeUInt32BE(2, 4);
    await fs.writeFile(broken, Buffer.concat([signature, chunk('IHDR', small), chunk('IDAT', Buffer.from('not deflate'))]));
    expect(await run(broken, 'png')).toEqual([{ page: 1, error: expect.stringContaining('不是有效的 PNG 图像') }]);
  });

  it('gives a truncated or fake JPEG a reason', async () => {
    const fake = path.join(dir, 'fake.jpg');
    await fs.writeFile(fake, Buffer.from('not a jpeg at all'));
    expect(await run(fake, 'jpg')).toEqual([{ page: 1, error: expect.stringContaining('第 1 页识别失败') }]);
  });
});
