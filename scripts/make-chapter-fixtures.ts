// Owns the labelled chapter-detection set in test/fixtures/chapters/ (`npx tsx scripts/make-chapter-fixtures.ts`) and the long PDF the extraction bench reads.
//
// Every document is a 建设方案 rendered from the sample generators, varied the ways real proposals vary: numbering
// (第X章, 第X篇, 一、, （一）, 1., 5.1.2), the names the regulations use (信息资源共享分析, 网络安全保障措施), missing
// chapters, chapters only named in body text or in body-size numbered list lines, a 目录 or none, bookmarks or none.
// labels.json records, per document, which required chapters it has and the page each starts on (house DOCX: each
// chapter starts a page after the cover, by 段前分页; plain DOCX has no breaks, so page 1).
// Pages are independent of the extractor under test: plain layouts report where pdfkit put each heading, and the house
// layout (report-pdf.ts) is located with poppler's pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChapterId, ChapterLabels } from '../test/helpers/chapters';
import { samplePdf } from './sample-fonts';
import { donghe, wulong } from './samples/district';
import { renderPlainDocx, renderPlainPdf, type PlainLayout, type PlainReport, type PlainSection } from './samples/plain-report';
import { proposalReport, type ProposalSpec } from './samples/proposal';
import { renderReportDocx } from './samples/report-docx';
import { numberReport, paragraph, type Report } from './samples/report-model';
import { renderReportPdf } from './samples/report-pdf';

const created = new Date('2027-04-01T10:00:00+08:00');

const elderlyCare: ProposalSpec = {
  project: {
    id: 'fx-01',
    code: 'FX-2027-01',
    name: '武隆区智慧养老服务平台建设项目',
    applicant: '重庆市武隆区民政局',
    type: 'new',
    fundingSource: '区级财政资金',
    periodMonths: 10,
    inAnnualPlan: true,
    summary: '建设覆盖全区的智慧养老服务平台。',
    budget: [
      { name: '养老服务平台软件开发', category: '应用软件开发', quantity: 1, unit: '套', unitPriceFen: 98_000_000 },
      { name: '系统集成及部署实施', category: '系统集成', quantity: 1, unit: '项', unitPriceFen: 12_000_000 },
      { name: '政务云资源租用（首年）', category: '云资源租用', quantity: 12, unit: '月', unitPriceFen: 800_000 },
    ],
    documents: [],
  },
  district: wulong,
  preparedBy: '重庆山城数智工程咨询有限公司',
  dateText: '二〇二七年三月',
  background: ['武隆区60周岁以上老年人口约8.1万人，占户籍人口的22.6%，居家和社区养老服务需求持续增长，现有服务资源分散、供需对接不畅。'],
  goals: ['建成覆盖全区26个乡镇（街道）的智慧养老服务平台，实现养老服务需求一键申请、服务过程全程留痕、补贴资金精准发放。'],
  contents: [
    ['养老服务管理子系统', '建设服务机构、服务人员、服务对象档案管理和服务派单功能。'],
    ['养老补贴发放子系统', '对接民政、人社和财政数据，实现高龄津贴和服务补贴资格自动核验、按月发放。'],
  ],
  currentState: ['全区现有养老机构31家、社区养老服务站142个，服务记录以纸质台账为主。'],
  existingSystems: [['重庆市养老服务信息系统', '2020年', '市级平台', '市级统建，区级使用']],
  problems: ['服务资源底数不清，供需对接依靠电话和人工；', '补贴资格核验依靠人工比对，发放周期长。'],
  needs: ['业务需求：民政部门需要掌握全区养老服务资源和服务质量；老年人及家属需要便捷申请服务。'],
  architecture: {
    layers: [
      { name: '用户层', items: ['区民政局', '养老机构', '老年人及家属'] },
      { name: '业务应用层', items: ['服务管理', '补贴发放', '监管评价'] },
      { name: '基础设施层', items: ['区政务云', '电子政务外网'] },
    ],
    sides: ['安全保障体系'],
  },
  businessMatters: [['高龄津贴发放', '区民政局', '老年人基本信息、户籍信息、银行账户']],
  dataCollection: ['本项目采集养老服务机构、服务人员和服务过程数据，老年人基础信息通过共享获取，不重复采集。'],
  sharedIn: [['人口基础信息', '区公安局', '接口调用', '实时']],
  sharedOut: [['养老服务机构信息', '区卫生健康委', '接口调用', '每日']],
  protectionLevel: '第二级',
  cryptoScope: ['用户登录与身份鉴别', '老年人个人信息存储'],
  consolidation: ['平台部署在武隆区政务云平台，复用全区统一身份认证和电子证照，移动端依托“渝快办”，不单独建设APP。'],
  schedule: [
    ['开发部署', '第1—8个月', '完成开发和部署'],
    ['试运行及验收', '第9—10个月', '试运行和竣工验收'],
  ],
  benefits: ['补贴资格核验由人工比对改为自动核验，发放周期由两个月缩短至当月。'],
};

