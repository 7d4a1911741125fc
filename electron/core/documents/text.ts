// Owns reading a document's text for the pre-check and search: per-page lines and recognised headings from PDF, DOCX and XLSX, and through readers/ from DOC/WPS, XLS/ET and OFD.
//
// A DOCX has no pages until Word lays it out: its pages are where the file records a break (Word's last layout, typed
// page and section breaks; docxParagraphs.ts), else it is one page. An XLSX sheet is one page.
import { promises as fs } from 'node:fs';
import type { Sheet } from '../../../shared/domain';
import type { DocumentText } from '../../../shared/precheck';
import { xlsxToSheets } from './convert';
import { docxLines, type DocxText } from './docxParagraphs';
import { recogniseHeadings } from './headingLines';
import { checkOoxmlParts, OoxmlTooLarge } from './ooxmlLimits';
import { isPdfiumAbort, PdfiumError, withPdfium, type PdfiumDocument, type PdfiumTextPage } from './pdfium';
import { pdfJsFailure, pdfJsReading } from './pdfjsText';
import { mainFont, MAX_OUTLINE, pdfHeadings, type PdfLine, type PdfReading } from './pdfLines';
import { readLegacyWorkbookFile, workbookSheets } from './readers/legacySheet';
import { ofdText, readOfd } from './readers/ofd';
import { readWordFile, wordText } from './readers/word';

/** Every kind of document whose text the app reads (the viewer kinds of shared/domain.ts that have text). */
export const textKinds = ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'ofd'] as const;
export type TextKind = (typeof textKinds)[number];
export const isTextKind = (kind: string): kind is TextKind => (textKinds as readonly string[]).includes(kind);

/** Pages (sheets) read so far, of how many. */
export interface TextProgress {
  done: number;
  total: number;
}

type OnProgress = (p: TextProgress) => void;

export async function extractText(
  file: string,
  kind: TextKind,
  documentId: string,
  onProgress: OnProgress = () => undefined,
): Promise<DocumentText> {
  switch (kind) {
    case 'pdf':
      return pdfText(file, documentId, onProgress);
    case 'docx':
      return docxText(file, documentId, onProgress);
    case 'xlsx':
      return xlsxText(file, documentId, onProgress);
    case 'doc': {
      // A .doc or .wps that is really a DOCX under an old name is read as one.
      const word = await readWordFile(file);
      return word.format === 'docx' ? docxText(file, documentId, onProgress) : wordText(documentId, word.paragraphs);
    }
    case 'xls':
      return sheetsText(documentId, workbookSheets(await readLegacyWorkbookFile(file)), onProgress);
    case 'ofd':
      return ofdText(documentId, await readOfd(file, false));
  }
}

// ---- PDF (PDFium, see pdfium.ts; pdf.js where PDFium cannot map a file's fonts, see pdfjsText.ts) ----

/** More characters than this share without a Unicode mapping in PDFium, and the file is read with pdf.js instead. */
const UNMAPPED_SHARE = 0.01;
/** …counted once this many are unmapped, so one odd symbol on a cover page does not decide. */
const UNMAPPED_MIN = 20;

async function pdfText(file: string, documentId: string, onProgress: OnProgress): Promise<DocumentText> {
  const bytes = await fs.readFile(file);
  const onPage = (done: number, total: number) => onProgress({ done, total });
  let reading: PdfReading | undefined;
  try {
    reading = await withPdfium(bytes, (doc) => pdfiumReading(doc, onPage));
  } catch (err) {
    throw new Error(pdfFailure(err), { cause: err });
  }
  if (!reading) {
    try {
      reading = await pdfJsReading(new Uint8Array(bytes), onPage);
    } catch (err) {
      throw new Error(pdfJsFailure(err), { cause: err });
    }
  }
  return {
    documentId,
    pages: reading.pages.map((lines, i) => ({ page: i + 1, text: lines.map((l) => l.text).join('\n') })),
    headings: pdfHeadings(reading),
  };
}

