// Owns reading an OFD document (GB/T 33190, 版式文档): its pages' positioned text and images, and its text per page for the pre-check and search.
//
// An OFD is a ZIP: OFD.xml names the document (DocRoot), Document.xml lists the pages and resource files, each page's
// Content.xml holds TextObject/TextCode and ImageObject in millimetres. No OFD library exists on npm that is kept and
// free of native code, and the subset a reader needs is small, so this is read here over yauzl and saxes
// (ofdPackage.ts). Paths, vector graphics, fonts, annotations and signatures are not drawn; images are passed on only as
// PNG, JPEG, GIF or BMP data URLs, which the viewer's CSP allows (no remote content).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocumentText } from '../../../../shared/precheck';
import type { OfdPage } from '../../../../shared/domain';
import { recogniseHeadings, type CuedLine } from '../headingLines';
import { checkFileSize, READER_LIMITS, ReaderError } from './limits';
import { findAll, findElement, OfdPackage, resolveOfdPath, type OfdElement } from './ofdPackage';

export interface OfdDocument {
  pages: OfdPage[];
  /** Images in a format the viewer cannot show (JBIG2, TIFF …) or past the size limit, left out. */
  skippedImages: number;
}

/** A4 portrait, when a file declares no page box. */
const A4 = { width: 210, height: 297 };
const objectKinds = new Set(['TextObject', 'ImageObject']);

const numbers = (s: string | undefined): number[] =>
  (s ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n));

function box(element: OfdElement | undefined): { x: number; y: number; width: number; height: number } | null {
  const [x, y, width, height] = numbers(element?.text ?? '');
  return width !== undefined && height !== undefined && width > 0 && height > 0 ? { x: x!, y: y!, width, height } : null;
}

function boundary(element: OfdElement): { x: number; y: number; width: number; height: number } {
  const [x = 0, y = 0, width = 0, height = 0] = numbers(element.attrs.Boundary);
  return { x, y, width, height };
}

const imageMime = (b: Buffer): string | null => {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && b.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'image/bmp';
  return null;
};

/** The PhysicalBox inside `container`'s child `area` (PageArea in Document.xml, Area in a page), if it declares one. */
function physicalBox(container: OfdElement | undefined, area: string) {
  const found = container && findElement(container, area);
  return box(found && findElement(found, 'PhysicalBox'));
}

/** Image resources by ID: MultiMedia → MediaFile, relative to its resource file's BaseLoc. */
async function mediaFiles(pkg: OfdPackage, common: OfdElement | undefined, docDir: string): Promise<Map<string, string>> {
  const media = new Map<string, string>();
  for (const res of (common?.children ?? []).filter((c) => c.name === 'PublicRes' || c.name === 'DocumentRes')) {
    const resPath = resolveOfdPath(docDir, res.text.trim());
    if (!pkg.has(resPath)) continue;
    const resXml = await pkg.xml(resPath);
    const resDir = resolveOfdPath(path.posix.dirname(resPath), findElement(resXml, 'Res')?.attrs.BaseLoc ?? '');
    for (const m of findAll(resXml, new Set(['MultiMedia']))) {
      const mediaFile = findElement(m, 'MediaFile')?.text.trim();
      if (m.attrs.ID && mediaFile) media.set(m.attrs.ID, resolveOfdPath(resDir, mediaFile));
    }
  }
  return media;
}

/** Reads the pages; `withImages` false (text extraction) skips reading image bytes altogether. */
export async function readOfd(file: string, withImages: boolean): Promise<OfdDocument> {
  const name = path.basename(file);
  checkFileSize(name, (await fs.stat(file)).size);
  const pkg = await OfdPackage.open(file);
  try {
    if (!pkg.has('OFD.xml')) throw new ReaderError(name, '缺少 OFD.xml，不是 OFD 版式文件（可能已损坏或扩展名有误）。');
    const docRoot = findElement(await pkg.xml('OFD.xml'), 'DocRoot')?.text.trim();
    if (!docRoot) throw new ReaderError(name, 'OFD.xml 中没有 DocRoot（文档入口），文件不完整。');
    const docPath = resolveOfdPath('', docRoot);
    const docDir = path.posix.dirname(docPath);
    const doc = await pkg.xml(docPath);
    const common = findElement(doc, 'CommonData');
    const defaultBox = physicalBox(common, 'PageArea') ?? { x: 0, y: 0, ...A4 };
    const media = withImages ? await mediaFiles(pkg, common, docDir) : new Map<string, string>();
    const templatePaths = new Map<string, string>();
    for (const t of (common?.children ?? []).filter((c) => c.name === 'TemplatePage'))
      if (t.attrs.ID && t.attrs.BaseLoc) templatePaths.set(t.attrs.ID, resolveOfdPath(docDir, t.attrs.BaseLoc));
    // A template is parsed once however many pages use it (its inflated bytes count once against the limit).
    const templates = new Map<string, Promise<OfdElement>>();
    const template = (part: string) => templates.get(part) ?? templates.set(part, pkg.xml(part)).get(part)!;

    const pageRefs = (findElement(doc, 'Pages')?.children ?? []).filter((p) => p.name === 'Page' && p.attrs.BaseLoc);
    if (pageRefs.length > READER_LIMITS.ofdPages)
      throw new ReaderError(name, `页数过多（${pageRefs.length} 页，上限 ${READER_LIMITS.ofdPages} 页），已停止读取。`);
    const images = { budget: READER_LIMITS.ofdImageBytes, skipped: 0 };
    const pages: OfdPage[] = [];
    for (const ref of pageRefs) {
      const content = await pkg.xml(resolveOfdPath(docDir, ref.attrs.BaseLoc!));
      const pageBox = physicalBox(content, 'Area') ?? defaultBox;
      // A template (红头, page furniture) is drawn beneath the page's own content.
      const layers: OfdElement[] = [];
      for (const use of findAll(content, new Set(['Template']))) {
        const part = templatePaths.get(use.attrs.TemplateID ?? '');
        if (part && pkg.has(part)) layers.push(await template(part));
      }
      layers.push(content);
      const objects = layers.flatMap((l) => findAll(l, objectKinds));
      if (objects.length > READER_LIMITS.ofdObjectsPerPage)
        throw new ReaderError(
          name,
          `第 ${pages.length + 1} 页的对象过多（${objects.length} 个，上限 ${READER_LIMITS.ofdObjectsPerPage} 个），可能是恶意构造的文件，已停止读取。`,
        );
      const page: OfdPage = { width: pageBox.width, height: pageBox.height, texts: [], images: [] };
      for (const object of objects) {
        if (object.name === 'TextObject') page.texts.push(...textCodes(object));
        else if (withImages) await addImage(pkg, object, media, page, images);
      }
      pages.push(page);
    }
    return { pages, skippedImages: images.skipped };
  } finally {
    pkg.close();
  }
}