const communityService: ProposalSpec = {
  ...elderlyCare,
  project: {
    ...elderlyCare.project,
    id: 'fx-02',
    code: 'FX-2027-02',
    name: '东河区社区网格化服务管理平台升级项目',
    applicant: '包头市东河区政法委员会',
  },
  district: donghe,
  preparedBy: '内蒙古北疆信息工程咨询有限公司',
};

type Transform = (r: PlainReport) => PlainReport;

const rename =
  (from: string, to: string): Transform =>
  (r) => ({ ...r, chapters: r.chapters.map((c) => (c.title === from ? { ...c, title: to } : c)) });
const drop =
  (...titles: string[]): Transform =>
  (r) => ({ ...r, chapters: r.chapters.filter((c) => !titles.includes(c.title)) });
/** Adds body paragraphs (sentences or list lines) to the first section of a chapter. */
const mention =
  (chapter: string, ...texts: string[]): Transform =>
  (r) => ({
    ...r,
    chapters: r.chapters.map((c) =>
      c.title === chapter
        ? { ...c, sections: [{ ...c.sections[0]!, blocks: [...c.sections[0]!.blocks, ...texts.map(paragraph)] }, ...c.sections.slice(1)] }
        : c,
    ),
  });
const flatten = (r: PlainReport, title: string) => r.chapters.find((c) => c.title === title)!.sections.flatMap((s) => s.blocks);
/** Moves a chapter into another as its last section. */
const nest =
  (title: string, into: string): Transform =>
  (r) => {
    const section: PlainSection = { title, blocks: flatten(r, title) };
    return drop(title)({ ...r, chapters: r.chapters.map((c) => (c.title === into ? { ...c, sections: [...c.sections, section] } : c)) });
  };
/** 网络安全 and 密码 under one 安全保障体系 chapter: 网络安全保障措施 becomes a third-level heading (x.1.2), 密码应用方案 a section. */
const securityChapter: Transform = (r) => {
  const network = r.chapters.find((c) => c.title === '网络安全保护措施')!;
  const chapter = {
    title: '安全保障体系',
    sections: [
      {
        title: '网络安全',
        blocks: [],
        subsections: [network.sections[0]!, { title: '网络安全保障措施', blocks: network.sections.slice(1).flatMap((s) => s.blocks) }],
      },
      { title: '密码应用方案', blocks: flatten(r, '密码应用方案') },
    ],
  };
  const rest = drop('网络安全保护措施', '密码应用方案')(r);
  const at = rest.chapters.findIndex((c) => c.title === '集约化建设');
  return { ...rest, chapters: [...rest.chapters.slice(0, at), chapter, ...rest.chapters.slice(at)] };
};

type Render = { house: 'pdf' | 'docx' } | { plain: 'pdf' | 'docx'; layout: PlainLayout };

interface Fixture {
  file: string;
  description: string;
  spec: ProposalSpec;
  render: Render;
  transforms?: Transform[];
  /** Required chapter → the title (as in the Report, unnumbered) of the heading that carries it. */
  present: Partial<Record<ChapterId, string>>;
}

