// Owns rendering a sample report in a chosen layout — numbering style, 目录, bookmarks, styled or plain headings — as a text-only PDF or a DOCX.
//
// report-pdf.ts and report-docx.ts render the one house style of the sample packages (第N章, 目录, bookmarks, figures).
// Real proposals vary, and chapter detection has to cope: this renders the same Report model the other ways.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { samplePdf } from '../sample-fonts';
import { chineseNumber, type Block, type Report, type Section } from './report-model';
import { reproducibleOfficeZip } from './zip';

/** chapter: 第一章/1.1; part: 第一篇/一、; chinese: 一、/（一）; bracket: （一）/1．; arabic: 1./1.1 — each with a third level. */
export type NumberingStyle = 'chapter' | 'part' | 'chinese' | 'bracket' | 'arabic';

export interface PlainLayout {
  numbering: NumberingStyle;
  /** A 目录 listing chapters and sections with dot leaders (PDF) or tabs (DOCX) and page numbers. */
  toc: boolean;
  /** PDF: headings larger than body text. DOCX: heading paragraph styles (English or Chinese style names) instead of bold body paragraphs. */
  headings: 'styled' | 'plain' | 'chinese-style-names';
  /** PDF only: a bookmark per chapter and section. */
  bookmarks?: boolean;
  /** PDF only: `— N —` footers, counted from the first chapter page, which the 目录 also prints. */
  footers?: boolean;
  /** False: body headings print without their numbers (the 目录 keeps them). */
  numberedBodyHeadings?: boolean;
}

/** A section may carry third-level subsections (5.1.2). */
export type PlainSection = Section & { subsections?: Section[] };
export type PlainReport = Omit<Report, 'chapters'> & { chapters: { title: string; sections: PlainSection[] }[] };

/** Where a heading landed: its title as written in the Report, and its 1-based PDF page. */
export interface HeadingPage {
  title: string;
  level: number;
  page: number;
}

interface Entry {
  title: string;
  numbered: string;
  level: 1 | 2 | 3;
  blocks: Block[];
}

const cn = chineseNumber;
const prefixes: Record<
  NumberingStyle,
  [(c: number) => string, (c: number, s: number) => string, (c: number, s: number, t: number) => string]
> = {
  chapter: [(c) => `第${cn(c)}章 `, (c, s) => `${c}.${s} `, (c, s, t) => `${c}.${s}.${t} `],
  part: [(c) => `第${cn(c)}篇 `, (_, s) => `${cn(s)}、`, (_, __, t) => `（${cn(t)}）`],
  chinese: [(c) => `${cn(c)}、`, (_, s) => `（${cn(s)}）`, (_, __, t) => `${t}．`],
  bracket: [(c) => `（${cn(c)}）`, (_, s) => `${s}．`, (_, __, t) => `（${t}）`],
  arabic: [(c) => `${c}. `, (c, s) => `${c}.${s} `, (c, s, t) => `${c}.${s}.${t} `],
};

function entries(r: PlainReport, style: NumberingStyle): Entry[] {
  const [first, second, third] = prefixes[style];
  return r.chapters.flatMap((chapter, i) => [
    { title: chapter.title, numbered: first(i + 1) + chapter.title, level: 1 as const, blocks: [] },
    ...chapter.sections.flatMap((section, j) => [
      { title: section.title, numbered: second(i + 1, j + 1) + section.title, level: 2 as const, blocks: section.blocks },
      ...(section.subsections ?? []).map((sub, k) => ({
        title: sub.title,
        numbered: third(i + 1, j + 1, k + 1) + sub.title,
        level: 3 as const,
        blocks: sub.blocks,
      })),
    ]),
  ]);
}

/** Tables become one line per row, figures their caption: the fixtures are about text, not drawing. */
function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'paragraph':
      return [b.text];
    case 'table':
      return [b.caption, ...[b.columns, ...b.rows].map((row) => row.join('    '))];
    case 'architecture':
    case 'image':
      return [`（${b.caption}）`];
  }
}

const margins = { top: 84, bottom: 76, left: 80, right: 72 };
const contentWidth = 595.28 - margins.left - margins.right;
const bodySize = 11.5;
const headingSizes = { 1: 16, 2: 13, 3: 12 } as const;
const tocLinesPerPage = 28;

