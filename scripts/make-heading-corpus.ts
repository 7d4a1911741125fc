// Owns the heading corpus (`npx tsx scripts/make-heading-corpus.ts [dir]`): one proposal, its chapter headings set in each way people type them, as DOCX and PDF.
//
// The same six chapters (five of them required) in every file; only how the headings are written changes: number and
// ideographic space (GB/T 1.1), number and space in bold, Word's own list numbering (`%1.` and `第%1章`, the number
// living in numbering.xml), 第X部分, one-cell title-box tables, titles set apart only by their face (黑体 over 宋体); the
// Word-numbered files also as LibreOffice saves them (DOCX), those and the face-only file as exported to PDF, and a
// WPS-like PDF with large bold `4　标题` lines. `plainHeadings` is the text version
// the recall of every file is compared with.
import { execFileSync } from 'node:child_process';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
} from 'docx';
import { samplePdf } from './sample-fonts';

/** The proposal's chapters: the title as the chapter list names it, and the required chapter (if any) it is. */
export const corpusChapters = [
  { title: '项目概况', chapterId: undefined },
  { title: '数据资源收集治理及业务应用梳理', chapterId: 'data-governance' },
  { title: '信息资源共享分析', chapterId: 'data-sharing' },
  { title: '网络安全保障措施', chapterId: 'network-security' },
  { title: '密码应用方案', chapterId: 'crypto' },
  { title: '集约化建设', chapterId: 'intensive' },
] as const;

const body = [
  '本项目依托区政务云平台和电子政务外网部署，不新建机房和业务专网，按照统筹规划、集约建设、共享共用的原则实施。',
  '系统建设内容包括统一受理、智能分拨、协同办理和监督评价等功能模块，覆盖区、乡镇（街道）两级业务。',
];
const cn = ['一', '二', '三', '四', '五', '六'];

/** How a file writes its headings; `label(i)` is the number the reader sees before chapter i (0-based). */
export const headingStyles = {
  'ideographic-space': { label: (i: number) => `${i + 1}\u3000`, description: '标题 1 样式，编号后接全角空格（GB/T 1.1）' },
  'space-bold': { label: (i: number) => `${i + 1} `, description: '无标题样式，加粗段落，编号后接半角空格' },
  'word-decimal': { label: (i: number) => `${i + 1}. `, description: 'Word 自动编号（numbering.xml：%1.）' },
  'word-chapter': { label: (i: number) => `第${cn[i]}章 `, description: 'Word 自动编号（numbering.xml：第%1章，中文计数）' },
  part: { label: (i: number) => `第${cn[i]}部分 `, description: '第X部分' },
  'title-box': { label: (i: number) => `第${cn[i]}章 `, description: '标题置于单格表格（标题框）中，正文小节加粗' },
  'font-only': { label: (i: number) => `${i + 1}\u3000`, description: '无标题样式、不加粗，标题用黑体、正文用宋体，字号相同（手工排版）' },
} as const;
export type HeadingStyle = keyof typeof headingStyles;

/** The text version: each heading as the reader sees it, on one page. */
export const plainHeadings = (style: HeadingStyle) => corpusChapters.map((c, i) => `${headingStyles[style].label(i)}${c.title}`);

const numberingLevels = (style: 'word-decimal' | 'word-chapter'): ILevelsOptions[] => [
  style === 'word-decimal'
    ? { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }
    : { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1章', alignment: AlignmentType.LEFT },
  { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT, isLegalNumberingStyle: true },
];

function chapterParagraphs(style: HeadingStyle, i: number): (Paragraph | Table)[] {
  const title = corpusChapters[i]!.title;
  const label = headingStyles[style].label(i);
  // font-only: the title face (Noto Sans CJK, as 黑体) against the body face (Noto Serif CJK, as 宋体), both 三号.
  const text = (t: string) => [style === 'font-only' ? new TextRun({ text: t, font: 'Noto Serif CJK SC', size: 32 }) : new TextRun(t)];
  const titleText = (t: string) => [new TextRun({ text: t, font: 'Noto Sans CJK SC', size: 32 })];
  const section = (name: string): Paragraph =>
    style === 'word-decimal' || style === 'word-chapter'
      ? new Paragraph({ heading: HeadingLevel.HEADING_2, numbering: { reference: style, level: 1 }, children: text(name) })
      : style === 'font-only'
        ? new Paragraph({ children: titleText(`（${cn[0]}）${name}`) })
        : style === 'space-bold' || style === 'title-box'
          ? new Paragraph({ children: [new TextRun({ text: `（${cn[0]}）${name}`, bold: true })] })
          : new Paragraph({ heading: HeadingLevel.HEADING_2, children: text(`${i + 1}.1\u3000${name}`) });
  let heading: Paragraph | Table;
  if (style === 'word-decimal' || style === 'word-chapter')
    heading = new Paragraph({
      heading: HeadingLevel.HEADING_1,
      numbering: { reference: style, level: 0 },
      pageBreakBefore: true,
      children: text(title),
    });
  else if (style === 'font-only') heading = new Paragraph({ pageBreakBefore: true, children: titleText(`${label}${title}`) });
  else if (style === 'space-bold')
    heading = new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: `${label}${title}`, bold: true, size: 32 })] });
  else if (style === 'title-box')
    heading = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          children: [new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: text(`${label}${title}`) })] })],
        }),
      ],
    });
  else heading = new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: text(`${label}${title}`) });
  const rest = [section('概述'), ...body.map((b) => new Paragraph({ children: text(b) }))];
  // A title box cannot carry 段前分页; a page break paragraph before it does.
  return style === 'title-box' ? [new Paragraph({ pageBreakBefore: i > 0, children: [] }), heading, ...rest] : [heading, ...rest];
}