const all: Fixture['present'] = {
  'data-governance': '数据资源收集治理及业务应用梳理',
  'data-sharing': '数据资源共享分析',
  'network-security': '网络安全保护措施',
  crypto: '密码应用方案',
  intensive: '集约化建设',
};
const without = (...ids: ChapterId[]) => Object.fromEntries(Object.entries(all).filter(([id]) => !ids.includes(id as ChapterId)));

export const fixtures: Fixture[] = [
  { file: '01-house.pdf', description: '样例版式：第X章、目录、书签，五章俱全', spec: elderlyCare, render: { house: 'pdf' }, present: all },
  { file: '02-house.docx', description: '样例版式 DOCX：标题样式，五章俱全', spec: elderlyCare, render: { house: 'docx' }, present: all },
  {
    file: '03-synonyms-no-crypto.pdf',
    description: '同义名称（信息资源共享分析篇、网络安全保障措施）；缺密码应用方案，仅正文提及',
    spec: communityService,
    render: { house: 'pdf' },
    transforms: [
      rename('数据资源共享分析', '信息资源共享分析篇'),
      rename('网络安全保护措施', '网络安全保障措施'),
      drop('密码应用方案'),
      mention('网络安全保障措施', '本项目密码应用方案另行编制，随本方案一并报送，其主要内容在此不再赘述。'),
    ],
    present: { ...without('crypto'), 'data-sharing': '信息资源共享分析篇', 'network-security': '网络安全保障措施' },
  },
  {
    file: '04-missing-sharing.pdf',
    description: '缺数据资源共享分析：正文句子提及，设计原则中有正文字号的“（二）数据资源共享分析”列表行',
    spec: communityService,
    render: { house: 'pdf' },
    transforms: [
      drop('数据资源共享分析'),
      mention('总体设计', '本项目遵循以下原则：', '（一）统筹规划', '（二）数据资源共享分析', '（三）安全可控'),
      mention('数据资源收集治理及业务应用梳理', '数据资源共享分析的具体内容详见随本方案报送的信息资源目录。'),
    ],
    present: without('data-sharing'),
  },
  {
    file: '05-chinese-toc.pdf',
    description: '一、/（一）编号，有目录无书签；名称微变（集约化建设方案、数据资源收集、治理及业务应用梳理）',
    spec: elderlyCare,
    render: { plain: 'pdf', layout: { numbering: 'chinese', toc: true, headings: 'styled', footers: true } },
    transforms: [rename('集约化建设', '集约化建设方案'), rename('数据资源收集治理及业务应用梳理', '数据资源收集、治理及业务应用梳理')],
    present: { ...all, intensive: '集约化建设方案', 'data-governance': '数据资源收集、治理及业务应用梳理' },
  },
  {
    file: '06-arabic-no-toc.pdf',
    description: '1./1.1 编号，无目录无书签；密码应用方案为网络安全一章的小节；缺集约化建设，仅正文提及',
    spec: elderlyCare,
    render: { plain: 'pdf', layout: { numbering: 'arabic', toc: false, headings: 'styled' } },
    transforms: [
      nest('密码应用方案', '网络安全保护措施'),
      drop('集约化建设'),
      mention('总体设计', '本项目坚持集约化建设原则，依托政务云部署，不新建机房。'),
    ],
    present: without('intensive'),
  },
  {
    file: '07-part-plain-headings.pdf',
    description: '第X篇/一、编号，标题与正文同字号，无目录无书签；缺数据资源收集治理及业务应用梳理，仅正文提及',
    spec: communityService,
    render: { plain: 'pdf', layout: { numbering: 'part', toc: false, headings: 'plain', footers: true } },
    transforms: [
      drop('数据资源收集治理及业务应用梳理'),
      rename('数据资源共享分析', '数据资源共享分析篇'),
      mention('总体设计', '数据资源收集治理及业务应用梳理工作将在项目实施阶段开展。'),
    ],
    present: { ...without('data-governance'), 'data-sharing': '数据资源共享分析篇' },
  },
  {
    file: '08-toc-only.pdf',
    description: '正文标题不编号、与正文同字号，章名只在目录中可辨；页脚页码从正文起算',
    spec: elderlyCare,
    render: { plain: 'pdf', layout: { numbering: 'chapter', toc: true, headings: 'plain', footers: true, numberedBodyHeadings: false } },
    present: all,
  },
  {
    file: '09-deep-numbering.pdf',
    description: '1./1.1/1.1.1 编号，有目录和书签；网络安全保障措施为三级标题，密码应用方案为二级标题',
    spec: communityService,
    render: { plain: 'pdf', layout: { numbering: 'arabic', toc: true, headings: 'styled', bookmarks: true } },
    transforms: [securityChapter],
    present: { ...all, 'network-security': '网络安全保障措施' },
  },
  {
    file: '10-bracket-spaced.pdf',
    description: '（一）/1． 编号，有目录；章名字间加空格（集 约 化 建 设）；缺数据资源收集治理及业务应用梳理',
    spec: elderlyCare,
    render: { plain: 'pdf', layout: { numbering: 'bracket', toc: true, headings: 'styled', footers: true } },
    transforms: [rename('集约化建设', '集 约 化 建 设'), drop('数据资源收集治理及业务应用梳理')],
    present: { ...without('data-governance'), intensive: '集 约 化 建 设' },
  },
  {
    file: '11-chinese-bold.docx',
    description: 'DOCX：一、编号，标题为加粗正文段落，有文字目录；信息资源共享分析（含编目）；缺密码应用方案，仅正文提及',
    spec: communityService,
    render: { plain: 'docx', layout: { numbering: 'chinese', toc: true, headings: 'plain' } },
    transforms: [
      rename('数据资源共享分析', '信息资源共享分析（含政务信息资源管理及编目）'),
      drop('密码应用方案'),
      mention('网络安全保护措施', '密码应用方案由建设单位另行委托编制。'),
    ],
    present: { ...without('crypto'), 'data-sharing': '信息资源共享分析（含政务信息资源管理及编目）' },
  },
  {
    file: '12-arabic-cn-styles.docx',
    description: 'DOCX：1./1.1 编号，中文样式名“标题 1/2”，无目录；网络安全保障措施；缺集约化建设，正文有“2．集约化建设”列表行',
    spec: elderlyCare,
    render: { plain: 'docx', layout: { numbering: 'arabic', toc: false, headings: 'chinese-style-names' } },
    transforms: [
      rename('网络安全保护措施', '网络安全保障措施'),
      drop('集约化建设'),
      mention('总体设计', '项目设计遵循：', '1．统筹规划', '2．集约化建设', '3．安全可控'),
    ],
    present: { ...without('intensive'), 'network-security': '网络安全保障措施' },
  },
  {
    file: '13-house-missing-sharing.docx',
    description: '样例版式 DOCX：缺数据资源共享分析（东河示例同款缺陷）',
    spec: { ...communityService, omitChapters: ['数据资源共享分析'] },
    render: { house: 'docx' },
    present: without('data-sharing'),
  },
  {
    file: '14-house-mentions.pdf',
    description: '样例版式：缺集约化建设和数据资源共享分析，两者都在正文和正文字号列表行中出现',
    spec: elderlyCare,
    render: { house: 'pdf' },
    transforms: [
      drop('集约化建设', '数据资源共享分析'),
      mention('总体设计', '按照集约化建设要求，本项目不新建机房。', '（一）集约化建设', '（二）数据资源共享分析'),
    ],
    present: without('intensive', 'data-sharing'),
  },
];