export async function renderPlainPdf(
  r: PlainReport,
  layout: PlainLayout,
  created: Date,
): Promise<{ pdf: Buffer; headings: HeadingPage[] }> {
  const { doc, bytes } = samplePdf({
    size: 'A4',
    margins,
    bufferPages: true,
    info: { Title: `${r.projectName}${r.docType}`, CreationDate: created },
  });
  const page = () => doc.bufferedPageRange().count;

  doc.font('bold').fontSize(22).text(r.projectName, margins.left, 240, { width: contentWidth, align: 'center' });
  doc.moveDown(0.8).fontSize(26).text(r.docType, { width: contentWidth, align: 'center' });
  doc.font('body').fontSize(14).text(`编制单位：${r.preparedBy}`, margins.left, 600, { width: contentWidth, align: 'center' });

  const list = entries(r, layout.numbering);
  const tocEntries = list.filter((e) => e.level < 3);
  const tocPages = layout.toc ? Math.ceil(tocEntries.length / tocLinesPerPage) : 0;
  for (let i = 0; i < tocPages; i++) doc.addPage();
  const firstBodyPage = page() + 1;
  const headings: HeadingPage[] = [];
  const outline: PDFKit.PDFOutline[] = [];
  for (const e of list) {
    if (e.level === 1) doc.addPage();
    else if (doc.y > 841.89 - margins.bottom - 80) doc.addPage();
    headings.push({ title: e.title, level: e.level, page: page() });
    const size = layout.headings === 'plain' ? bodySize : headingSizes[e.level];
    const text = layout.numberedBodyHeadings === false ? e.title : e.numbered;
    doc
      .font(layout.headings === 'plain' ? 'body' : 'bold')
      .fontSize(size)
      .text(text, margins.left, e.level === 1 ? margins.top : doc.y, {
        width: contentWidth,
        align: e.level === 1 && layout.headings !== 'plain' ? 'center' : 'left',
      });
    doc.moveDown(0.5);
    if (layout.bookmarks) outline[e.level] = (outline[e.level - 1] ?? doc.outline).addItem(e.numbered);
    for (const line of e.blocks.flatMap(blockLines)) {
      doc.font('body').fontSize(bodySize).text(line, margins.left, doc.y, { width: contentWidth, indent: 23, lineGap: 5, paragraphGap: 6 });
    }
  }

  const printed = (p: number) => (layout.footers ? p - firstBodyPage + 1 : p);
  tocEntries.forEach((e, i) => {
    if (!layout.toc) return;
    if (i % tocLinesPerPage === 0) {
      doc.switchToPage(1 + i / tocLinesPerPage);
      doc.font('bold').fontSize(18).text('目    录', margins.left, margins.top, { width: contentWidth, align: 'center' });
    }
    const y = margins.top + 60 + (i % tocLinesPerPage) * 22;
    const x = margins.left + (e.level === 1 ? 0 : 24);
    const number = String(printed(headings[list.indexOf(e)]!.page));
    doc.font('body').fontSize(11);
    const dots = '.'.repeat(
      Math.max(
        3,
        Math.floor(
          (contentWidth - (x - margins.left) - doc.widthOfString(e.numbered) - doc.widthOfString(number) - 16) / doc.widthOfString('.'),
        ),
      ),
    );
    doc.text(`${e.numbered} ${dots} ${number}`, x, y, { lineBreak: false });
  });
  if (layout.footers) {
    for (let p = firstBodyPage; p <= page(); p++) {
      doc.switchToPage(p - 1);
      doc.page.margins.bottom = 0;
      doc
        .font('body')
        .fontSize(10.5)
        .text(`— ${printed(p)} —`, margins.left, 841.89 - 52, { width: contentWidth, align: 'center', lineBreak: false });
      doc.page.margins.bottom = margins.bottom;
    }
  }
  doc.end();
  return { pdf: await bytes, headings };
}

const docxHeadingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export async function renderPlainDocx(r: PlainReport, layout: PlainLayout, created: Date): Promise<Buffer> {
  const list = entries(r, layout.numbering);
  const heading = (e: Entry) => {
    const text = layout.numberedBodyHeadings === false ? e.title : e.numbered;
    if (layout.headings === 'styled') return new Paragraph({ heading: docxHeadingLevels[e.level], children: [new TextRun(text)] });
    if (layout.headings === 'chinese-style-names') return new Paragraph({ style: `cnHeading${e.level}`, children: [new TextRun(text)] });
    return new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true })] });
  };
  // A Word TOC after 更新域: one paragraph per entry, title and page number separated by a tab.
  const toc = layout.toc
    ? [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '目录', bold: true })] }),
        ...list
          .filter((e) => e.level < 3)
          .map((e, i) => new Paragraph({ children: [new TextRun(`${e.numbered}\t${1 + Math.floor(i / 3)}`)] })),
      ]
    : [];
  const doc = new Document({
    creator: r.preparedBy,
    title: `${r.projectName}${r.docType}`,
    styles: {
      paragraphStyles: [1, 2, 3].map((n) => ({
        id: `cnHeading${n}`,
        name: `标题 ${n}`,
        basedOn: 'Normal',
        run: { bold: true, size: 36 - 4 * n },
      })),
    },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.projectName, bold: true, size: 44 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: r.docType, bold: true, size: 52 })] }),
          ...toc,
          ...list.flatMap((e) => [
            heading(e),
            ...e.blocks.flatMap(blockLines).map((line) => new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(line)] })),
          ]),
        ],
      },
    ],
  });
  return reproducibleOfficeZip(await Packer.toBuffer(doc), created);
}
