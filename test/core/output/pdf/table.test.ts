// PDF tables on a form page: merged header cells, a rowSpan pair kept together, a row taller than a page continued between lines, header repeated, nothing outside the 版心.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderDoc, TableCell } from '../../../../electron/core/output/model';
import { renderPdf } from '../../../../electron/core/output/pdf/render';
import { tableColumnWidths } from '../../../../electron/core/output/pdf/table';
import { lines, readPdf, type PdfRead } from './pdfText';

const pt = (v: number) => (v * 72) / 25.4;
const strip = (s: string) => s.replace(/\s+/g, '');

const longOpinion = Array.from({ length: 90 }, (_, i) => `第${i + 1}条意见：系统架构需补充容灾设计说明。`).join('');

function formWithTable(): RenderDoc {
  const rows: TableCell[][] = [
    [
      { text: '评审维度', rowSpan: 2, bold: true },
      { text: '得分', colSpan: 2, bold: true, align: 'center' },
      { text: '意见', rowSpan: 2, bold: true },
    ],
    [
      { text: '分值', bold: true },
      { text: '实得', bold: true },
    ],
  ];
  for (let i = 1; i <= 12; i++)
    rows.push([{ text: `维度${i}` }, { text: '10' }, { text: `${i % 10}.5` }, { text: `维度${i}的评审意见，内容较短。` }]);
  rows.push([{ text: '合并行', rowSpan: 2 }, { text: '5' }, { text: '4' }, { text: '合并行上半' }]);
  rows.push([{ text: '5' }, { text: '3' }, { text: '合并行下半' }]);
  rows.push([{ text: '长意见' }, { text: '20' }, { text: '18' }, { text: longOpinion }]);
  rows.push([{ text: '末行' }, { text: '100' }, { text: '88' }, { text: '完' }]);
  return {
    meta: { title: '评分表', templateId: 'score-form', templateVersion: 2, author: '评审工作台', createdAt: '2027-03-05T08:00:00Z' },
    page: {
      orientation: 'portrait',
      marginsMm: { top: 25, bottom: 25, left: 20, right: 20 },
      grid: null,
      pageNumbers: 'center',
      header: '',
    },
    blocks: [
      { kind: 'title', text: '专家评分表' },
      {
        kind: 'table',
        columns: [
          { weight: 2, align: 'center' },
          { weight: 1, align: 'center' },
          { weight: 1, align: 'center' },
          { weight: 3, align: 'justify' },
        ],
        rows,
        headerRows: 2,
        size: 'small',
      },
    ],
  };
}

describe('renderPdf tables', () => {
  let read: PdfRead;
  beforeAll(async () => {
    read = await readPdf(await renderPdf(formWithTable()));
  });

  it('continues a tall row between lines, repeats both header rows and keeps every cell inside the 版心', () => {
    expect(read.pages.length).toBeGreaterThanOrEqual(2);
    const [top, bottom] = [pt(25), pt(297 - 25)];
    for (const page of read.pages) {
      const cells = page.items.filter((i) => Math.abs(i.size - 12) < 0.01);
      for (const item of cells) {
        expect(item.baseline).toBeGreaterThan(top);
        expect(item.baseline).toBeLessThan(bottom);
        expect(item.x + item.width).toBeLessThanOrEqual(pt(210 - 20) + 0.5);
      }
      const texts = lines(page).map((l) => strip(l.text));
      expect(
        texts.some((t) => t.includes('评审维度')),
        'header row 1 on every page',
      ).toBe(true);
      expect(
        texts.some((t) => t.includes('分值实得')),
        'header row 2 on every page',
      ).toBe(true);
    }
    // The opinion column (columns are sized to their content), read top to bottom over all pages (each page's header
    // cell "意见" dropped), holds the long opinion whole and in order.
    const table = formWithTable().blocks[1];
    if (table!.kind !== 'table') throw new Error('no table');
    const widths = tableColumnWidths(table, pt(170));
    const left = pt(20) + widths[0]! + widths[1]! + widths[2]!;
    const column = read.pages
      .map((p) =>
        p.items
          .filter((i) => i.x >= left && Math.abs(i.size - 12) < 0.01)
          .sort((a, b) => a.baseline - b.baseline || a.x - b.x)
          .map((i) => i.str)
          .join('')
          .replace(/^意见/, ''),
      )
      .join('');
    expect(strip(column)).toContain(strip(longOpinion));
    expect(strip(column).indexOf('合并行上半')).toBeLessThan(strip(column).indexOf('合并行下半'));
    expect(strip(column).endsWith('完')).toBe(true);
  });

  it('keeps rows tied by a rowSpan on one page', () => {
    const pageOf = (s: string) => read.pages.findIndex((p) => p.items.some((i) => i.str.includes(s)));
    expect(pageOf('合并行上半')).toBe(pageOf('合并行下半'));
    expect(pageOf('合并行上半')).toBeGreaterThanOrEqual(0);
  });

  it('rejects a row with more cells than columns, naming the row', async () => {
    const doc = formWithTable();
    const table = doc.blocks[1];
    if (table!.kind !== 'table') throw new Error('no table');
    table.rows[3]!.push({ text: '多余' });
    await expect(renderPdf(doc)).rejects.toThrow(/第 4 行/);
  });
});