/** Pages pdftotext puts a heading line on, numbered as report-pdf.ts numbers it; the first page whose line is exactly the heading. */
function housePdfPage(file: string, report: Report, title: string): number {
  const numbered = numberReport(report).chapters.flatMap((c, i) => [
    { title: report.chapters[i]!.title, text: c.title },
    ...c.sections.map((s, j) => ({ title: report.chapters[i]!.sections[j]!.title, text: s.title })),
  ]);
  const heading = numbered.find((h) => h.title === title)!.text;
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  const index = pages.findIndex((p) => p.split('\n').some((l) => l.trim() === heading));
  if (index < 0) throw new Error(`pdftotext 未找到标题：${heading}`);
  return index + 1;
}

/** The page a DOCX says a heading is on: report-docx.ts puts the cover on page 1 and starts each chapter on a new page. */
function houseDocxPage(report: Report, title: string): number {
  const chapter = report.chapters.findIndex((c) => c.title === title || c.sections.some((s) => s.title === title));
  if (chapter < 0) throw new Error(`报告中没有标题：${title}`);
  return chapter + 2;
}

async function writeFixture(outDir: string, f: Fixture): Promise<ChapterLabels['documents'][number]> {
  const report = (f.transforms ?? []).reduce<PlainReport>((r, t) => t(r), proposalReport(f.spec));
  const file = path.join(outDir, f.file);
  let pageOf: (title: string) => number = () => 1;
  if ('house' in f.render) {
    const pdf = f.render.house === 'pdf';
    await writeFile(file, pdf ? await renderReportPdf(report, created) : await renderReportDocx(report, created));
    pageOf = (title) => (pdf ? housePdfPage(file, report, title) : houseDocxPage(report, title));
  } else if (f.render.plain === 'pdf') {
    const { pdf, headings } = await renderPlainPdf(report, f.render.layout, created);
    await writeFile(file, pdf);
    pageOf = (title) => headings.find((h) => h.title === title)!.page;
  } else {
    await writeFile(file, await renderPlainDocx(report, f.render.layout, created));
  }
  const chapters = Object.fromEntries(Object.entries(f.present).map(([id, title]) => [id, { page: pageOf(title), heading: title }]));
  return { file: f.file, kind: f.file.endsWith('.pdf') ? 'pdf' : 'docx', description: f.description, chapters };
}

