// A column read whole (`nowrap`, the 结论 of the score sheets): in a table too tight for every short text to stay whole,
// the conclusion 修改完善后通过 still gets the width of its one line and the table's other short texts give way; without
// the flag the same table breaks it (the layout as it was before the 评分汇总表's 结论 was fixed).
import { describe, expect, it } from 'vitest';
import { tableSizes, type Block, type TableCell, type TableColumn } from '../../../electron/core/output/model';
import { tableColumnWidths, tablePadding } from '../../../electron/core/output/pdf/table';
import { textWidth } from '../../../electron/core/output/pdf/text';

type TableBlock = Extract<Block, { kind: 'table' }>;

const revise = '修改完善后通过';
const size = tableSizes.small;

/** The 评分汇总表 as it was laid out before: each maximum in brackets beside its name, one header row, 700 pt wide. */
function tightTable(nowrap: boolean): TableBlock {
  const dims = ['必要性（25分）', '紧迫性（10分）', '可行性（20分）', '安全性（15分）', '集约性（15分）', '投资金额（15分）'];
  const head = (text: string): TableCell => ({ text, bold: true, align: 'center' });
  const columns: TableColumn[] = [
    { weight: 0.8, align: 'center' },
    { weight: 2, align: 'center' },
    { weight: 2, align: 'center' },
    ...dims.map(() => ({ weight: 1.4, align: 'center' as const })),
    { weight: 1.6, align: 'center' },
    { weight: 2, align: 'center', ...(nowrap ? { nowrap: true } : {}) },
  ];
  const expert = (n: number, name: string, specialty: string): TableCell[] => [
    { text: String(n) },
    { text: name },
    { text: specialty },
    ...['19.50', '8.00', '13.50', '11.50', '10.50', '9.50'].map((text) => ({ text })),
    { text: '72.50', bold: true },
    { text: revise },
  ];
  return {
    kind: 'table',
    columns,
    rows: [
      ['序号', '专家', '专业', ...dims, '总分（100分）', '结论'].map(head),
      expert(1, '周建国', '信息系统工程'),
      expert(2, '陈晓梅', '数字政府与数据治理'),
      ...['平均分', '去掉最高分和最低分后的平均分', '采用值（各项取平均，总分为各项之和）'].map((label) => [
        { text: '' },
        { text: label, bold: true, colSpan: 2 },
        ...['19.67', '8.17', '14.17', '11.50', '10.83', '9.67'].map((text) => ({ text })),
        { text: '74.01', bold: true },
        { text: '' },
      ]),
    ],
    headerRows: 1,
    size: 'small',
  };
}

describe('a nowrap column (结论)', () => {
  const width = 700;
  const oneLine = textWidth(revise, 'fangsong', size) + 2 * tablePadding.x;

  it('is as wide as its longest text on one line, where the same table without the flag breaks it', () => {
    const plain = tableColumnWidths(tightTable(false), width);
    expect(plain.at(-1)!, 'the tight table without the flag breaks the conclusion').toBeLessThan(oneLine);
    const whole = tableColumnWidths(tightTable(true), width);
    expect(whole.at(-1)!).toBeGreaterThanOrEqual(oneLine - 1e-6);
    expect(whole.reduce((s, w) => s + w, 0)).toBeCloseTo(width, 6);
  });

  it('leaves the numbers beside it whole', () => {
    const widths = tableColumnWidths(tightTable(true), width);
    for (let c = 3; c < 10; c++)
      expect(widths[c]!, `column ${c + 1}`).toBeGreaterThan(textWidth('72.50', 'fangsong', size, true) + 2 * tablePadding.x);
  });
});