/** Every page's lines and the bookmarks, or undefined as soon as too many characters have no Unicode mapping. */
function pdfiumReading(doc: PdfiumDocument, onPage: (done: number, total: number) => void): PdfReading | undefined {
  const pages: PdfLine[][] = [];
  let chars = 0;
  let unmapped = 0;
  for (let n = 1; n <= doc.pageCount; n++) {
    pages.push(
      doc.withPage(n, (page) => {
        chars += page.count;
        for (let i = 0; i < page.count; i++) if (page.unmapped(i)) unmapped++;
        return textLines(page, n);
      }),
    );
    if (unmapped >= UNMAPPED_MIN && unmapped > chars * UNMAPPED_SHARE) return undefined;
    onPage(n, doc.pageCount);
  }
  const outline = doc
    .bookmarks(MAX_OUTLINE)
    .map((b) => ({ text: b.title.replace(/\s+/g, ' ').trim(), page: b.page, level: b.level }))
    .filter((h) => h.text);
  return { pages, outline };
}

const cjk = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** `建 设 方 案`: a title letter-spaced with typed spaces (a line whose spaces PDFium inserted for wide gaps is not). */
const letterSpaced = /^(?:[\p{Script=Han}\u3000-\u303f\uff00-\uffef] )+[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
/** Spaces between words; the ideographic space 　 is text ("4　标题"). */
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u00a0';

/**
 * Builds a page's lines from PDFium's characters: a line ends at a line break (PDFium's, from the layout, or the
 * file's) or where the next character leaves the line's baseline (see `continuesLine`). PDFium inserts a space where
 * glyphs stand apart; between two CJK characters a gap narrower than one em is justification or letter-spacing
 * (目    录), not a word break, so that space is dropped, as are typed spaces in a letter-spaced CJK line.
 */
export function textLines(page: PdfiumTextPage, pageNumber: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let text = '';
  let size = 0;
  let fonts = new Map<string, number>();
  let last = -1;
  let space: number | undefined;
  /** Whether a space PDFium inserted for a gap was kept: then the line is not letter-spaced by typing. */
  let gapKept = false;
  /** The text object and size of the line's last character, and the direction the line runs in (radians). */
  let lastRun = 0;
  let lastSize = 0;
  let direction = 0;
  const flush = () => {
    const t = text.trim();
    const typed = letterSpaced.test(t) && !gapKept ? t.replace(/ /g, '') : t;
    if (t) lines.push({ text: typed, page: pageNumber, size, font: mainFont(fonts) });
    text = '';
    size = 0;
    fonts = new Map();
    last = -1;
    space = undefined;
    gapKept = false;
    direction = 0;
  };
  for (let i = 0; i < page.count; i++) {
    const c = page.char(i);
    if (c === '\r' || c === '\n') {
      flush();
      continue;
    }
    if (isSpace(c)) {
      if (text) space ??= i;
      continue;
    }
    const charSize = page.fontSize(i);
    const run = page.run(i);
    // Positions are asked for only where they can change the answer: a new text object, or a space before i.
    if (last >= 0 && (run !== lastRun || space !== undefined)) {
      const [lastX, lastY] = [page.originX(last), page.originY(last)];
      const [dx, dy] = [page.originX(i) - lastX, page.originY(i) - lastY];
      if (run !== lastRun) {
        const along = continuesLine(page, last, i, dx, dy, Math.max(charSize, lastSize), direction);
        if (along === undefined) flush();
        else direction = along;
      }
      if (space !== undefined) {
        const inserted = page.generated(space);
        const advance = Math.cos(direction) * dx + Math.sin(direction) * dy;
        const justification = inserted && cjk.test(text.at(-1)!) && cjk.test(c) && advance - lastSize < charSize;
        if (!justification) text += ' ';
        gapKept ||= inserted && !justification;
        space = undefined;
      }
    }
    text += c;
    size = Math.max(size, charSize);
    const font = page.fontName(i);
    fonts.set(font, (fonts.get(font) ?? 0) + 1);
    last = i;
    lastRun = run;
    lastSize = charSize;
  }
  flush();
  return lines;
}

/**
 * The direction (radians) of the line character i continues after character `last`, `dx`, `dy` points on; undefined
 * where i starts a new line: it stands more than half an em (the larger size) off the line's baseline, or runs at
 * another angle. PDFium breaks upright lines itself, but runs the lines of a landscape page (text drawn turned a
 * quarter) and of text turned by its matrix together. Upright text on its baseline is decided without asking for angles.
 */
function continuesLine(
  page: PdfiumTextPage,
  last: number,
  i: number,
  dx: number,
  dy: number,
  em: number,
  direction: number,
): number | undefined {
  if (direction === 0 && Math.abs(dy) <= em / 2) return 0;
  const angle = page.angle(i);
  if (Math.cos(angle - page.angle(last)) < 0.99) return undefined;
  return Math.abs(Math.cos(angle) * dy - Math.sin(angle) * dx) <= em / 2 ? angle : undefined;
}

function pdfFailure(err: unknown): string {
  if (err instanceof PdfiumError) return err.message;
  if (isPdfiumAbort(err)) return '无法读取 PDF 文字：文件结构异常，读取中止（文件可能已损坏）。';
  return `无法读取 PDF 文字：${err instanceof Error ? err.message : String(err)}`;
}

// ---- DOCX (document.xml, see docxParagraphs.ts) ----

async function docxText(file: string, documentId: string, onProgress: OnProgress): Promise<DocumentText> {
  let read: DocxText;
  try {
    await checkOoxmlParts(file);
    read = await docxLines(file);
  } catch (err) {
    if (err instanceof OoxmlTooLarge) throw new Error(`无法读取 DOCX 文件：${err.message}。`, { cause: err });
    throw new Error(`不是有效的 DOCX 文件（文件可能已损坏）：${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  onProgress({ done: 1, total: 1 });
  // A page's footnotes follow its body text; notes are searchable but never headings.
  const lines = [...read.body, ...read.notes];
  const pageCount = lines.reduce((n, l) => Math.max(n, l.page), 1);
  const pages = Array.from({ length: pageCount }, (_, i) => ({ page: i + 1, lines: [] as string[] }));
  for (const l of lines) pages[l.page - 1]!.lines.push(l.text);
  return {
    documentId,
    pages: pages.map((p) => ({ page: p.page, text: p.lines.join('\n') })),
    headings: recogniseHeadings(read.body, false),
  };
}

// ---- XLSX (exceljs, through the viewer's conversion) ----

async function xlsxText(file: string, documentId: string, onProgress: OnProgress): Promise<DocumentText> {
  let rendered: Awaited<ReturnType<typeof xlsxToSheets>>;
  try {
    await checkOoxmlParts(file);
    rendered = await xlsxToSheets(file);
  } catch (err) {
    if (err instanceof OoxmlTooLarge) throw new Error(`无法读取 XLSX 文件：${err.message}。`, { cause: err });
    throw new Error(`不是有效的 XLSX 文件（文件可能已损坏）：${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return sheetsText(documentId, rendered.kind === 'sheets' ? rendered.sheets : [], onProgress);
}

/** A workbook's text: one page per sheet, one tab-separated line per row, each sheet's name its heading. */
function sheetsText(documentId: string, sheets: Sheet[], onProgress: OnProgress): DocumentText {
  const pages = sheets.map((sheet, i) => {
    onProgress({ done: i + 1, total: sheets.length });
    const rows = sheet.rows.map((r) => r.join('\t').replace(/\t+$/, '')).filter((r) => r.trim());
    return { page: i + 1, text: rows.join('\n') };
  });
  return { documentId, pages, headings: sheets.map((s, i) => ({ text: s.name, page: i + 1, level: 1 })) };
}