export async function corpusDocx(style: HeadingStyle): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: (['word-decimal', 'word-chapter'] as const).map((reference) => ({ reference, levels: numberingLevels(reference) })),
    },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '武隆区智慧养老服务平台建设项目建设方案', bold: true, size: 44 })],
          }),
          ...corpusChapters.flatMap((_, i) => chapterParagraphs(style, i)),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** A WPS-like export: headings larger and bold, `4　标题` with an ideographic space, one chapter a page. */
export async function corpusWpsPdf(): Promise<Buffer> {
  const { doc, bytes } = samplePdf({
    size: 'A4',
    margin: 72,
    autoFirstPage: false,
    info: { Title: '标题语料', CreationDate: new Date('2027-04-01T10:00:00+08:00') },
  });
  corpusChapters.forEach((c, i) => {
    doc.addPage();
    doc
      .font('bold')
      .fontSize(16)
      .text(`${i + 1}\u3000${c.title}`);
    doc.moveDown();
    doc
      .font('bold')
      .fontSize(14)
      .text(`${i + 1}.1\u3000概述`);
    for (const b of body) doc.font('body').fontSize(11).text(b);
  });
  doc.end();
  return bytes;
}

/** Runs LibreOffice headless with its own profile folder: converts `file` into `format` in `outDir`. */
function soffice(file: string, format: string, outDir: string, profile: string): void {
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', format, '--outdir', outDir, file],
    {
      stdio: 'ignore',
      timeout: 120_000,
    },
  );
}

export interface CorpusFile {
  file: string;
  style: HeadingStyle;
  description: string;
}

/** Writes every corpus file into `outDir` (replacing it); with `libreOffice`, also LibreOffice's DOCX and PDF of the Word-numbered files. */
export async function makeHeadingCorpus(outDir: string, libreOffice = true): Promise<CorpusFile[]> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files: CorpusFile[] = [];
  for (const style of Object.keys(headingStyles) as HeadingStyle[]) {
    await writeFile(path.join(outDir, `${style}.docx`), await corpusDocx(style));
    files.push({ file: `${style}.docx`, style, description: headingStyles[style].description });
  }
  await writeFile(path.join(outDir, 'wps-export.pdf'), await corpusWpsPdf());
  files.push({ file: 'wps-export.pdf', style: 'ideographic-space', description: 'WPS 式导出 PDF：大号加粗标题，编号后接全角空格' });
  if (libreOffice) {
    const lo = path.join(outDir, 'lo');
    const profile = path.join(outDir, '.lo-profile');
    await mkdir(lo);
    for (const style of ['word-decimal', 'word-chapter', 'font-only'] as const) {
      const source = path.join(outDir, `${style}.docx`);
      if (style !== 'font-only') {
        soffice(source, 'docx:MS Word 2007 XML', lo, profile);
        await rename(path.join(lo, `${style}.docx`), path.join(outDir, `${style}.lo.docx`));
        files.push({ file: `${style}.lo.docx`, style, description: `${headingStyles[style].description}，经 LibreOffice 另存` });
      }
      soffice(source, 'pdf', outDir, profile);
      files.push({ file: `${style}.pdf`, style, description: `${headingStyles[style].description}，经 LibreOffice 导出 PDF` });
    }
    await rm(lo, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'headings');
  makeHeadingCorpus(outDir).then(
    (files) => console.log(`${files.length} 份标题语料 → ${path.relative(process.cwd(), outDir)}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
