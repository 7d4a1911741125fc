// DOCX and XLSX conversion for the in-app viewers: structure survives, hostile links and sources do not.
import ExcelJS from 'exceljs';
import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docxToHtml, sanitizeMammothHtml, xlsxToSheets } from '../../../electron/core/documents/convert';
import { tempDir } from '../../helpers/core';

/** A valid 2×2 RGB PNG, built by hand so the test needs no image library. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8;
  header[9] = 2;
  const raw = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('docxToHtml', () => {
  it('keeps headings, tables and embedded images, and drops external and script links', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '第一章 项目概况', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '1.1 建设背景', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ children: [new TextRun('正文：<script>alert(1)</script> 应作为文字显示。')] }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('恶意链接')] })] }),
            new Paragraph({
              children: [new ExternalHyperlink({ link: 'https://example.com/track', children: [new TextRun('外部链接')] })],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('名称')] }),
                    new TableCell({ children: [new Paragraph('金额（万元）')] }),
                  ],
                }),
              ],
            }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: tinyPng(), transformation: { width: 20, height: 20 } })] }),
          ],
        },
      ],
    });
    const file = path.join(tempDir(), '方案.docx');
    await fs.writeFile(file, await Packer.toBuffer(doc));
    const rendered = await docxToHtml(file);
    if (rendered.kind !== 'html') throw new Error('expected html');
    expect(rendered.html).toContain('<h1>第一章 项目概况</h1>');
    expect(rendered.html).toContain('<h2>1.1 建设背景</h2>');
    expect(rendered.html).toMatch(/<table>.*名称.*金额（万元）.*<\/table>/s);
    expect(rendered.html).toMatch(/<img src="data:image\/png;base64,/);
    expect(rendered.html).toContain('&lt;script&gt;');
    expect(rendered.html).not.toContain('<script');
    expect(rendered.html).not.toMatch(/javascript:|example\.com/);
    expect(rendered.html).toContain('恶意链接');
  });

  it('sanitizer removes what mammoth would pass through from a hostile document', () => {
    const html =
      '<a href="file:///etc/passwd">x</a><a href="#toc">目录</a><img src="https://evil/x.png" /><img src="data:image/svg+xml;base64,AAA" /><p onclick="x()">p</p>';
    const clean = sanitizeMammothHtml(html);
    expect(clean).toBe('<a>x</a><a href="#toc">目录</a><img /><img /><p>p</p>');
  });
});

describe('xlsxToSheets', () => {
  it('reads cells as displayed text, merged title cells and formula results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('概算表');
    ws.mergeCells('A1:C1');
    ws.getCell('A1').value = '项目投资概算表';
    ws.addRow(['名称', '数量', '金额（元）']);
    ws.addRow(['服务器', 2, 120000.5]);
    ws.addRow(['合计', null, { formula: 'SUM(C3:C3)', result: 120000.5 }]);
    ws.getColumn(3).numFmt = '#,##0.00';
    ws.getColumn(1).width = 30;
    const file = path.join(tempDir(), '概算表.xlsx');
    await wb.xlsx.writeFile(file);
    const rendered = await xlsxToSheets(file);
    if (rendered.kind !== 'sheets') throw new Error('expected sheets');
    const [sheet] = rendered.sheets;
    expect(sheet!.name).toBe('概算表');
    expect(sheet!.rows[0]![0]).toBe('项目投资概算表');
    expect(sheet!.rows[1]).toEqual(['名称', '数量', '金额（元）']);
    expect(sheet!.rows[2]).toEqual(['服务器', '2', '120,000.50']);
    expect(sheet!.rows[3]![2]).toBe('120,000.50');
    expect(sheet!.merges).toEqual([[0, 0, 0, 2]]);
    expect(sheet!.columnWidths[0]).toBe(30);
  });
});
