// Owns the hand-built 评审意见函 RenderDoc (three pages, every block kind) and a signature PNG the DOCX tests render.
import { PNG } from 'pngjs';
import type { Block, RenderDoc } from '../../../../electron/core/output/model';

/** A 240×80 transparent PNG with a dark stroke, standing in for a handwritten signature; `slope` varies the stroke. */
export function signaturePng(slope = 60): Buffer {
  const png = new PNG({ width: 240, height: 80 });
  for (let x = 0; x < 240; x++) {
    const y = Math.round(70 - (x * slope) / 240);
    for (let dy = -2; dy <= 2; dy++) {
      const i = ((y + dy) * 240 + x) * 4;
      png.data[i] = 20;
      png.data[i + 1] = 20;
      png.data[i + 2] = 60;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const opinion = (n: number) =>
  `该项目建设内容与${n}号文件要求基本一致，技术路线可行，但部分软件开发工作量估算偏高，硬件配置与业务量测算不匹配，建议按评审意见调整后报批。`;

export function letterDoc(): RenderDoc {
  const body: Block[] = [];
  for (let i = 1; i <= 9; i++) {
    body.push({ kind: 'heading', level: 2, text: `（${'一二三四五六七八九'[i - 1]}）第${i}项意见` });
    body.push({
      kind: 'paragraph',
      runs: [{ text: opinion(i) }, { text: '核减金额见附表。', bold: true }],
      align: 'justify',
      firstLineIndentChars: 2,
      size: 'body',
    });
  }
  return {
    meta: {
      title: '关于某某系统建设项目的评审意见函',
      templateId: 'review-letter',
      templateVersion: 3,
      author: '某市大数据局',
      createdAt: '2027-03-05T09:30:00+08:00',
    },
    page: {
      orientation: 'portrait',
      marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
      grid: { lines: 22, chars: 28 },
      pageNumbers: 'gbt9704',
      header: '',
    },
    blocks: [
      { kind: 'title', text: '关于某某系统建设项目的评审意见函' },
      { kind: 'docNumber', text: '评审函〔2027〕12号' },
      { kind: 'spacer', lines: 1 },
      { kind: 'addressee', text: '某某市政务服务管理局：' },
      {
        kind: 'paragraph',
        runs: [{ text: '你单位报送的《某某系统建设项目可行性研究报告》收悉。经组织专家评审，现将评审意见函告如下。' }],
        align: 'justify',
        firstLineIndentChars: 2,
        size: 'body',
      },
      { kind: 'heading', level: 1, text: '一、总体意见' },
      ...body,
      { kind: 'heading', level: 3, text: '1.投资估算' },
      {
        kind: 'table',
        columns: [
          { weight: 1, align: 'center' },
          { weight: 3, align: 'left' },
          { weight: 2, align: 'right' },
          { weight: 2, align: 'right' },
        ],
        headerRows: 1,
        size: 'small',
        rows: [
          [
            { text: '序号', bold: true },
            { text: '费用项目', bold: true, align: 'center' },
            { text: '申报金额（万元）', bold: true, align: 'center' },
            { text: '核减金额（万元）', bold: true, align: 'center' },
          ],
          [{ text: '1' }, { text: '软件开发费' }, { text: '320.00' }, { text: '45.50' }],
          [{ text: '2', rowSpan: 2 }, { text: '硬件购置费' }, { text: '180.00' }, { text: '12.00' }],
          [{ text: '其中：服务器' }, { text: '120.00' }, { text: '12.00' }],
          [{ text: '合计', colSpan: 2, align: 'center' }, { text: '500.00' }, { text: '57.50' }],
        ],
      },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: '二、专家组签名' },
      {
        kind: 'signatures',
        columns: 2,
        entries: [
          { role: '组长', name: '张明', date: '2027年3月5日', image: signaturePng() },
          { role: '专家', name: '李华', date: null, image: null },
          { role: '专家', name: '王芳', date: '2027年3月5日', image: signaturePng(40) },
        ],
      },
      { kind: 'attachments', items: ['1. 专家组评审意见', '2. 评分汇总表'] },
      { kind: 'closing', organiser: '某市大数据局', date: '2027年3月5日', seal: true },
    ],
  };
}