/** Writes the labelled documents and labels.json into `outDir` (replacing it). One at a time: docx numbering is process-wide. */
export async function makeChapterFixtures(outDir: string): Promise<ChapterLabels> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const labels: ChapterLabels = { documents: [] };
  for (const f of fixtures) labels.documents.push(await writeFixture(outDir, f));
  await writeFile(path.join(outDir, 'labels.json'), `${JSON.stringify(labels, null, 2)}\n`);
  return labels;
}

const filler = [
  '本项目按照统筹规划、集约建设、共享共用的原则，依托区政务云平台和电子政务外网部署，不新建机房和业务专网。',
  '系统建设内容包括统一受理、智能分拨、协同办理、监督评价和数据共享等功能模块，覆盖区、乡镇（街道）两级业务。',
  '数据资源按照“一数一源、一源多用”要求编入政务信息资源目录，通过区级共享交换节点向相关部门提供。',
  '项目建成后上线运行前完成网络安全等级保护定级备案、等级测评和商用密码应用安全性评估。',
];

/** A text-only PDF of `pages` A4 pages of Chinese prose with a chapter heading every ten pages, for timing extraction against pdftotext. */
export async function makeLongPdf(file: string, pages = 300): Promise<void> {
  const { doc, bytes } = samplePdf({ size: 'A4', margin: 72, autoFirstPage: false, info: { Title: '长文档基准', CreationDate: created } });
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    if (p % 10 === 0)
      doc
        .font('body')
        .fontSize(16)
        .text(`第${p / 10 + 1}章 基准章节`, 72, 72, { lineBreak: false });
    for (let line = 0; line < 34; line++) {
      const text = filler[(p + line) % filler.length];
      doc
        .font('body')
        .fontSize(11)
        .text(text!.slice(0, 38), 72, 110 + line * 19, { lineBreak: false });
    }
    doc.page.margins.bottom = 0;
    doc.fontSize(10).text(`— ${p + 1} —`, 0, 800, { width: 595.28, align: 'center', lineBreak: false });
  }
  doc.end();
  await writeFile(file, await bytes);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'chapters');
  makeChapterFixtures(outDir).then(
    (labels) => console.log(`${labels.documents.length} 份标注文档 → ${path.relative(process.cwd(), outDir)}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