/** A TextObject's codes in page millimetres: the boundary's origin plus X/Y (the baseline), through the object's CTM when it has one. */
function textCodes(object: OfdElement): OfdPage['texts'] {
  const origin = boundary(object);
  // CTM [a b c d e f] maps the object's own coordinates: x' = a·x + c·y + e, y' = b·x + d·y + f.
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = object.attrs.CTM ? numbers(object.attrs.CTM) : [];
  const size = (Number(object.attrs.Size) || 3.5) * (Math.hypot(c, d) || 1);
  const out: OfdPage['texts'] = [];
  let x = 0;
  let y = 0;
  for (const code of object.children.filter((ch) => ch.name === 'TextCode')) {
    if (code.attrs.X !== undefined) x = Number(code.attrs.X) || 0;
    if (code.attrs.Y !== undefined) y = Number(code.attrs.Y) || 0;
    const text = code.text.replace(/\s+/g, ' ');
    if (!text.trim()) continue;
    out.push({ x: origin.x + a * x + c * y + e, y: origin.y + b * x + d * y + f, size, text });
  }
  return out;
}

async function addImage(
  pkg: OfdPackage,
  object: OfdElement,
  media: Map<string, string>,
  page: OfdPage,
  images: { budget: number; skipped: number },
): Promise<void> {
  const file = media.get(object.attrs.ResourceID ?? '');
  const b = boundary(object);
  if (!file || !pkg.has(file) || b.width <= 0 || b.height <= 0) return;
  try {
    const bytes = await pkg.read(file, images.budget);
    const mime = imageMime(bytes);
    if (!mime) {
      images.skipped++;
      return;
    }
    images.budget -= bytes.length;
    page.images.push({ ...b, src: `data:${mime};base64,${bytes.toString('base64')}` });
  } catch (err) {
    // An image past the size budget is left out; the page's text still shows.
    if (!(err instanceof ReaderError)) throw err;
    images.skipped++;
  }
}

/** One line per run of text codes on the same baseline, top to bottom, left to right. */
export function ofdLines(page: OfdPage): { text: string; size: number }[] {
  const codes = [...page.texts].sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: { y: number; size: number; codes: OfdPage['texts'] }[] = [];
  for (const code of codes) {
    const line = lines.at(-1);
    if (line && Math.abs(code.y - line.y) <= 0.5 * Math.max(line.size, code.size)) {
      line.codes.push(code);
      line.size = Math.max(line.size, code.size);
    } else lines.push({ y: code.y, size: code.size, codes: [code] });
  }
  return lines
    .map((line) => {
      line.codes.sort((p, q) => p.x - q.x);
      let text = '';
      let end = -Infinity;
      for (const code of line.codes) {
        // Characters laid out one by one sit next to each other; a gap wider than two characters is a word break.
        if (text && code.x - end > 2 * code.size) text += ' ';
        text += code.text;
        end = code.x + [...code.text].reduce((w, ch) => w + (ch.codePointAt(0)! < 0x100 ? 0.5 : 1) * code.size, 0);
      }
      return { text: text.trim(), size: line.size };
    })
    .filter((l) => l.text);
}

/** The pages' text as the pre-check reads it; a line set larger than the body text is a heading candidate, as in a PDF. */
export function ofdText(documentId: string, doc: OfdDocument): DocumentText {
  const lines = doc.pages.flatMap((p, i) => ofdLines(p).map((l) => ({ ...l, page: i + 1 })));
  const pages = doc.pages.map((_, i) => ({
    page: i + 1,
    text: lines
      .filter((l) => l.page === i + 1)
      .map((l) => l.text)
      .join('\n'),
  }));
  // The body size is the one most characters are set in (to 0.1 mm).
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size * 10), (chars.get(Math.round(l.size * 10)) ?? 0) + l.text.length);
  const body = [...chars].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 0;
  const cued = lines.map((l): CuedLine => ({ text: l.text, page: l.page, emphasised: Math.round(l.size * 10) >= body * 1.1 }));
  return { documentId, pages, headings: recogniseHeadings(cued, true) };
}
