// Owns the bureau's own .docx templates (自定义模板): listing their {{placeholders}} and filling them with patchDocument.
//
// Every part is checked before docx's patcher sees it, so a hostile file fails with a Chinese message naming the file
// and the part, never half-way: the file size, the ZIP (yauzl, with entry and inflated-size limits), word/document.xml
// present, each XML part well formed without a DTD (xml.ts), and every "{{" closed. The patcher itself finds a
// placeholder that Word split over several runs (it reads a paragraph's runs as one text), replaces it in the first
// run's formatting and empties the rest; its output is re-zipped so the same inputs give the same bytes.
import { patchDocument, PatchType, TextRun, type IPatch } from 'docx';
import { AppError } from '../../kernel/errors';
import { paragraphTexts, parseXmlPart, XmlPartError } from './xml';
import { docxLimits, DocxZipError, readDocxParts, writeDocxParts } from './zip';

/** Parts whose text may hold placeholders: the body, headers and footers. */
const textPart = /^word\/(document|header\d*|footer\d*)\.xml$/;
const partLabel = (name: string) => (name.includes('header') ? '页眉' : name.includes('footer') ? '页脚' : '正文');

const fail = (fileName: string, problem: string) => new AppError('invalid-input', `模板文件“${fileName}”${problem}`);

/** The placeholder names in one paragraph's text; throws on a "{{" that is not closed before the next "{{" or the end. */
function placeholdersIn(text: string, onUnclosed: (excerpt: string) => never): string[] {
  const names: string[] = [];
  for (let start = text.indexOf('{{'); start !== -1;) {
    const end = text.indexOf('}}', start + 2);
    const next = text.indexOf('{{', start + 2);
    if (end === -1 || (next !== -1 && next < end)) onUnclosed(text.slice(Math.max(0, start - 10), start + 20));
    const name = text.slice(start + 2, end).trim();
    if (name) names.push(name);
    start = text.indexOf('{{', end + 2);
  }
  return names;
}

const utf16Bom = (b: Buffer) => b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/** Reads and checks a template; returns its parts and its placeholders in order of first appearance. */
async function inspect(bytes: Uint8Array, fileName: string): Promise<{ parts: Map<string, Buffer>; placeholders: string[] }> {
  if (bytes.byteLength > docxLimits.maxFileBytes) {
    throw fail(
      fileName,
      `太大（${(bytes.byteLength / 2 ** 20).toFixed(1)} MB，上限 ${docxLimits.maxFileBytes / 2 ** 20} MB）。请删去其中的大图片后再导入。`,
    );
  }
  let parts: Map<string, Buffer>;
  try {
    parts = await readDocxParts(bytes);
  } catch (err) {
    if (err instanceof DocxZipError) throw fail(fileName, `${err.message}。请在 Word 或 WPS 中打开后另存为 .docx 再导入。`);
    throw err;
  }
  if (!parts.has('word/document.xml')) {
    throw fail(fileName, '缺少 word/document.xml，不是 Word 文档（.doc 旧格式、Excel 或其他压缩包都不行）。请另存为 .docx 再导入。');
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const placeholders = new Set<string>();
  for (const [name, data] of parts) {
    // docx's patcher parses every .xml and .rels part except UTF-16 ones, so each of those must be well formed.
    if (!/\.(xml|rels)$/.test(name) || utf16Bom(data)) continue;
    let root;
    try {
      root = parseXmlPart(decoder.decode(data));
    } catch (err) {
      const detail = err instanceof XmlPartError ? err.message : '不是有效的 UTF-8 文本';
      throw fail(fileName, `中的“${name}”不是合法的 XML（${detail}）。请在 Word 中打开后另存为 .docx 再导入。`);
    }
    if (!textPart.test(name)) continue;
    for (const text of paragraphTexts(root)) {
      const unclosed = (excerpt: string): never => {
        throw fail(fileName, `的${partLabel(name)}有未闭合的占位符：“${excerpt}”。请补上“}}”，或删去多余的“{{”。`);
      };
      for (const p of placeholdersIn(text, unclosed)) placeholders.add(p);
    }
  }
  return { parts, placeholders: [...placeholders] };
}

/** The placeholders of a template, in the body, headers and footers, even when Word split one over several runs. */
export async function listDocxPlaceholders(bytes: Uint8Array, fileName = '模板.docx'): Promise<{ placeholders: string[] }> {
  const { placeholders } = await inspect(bytes, fileName);
  return { placeholders };
}

/** A value as runs: each line after the first starts with a line break (w:br). */
function valuePatch(value: string): IPatch {
  const lines = value.split(/\r?\n/);
  return { type: PatchType.PARAGRAPH, children: lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })) };
}

/**
 * Fills a template's known placeholders that have values, each in its first run's formatting. `unknown` lists the
 * placeholders in the file not in `known`; `missing` the known ones in the file without a value. Both stay in the
 * document as typed ("{{…}}"), so a letter cannot silently go out with a blank; the caller decides whether to save.
 */
export async function fillDocxTemplate(
  bytes: Uint8Array,
  values: Record<string, string>,
  known: readonly string[],
  fileName = '模板.docx',
): Promise<{ bytes: Buffer; unknown: string[]; missing: string[] }> {
  const { placeholders } = await inspect(bytes, fileName);
  const knownSet = new Set(known);
  const unknown = placeholders.filter((p) => !knownSet.has(p));
  const missing = placeholders.filter((p) => knownSet.has(p) && values[p] === undefined);
  const patches: Record<string, IPatch> = {};
  for (const p of placeholders) if (knownSet.has(p) && values[p] !== undefined) patches[p] = valuePatch(values[p]);
  let patched: Buffer;
  try {
    patched = await patchDocument({ outputType: 'nodebuffer', data: bytes, patches, keepOriginalStyles: true, trimPlaceholders: true });
  } catch (err) {
    throw fail(fileName, `无法填充（${(err as Error).message}）。请在 Word 中打开后另存为 .docx 再试。`);
  }
  return { bytes: await writeDocxParts(await readDocxParts(patched)), unknown, missing };
}
