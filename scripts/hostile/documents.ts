// Owns hostile documents for the text extraction and the `check` command (issue 17): files that are small on disk and
// huge once a parser inflates them. Each is otherwise well formed, so only its size does the damage.
import { deflateSync } from 'node:zlib';
import { writeZip } from './zip-writer';

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const documentHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
const documentTail = '</w:body></w:document>';

/** `count` repetitions of `unit` between `head` and `tail`, built by doubling (a 400 MB buffer in well under a second). */
function repeated(head: string, unit: string, bytes: number, tail: string): Buffer {
  const u = Buffer.from(unit);
  const count = Math.max(1, Math.floor((bytes - head.length - tail.length) / u.length));
  const body = Buffer.alloc(count * u.length);
  u.copy(body, 0);
  for (let filled = u.length; filled < body.length; filled *= 2) body.copy(body, filled, 0, Math.min(filled, body.length - filled));
  return Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]);
}

/**
 * A DOCX whose word/document.xml inflates to about `inflatedBytes` of ordinary paragraphs: at 400 MB the file is about
 * 1.6 MB on disk, within a package's per-entry limits, and mammoth building its document tree runs any heap out.
 */
export function docxBomb(inflatedBytes: number): Buffer {
  const xml = repeated(documentHead, '<w:p><w:r><w:t>评审工作台测试段落</w:t></w:r></w:p>', inflatedBytes, documentTail);
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rootRels) },
    { name: 'word/document.xml', data: xml },
  ]);
}

/** A small valid DOCX with the given paragraphs (the control next to the bomb). */
export function plainDocx(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rootRels) },
    { name: 'word/document.xml', data: Buffer.from(documentHead + body + documentTail) },
  ]);
}

/**
 * A one-page PDF whose content stream (FlateDecode) inflates to about `inflatedBytes` of text-showing operators: at
 * 300 MB the file is about 1 MB, and pdf.js reading its text runs for minutes through gigabytes.
 */
export function pdfContentBomb(inflatedBytes: number): Buffer {
  const content = deflateSync(repeated('', 'BT /F1 12 Tf 72 720 Td (Review Desk hostile fixture) Tj ET\n', inflatedBytes, ''), {
    level: 9,
  });
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}
