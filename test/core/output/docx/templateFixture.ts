// Owns building bureau-template .docx fixtures in tests: a letterhead made with docx, then edited as Word would leave it.
import { Document, Footer, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { ZipFile } from 'yazl';
import { unzipDocx } from './unzip';

export function zipParts(parts: [string, Buffer | string][]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, data] of parts) zip.addBuffer(Buffer.from(data), name, { mtime: new Date(2000, 0, 1) });
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Replaces parts of a .docx, keeping the others. */
export async function withParts(docx: Buffer, replace: Record<string, string>): Promise<Buffer> {
  const parts = await unzipDocx(docx);
  return zipParts(parts.map((p) => [p.name, replace[p.name] ?? p.data]));
}

/**
 * A letterhead with placeholders in the body, a table, the header and the footer. `{{project.name}}` is split over
 * three runs ("{{" red, "project." bold, "name}}") with a w:proofErr and a bookmark between them, as Word leaves a
 * placeholder that was typed, spell-checked and edited.
 */
export async function letterheadTemplate(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('{{bureau.name}}（红头）')] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('成文日期：{{ date }}')] })] }) },
        children: [
          new Paragraph({
            children: [
              new TextRun('项目名称：'),
              new TextRun({ text: '{{', color: 'C00000' }),
              new TextRun({ text: 'project.', bold: true }),
              new TextRun({ text: 'name}}' }),
              new TextRun('。'),
            ],
          }),
          new Paragraph({ children: [new TextRun('专家人数：{{expert.count}}；备注：{{unknown.thing}}')] }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('申报金额')] }),
                  new TableCell({ children: [new Paragraph('{{project.amount}}')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  const packed = await Packer.toBuffer(doc);
  const parts = await unzipDocx(packed);
  const xml = parts.find((p) => p.name === 'word/document.xml')!.data.toString('utf8');
  // Word's way of splitting: a proofing mark and a bookmark between the runs that carry one placeholder.
  const run = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*?>${text.replace('.', '\\.')}</w:t></w:r>`, 's');
  const split = xml
    .replace(run('project.'), (r) => `<w:proofErr w:type="spellStart"/>${r}`)
    .replace(
      run('name}}'),
      (r) => `<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>${r}<w:proofErr w:type="spellEnd"/>`,
    );
  if (split.split('w:proofErr').length !== 3 || !split.includes('_GoBack')) throw new Error('fixture: runs to split not found');
  return withParts(packed, { 'word/document.xml': split });
}
