// Owns turning the docx package's output into the final file: fixed core properties, our font table, reproducible ZIP.
//
// The docx package stamps docProps/core.xml with the current time and zips with the current time as every entry's
// date, so two renders of one model differ. Here the core properties are rewritten from the model's createdAt, the
// empty font table is replaced by fonts.ts's entries (altName fallbacks), and the parts are re-zipped with yazl.
import { escapeXml, fontTableXml } from './fonts';
import { readDocxParts, writeDocxParts } from './zip';

/** docProps/core.xml with the document's own time as created and modified, so the same model gives the same bytes. */
export function corePropertiesXml(meta: { title: string; author: string; createdAt: string }): string {
  const at = new Date(meta.createdAt);
  if (Number.isNaN(at.getTime())) throw new Error(`文档元数据 createdAt 不是有效的 ISO 8601 时间：“${meta.createdAt}”`);
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title><dc:creator>${escapeXml(meta.author)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(meta.author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export async function finishDocx(packed: Uint8Array, meta: { title: string; author: string; createdAt: string }): Promise<Buffer> {
  const parts = await readDocxParts(packed);
  parts.set('docProps/core.xml', Buffer.from(corePropertiesXml(meta), 'utf8'));
  parts.set('word/fontTable.xml', Buffer.from(fontTableXml(), 'utf8'));
  return writeDocxParts(parts);
}
