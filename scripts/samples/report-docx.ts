// Owns rendering a sample report as a DOCX (docx package): cover, Heading 1/2 chapters, tables, embedded PNG figures, page-number footer.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { numberReport, type Block, type Report } from './report-model';
import { reproducibleOfficeZip } from './zip';

/** A4 width less 2 × 1 inch margins, in twips (1/20 pt). */
const textWidthTwips = 11906 - 2 * 1440;
const cjkFont = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const headingFont = { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' };
const numeric = /^[-+]?[\d,]+(\.\d+)?%?$/;

const caption = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [new TextRun({ text, bold: true, size: 21, font: headingFont })],
  });

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: header ? { type: ShadingType.CLEAR, fill: 'E4E9F1', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: header || /^\d{1,3}$/.test(text) ? AlignmentType.CENTER : numeric.test(text) ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: header, size: 20 })],
      }),
    ],
  });
}

function gridTable(columns: string[], relativeWidths: number[], rows: string[][]): Table {
  const total = relativeWidths.reduce((a, b) => a + b, 0);
  const widths = relativeWidths.map((w) => Math.round((w / total) * textWidthTwips));
  return new Table({
    width: { size: textWidthTwips, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, true, widths[i]!)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, widths[i]!)) })),
    ],
  });
}

function blockElements(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 360, after: 60 }, children: [new TextRun(b.text)] })];
    case 'table':
      return [caption(b.caption), gridTable(b.columns, b.widths, b.rows), new Paragraph({})];
    case 'architecture':
      // Word has no drawing primitives here that survive every viewer; the layers read well as a two-column table.
      return [
        gridTable(['层次', '主要组成'], [1, 4], [...b.layers.map((l) => [l.name, l.items.join('、')]), ['贯穿各层', b.sides.join('、')]]),
        caption(b.caption),
      ];
    case 'image': {
      const width = 520;
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: b.png,
              transformation: { width, height: Math.round((width * b.height) / b.width) },
              altText: { name: b.caption, description: b.caption, title: b.caption },
            }),
          ],
        }),
        caption(b.caption),
      ];
    }
  }
}

/** Renders the report; `created` is written into the document properties and the ZIP is made reproducible. */
export async function renderReportDocx(input: Report, created: Date): Promise<Buffer> {
  const r = numberReport(input);
  const cover = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `项目编号：${r.projectCode}`, size: 21 })] }),
    new Paragraph({
      spacing: { before: 2400 },
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: r.projectName, bold: true, size: 44, font: headingFont })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [new TextRun({ text: r.docType, bold: true, size: 56, font: headingFont })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 3000 },
      children: [new TextRun({ text: `（${r.status ?? '送审稿'}）`, size: 30 })],
    }),
    ...[`建设单位：${r.applicant}`, `编制单位：${r.preparedBy}`, `编制日期：${r.dateText}`].map(
      (line) => new Paragraph({ indent: { left: 1800 }, spacing: { after: 200 }, children: [new TextRun({ text: line, size: 28 })] }),
    ),
  ];
  const body = r.chapters.flatMap((chapter) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(chapter.title)],
    }),
    ...chapter.sections.flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.title)] }),
      ...section.blocks.flatMap(blockElements),
    ]),
  ]);
  const doc = new Document({
    creator: r.preparedBy,
    lastModifiedBy: r.preparedBy,
    title: `${r.projectName}${r.docType}`,
    subject: r.docType,
    styles: {
      default: {
        document: { run: { font: cjkFont, size: 24 } },
        heading1: {
          run: { font: headingFont, size: 32, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 240 } },
        },
        heading2: {
          run: { font: headingFont, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 120 } },
        },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] }),
            ],
          }),
        },
        children: [...cover, ...body],
      },
    ],
  });
  return reproducibleOfficeZip(await Packer.toBuffer(doc), created);
}
