// Owns the hand-built 评审意见函 the PDF renderer tests use: a three-page GB/T 9704 letter with every kind of block,
// and a handwritten-looking transparent signature PNG drawn with pngjs.
import { PNG } from 'pngjs';
import type { Block, RenderDoc } from '../../../../electron/core/output/model';

/** A 360×120 transparent PNG with a dark-blue scribble, the same bytes every time. */
export function signaturePng(): Uint8Array {
  const png = new PNG({ width: 360, height: 120 });
  const dot = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= png.width || py >= png.height || dx * dx + dy * dy > 5) continue;
        const i = (py * png.width + px) * 4;
        png.data.set([20, 30, 90, 255], i);
      }
  };
  for (let t = 0; t < 1; t += 0.0005) {
    dot(20 + 320 * t, 60 + 35 * Math.sin(t * 19) * Math.cos(t * 5));
    if (t < 0.4) dot(60 + 90 * t, 20 + 200 * t);
  }
  return new Uint8Array(PNG.sync.write(png));
}

const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], align: 'justify', firstLineIndentChars: 2, size: 'body' });

/** Paragraph texts in reading order, for the text test. */
export const letterParagraphs = [
  '根据《某市政务信息化项目管理办法》和贵单位报送的项目材料，我局于2027年3月5日组织专家对“某市城市运行管理服务平台（二期）”项目建设方案进行了评审。专家组听取了建设单位和编制单位的汇报，审阅了建设方案及相关附件，经质询和讨论，形成评审意见如下。',
  '该项目建设内容基本符合全市数字政府建设总体规划，建设目标明确，技术路线可行，但部分建设内容与已建系统存在重复，投资估算依据不够充分，需进一步修改完善。',
  // The first line holds 26 characters after the two-character indent; the 27th is a comma, which must not start line 2.
  '项目建设单位应对照市级共性支撑平台的能力清单逐项梳理，对已建能力不再重复建设，确需扩容的应当说明现有资源使用率和扩容测算依据。',
  '方案提出的数据汇聚规模（约3.5亿条/年）缺少现状数据量和增长率的测算过程；存储资源按照峰值配置，未考虑分级存储和生命周期管理，建议补充测算依据并优化资源配置。',
  '系统应当按照网络安全等级保护第三级要求进行设计，同步规划商用密码应用，并在项目验收前完成密码应用安全性评估。方案中关于身份认证、数据传输和存储加密的设计较为笼统，需细化到具体系统和数据项。',
  '经专家组核定，项目总投资由申报的1,286.40万元核减为1,052.70万元，核减233.70万元，核减率18.17%。主要核减内容见下表。',
  '请贵单位按照上述意见修改完善建设方案，并于2027年3月31日前将修改后的方案及修改说明报送我局。联系人：王某某，联系电话：0571-88886666。',
];

export const letterTableRows = [
  ['序号', '核减内容', '申报金额（万元）', '核定金额（万元）', '核减理由'],
  ['1', '服务器及存储设备', '412.00', '356.50', '存储按峰值配置，未考虑分级存储，按测算结果核减'],
  ['2', '数据汇聚与治理子系统', '236.80', '198.40', '与市级数据共享交换平台功能重复部分不予支持'],
  ['3', '城市运行指标体系建设', '128.00', '112.00', '指标梳理工作量偏高，按同类项目人天单价核定'],
  ['4', '可视化大屏定制开发', '186.60', '121.80', '三维建模范围过大，保留核心场景，其余按标准组件配置'],
  ['5', '移动端应用开发', '96.00', '86.00', '功能点估算偏高，按功能点方法重新核定'],
  ['6', '密码应用改造', '64.00', '64.00', '符合商用密码应用要求，予以保留'],
  ['7', '等级保护测评及密评', '38.00', '38.00', '按市场询价核定'],
  ['8', '系统集成及实施服务', '72.00', '36.00', '集成费按设备费的百分之十计取，超出部分核减'],
  ['9', '项目监理及第三方测试', '53.00', '40.00', '按发改价格文件标准核定'],
];

export function letterDoc(): RenderDoc {
  const table: Block = {
    kind: 'table',
    columns: [
      { weight: 1, align: 'center' },
      { weight: 3.2, align: 'left' },
      { weight: 2.2, align: 'right' },
      { weight: 2.2, align: 'right' },
      { weight: 5, align: 'justify' },
    ],
    rows: letterTableRows.map((row, r) => row.map((text) => (r === 0 ? { text, bold: true, align: 'center' as const } : { text }))),
    headerRows: 1,
    size: 'small',
  };
  const sig = signaturePng();
  return {
    meta: {
      title: '关于某市城市运行管理服务平台（二期）项目建设方案的评审意见函',
      templateId: 'opinion-letter',
      templateVersion: 3,
      author: '某市数据资源管理局',
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
      { kind: 'docNumber', text: '某数资函〔2027〕15号' },
      { kind: 'spacer', lines: 1 },
      { kind: 'title', text: '关于某市城市运行管理服务平台（二期）项目建设方案的评审意见函' },
      { kind: 'spacer', lines: 1 },
      { kind: 'addressee', text: '某市城市运行管理中心：' },
      p(letterParagraphs[0]!),
      { kind: 'heading', level: 1, text: '一、总体意见' },
      p(letterParagraphs[1]!),
      { kind: 'heading', level: 1, text: '二、主要问题和修改建议' },
      { kind: 'heading', level: 2, text: '（一）建设内容' },
      p(letterParagraphs[2]!),
      { kind: 'heading', level: 2, text: '（二）数据资源' },
      p(letterParagraphs[3]!),
      { kind: 'heading', level: 3, text: '1. 网络安全和密码应用' },
      p(letterParagraphs[4]!),
      { kind: 'heading', level: 1, text: '三、投资评审意见' },
      p(letterParagraphs[5]!),
      table,
      p(letterParagraphs[6]!),
      { kind: 'spacer', lines: 1 },
      { kind: 'attachments', items: ['1. 专家组评审意见', '2. 某市城市运行管理服务平台（二期）项目投资核定明细表及核减说明'] },
      { kind: 'closing', organiser: '某市数据资源管理局', date: '2027年3月5日', seal: true },
      { kind: 'spacer', lines: 1 },
      {
        kind: 'signatures',
        columns: 2,
        entries: [
          { role: '专家组组长', name: '张某某', date: '2027年3月5日', image: sig },
          { role: '专家', name: '李某某', date: null, image: null },
        ],
      },
    ],
  };
}
