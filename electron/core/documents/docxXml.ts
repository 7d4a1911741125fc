// Owns reading an untrusted DOCX's XML parts: chosen parts out of the ZIP, streamed through saxes as tags with their ancestors.
//
// saxes never expands entities, and a DTD is refused outright, so nothing can expand (billion laughs); nesting is bounded.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { OOXML_LIMITS } from './ooxmlLimits';

/** Nesting deeper than this is not a Word document but an attempt to exhaust the stack. */
const MAX_DEPTH = 256;

export class DocxStructureError extends Error {}

/** The named parts' text (sizes already bounded by checkOoxmlParts, and checked again here). */
export async function readParts(file: string, names: readonly string[]): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const parts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => {
      zip.close();
      reject(err);
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!names.includes(entry.fileName)) return zip.readEntry();
      if (entry.uncompressedSize > OOXML_LIMITS.partBytes) return fail(new DocxStructureError(`${entry.fileName} 过大`));
      zip.openReadStream(entry, (err, stream) => {
        if (err) return fail(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', fail);
        stream.on('end', () => {
          parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return parts;
}

/** Streams one XML part; `visit` sees each tag with its ancestors' names. Throws on malformed XML or a DTD. */
export function walk(
  xml: string,
  visit: {
    open?(tag: SaxesTagPlain, path: string[]): void;
    close?(name: string, path: string[]): void;
    text?(t: string, path: string[]): void;
  },
): void {
  const parser = new SaxesParser();
  const path: string[] = [];
  let failure: string | undefined;
  parser.on('error', (err) => {
    failure ??= err.message;
  });
  parser.on('doctype', () => {
    failure ??= '含有 DTD 声明（Word 文档不会有，可能是恶意构造的文件）';
  });
  parser.on('opentag', (tag) => {
    if (path.length >= MAX_DEPTH) failure ??= `元素嵌套超过 ${MAX_DEPTH} 层`;
    visit.open?.(tag, path);
    path.push(tag.name);
  });
  parser.on('closetag', (tag) => {
    path.pop();
    visit.close?.(tag.name, path);
  });
  parser.on('text', (t) => visit.text?.(t, path));
  try {
    parser.write(xml).close();
  } catch (err) {
    failure ??= err instanceof Error ? err.message : String(err);
  }
  if (failure) throw new DocxStructureError(failure);
}

export const val = (tag: SaxesTagPlain): string | undefined => tag.attributes['w:val'];
/** `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val="0"` / `"false"` / `"off"` are off. */
export const isOn = (tag: SaxesTagPlain): boolean => !['0', 'false', 'off'].includes(val(tag) ?? '');
/** The face a w:rFonts names for Chinese text (else for Latin); a theme face by its theme slot, which is enough to compare. */
export const fontOf = (tag: SaxesTagPlain): string | undefined => {
  const a = tag.attributes;
  const theme = a['w:eastAsiaTheme'] ?? a['w:asciiTheme'];
  return a['w:eastAsia'] ?? (theme !== undefined ? `theme:${theme}` : (a['w:ascii'] ?? a['w:hAnsi']));
};
