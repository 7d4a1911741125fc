// PAdES test fixtures: a pdfkit opinion-like PDF with CJK text (Noto Sans SC), poppler's pdfsig as the independent verifier, and byte tampering.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { tempDir } from '../../helpers/core';

const fontPath = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

/** A two-page PDF as our renderer makes them: pdfkit, classic xref table, embedded CJK font subset. */
export function opinionPdf(title = '专家个人评审意见'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: title, CreationDate: new Date('2027-03-05T08:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(fontPath).fontSize(18).text(title);
  doc.fontSize(11).text('项目名称：某市政务数据共享交换平台二期工程。评审结论：建议通过，核减投资 12.5 万元。');
  doc.addPage().text('专家签字：王专家　日期：2027 年 3 月 5 日');
  doc.end();
  return done;
}

/** Runs /usr/bin/pdfsig on `pdf` (written to a temp file); returns stdout and stderr (it exits 2 when it finds no signature). */
export function pdfsig(pdf: Uint8Array): string {
  const file = path.join(tempDir('rd-pades-'), 'signed.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('/usr/bin/pdfsig', [file], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

/** A copy of `pdf` with the byte at `position` XOR `mask` (mask ≠ 0, so the byte always changes). */
export function tamper(pdf: Uint8Array, position: number, mask: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[position]! ^= mask;
  return copy;
}
