// Owns turning the docx package's output into the final file: fixed core properties, our font table, paragraph styles
// off the line grid, reproducible ZIP.
//
// The docx package stamps docProps/core.xml with the current time and zips with the current time as every entry's
// date, so two renders of one model differ. Here the parts are taken from its compiler unzipped, the core properties
// are rewritten from the model's createdAt, the empty font table is replaced by fonts.ts's entries (altName
// fallbacks), and the parts are zipped once with yazl.
import { escapeXml, fontTableXml } from './fonts';
import { Packer, type Document } from 'docx';
import { writeDocxParts } from './zip';

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

/**
 * styles.xml with `<w:snapToGrid w:val="0"/>` in the paragraph properties of the given styles (docx writes it only
 * for runs): their lines keep their exact spacing instead of taking whole lines of the document grid (LibreOffice
 * gives a 2号 title line two grid lines otherwise). Placed before w:spacing, in the schema's order.
 */
export function stylesOffLineGrid(xml: string, styleIds: readonly string[]): string {
  let out = xml;
  for (const id of styleIds) {
    out = out.replace(
      new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>(?:(?!</w:style>).)*?<w:pPr>(?:(?!</w:pPr>).)*?)(<w:spacing )`, 's'),
      '$1<w:snapToGrid w:val="0"/>$2',
    );
  }
  return out;
}

/**
 * styles.xml with Normal, which every style is based on, as the PDF sets text: widow control off (w:widowControl 0 —
 * absent, LibreOffice applies its own two-line widow and orphan control, and pages end elsewhere than the PDF's; the
 * keep rules switch it on where the PDF keeps lines together), and no automatic space between Chinese and Latin text or
 * digits (w:autoSpaceDE, w:autoSpaceDN: "2027年3月18日" takes the width the PDF gives it in Word and WPS; LibreOffice
 * 7.4 ignores both). Placed in the schema's order (widowControl first, the two before w:snapToGrid / w:spacing).
 */
export function normalWithoutAutoSpace(xml: string): string {
  return xml.replace(
    /(<w:style [^>]*w:styleId="Normal"[^>]*>(?:(?!<\/w:style>).)*?<w:pPr>)((?:(?!<\/w:pPr>).)*?)(<w:snapToGrid |<w:spacing )/s,
    '$1<w:widowControl w:val="0"/>$2<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>$3',
  );
}

/** The docx package's compiler, which its Packer zips with the clock's time: we zip its parts once, reproducibly. */
interface DocxCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * The parts of `document` as the docx package writes them, unzipped. Packer.toBuffer would deflate them all (dated now)
 * only for us to inflate them again; its compiler (a static member the package does not declare in its types) gives
 * them directly. A docx upgrade that moves it fails every DOCX test loudly, not silently.
 */
function compileParts(document: Document): Map<string, Buffer> {
  const { compiler } = Packer as unknown as { compiler?: DocxCompiler };
  if (!compiler) throw new Error('docx 程序包的 Packer.compiler 不存在：升级 docx 后请改写 docx/finish.ts。');
  const parts = new Map<string, Buffer>();
  for (const [name, data] of compiler.compile(document))
    parts.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return parts;
}

export function finishDocx(
  document: Document,
  meta: { title: string; author: string; createdAt: string },
  offGridStyles: readonly string[] = [],
): Promise<Buffer> {
  const parts = compileParts(document);
  parts.set('docProps/core.xml', Buffer.from(corePropertiesXml(meta), 'utf8'));
  parts.set('word/fontTable.xml', Buffer.from(fontTableXml(), 'utf8'));
  const styles = parts.get('word/styles.xml');
  if (styles)
    parts.set('word/styles.xml', Buffer.from(normalWithoutAutoSpace(stylesOffLineGrid(styles.toString('utf8'), offGridStyles)), 'utf8'));
  return writeDocxParts(parts);
}
