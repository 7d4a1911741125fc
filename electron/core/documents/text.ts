// Owns reading a document's text for the pre-check and search: per-page lines and recognised headings from PDF, DOCX and XLSX, and through readers/ from DOC/WPS, XLS/ET and OFD.
//
// A DOCX has no pages until Word lays it out: its pages are where the file records a break (Word's last layout, typed
// page and section breaks; docxParagraphs.ts), else it is one page. An XLSX sheet is one page.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import type { Sheet } from '../../../shared/domain';
import type { DocumentText } from '../../../shared/precheck';
import { xlsxToSheets } from './convert';
import { docxLines } from './docxParagraphs';
import { recogniseHeadings, type CuedLine, type Heading } from './headingLines';
import { checkOoxmlParts, OoxmlTooLarge } from './ooxmlLimits';
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

// ---- PDF (pdf.js) ----

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjs: Promise<PdfJs> | undefined;
/** The legacy build runs on Node 20; it is ESM, so this CJS-compiled module loads it with a dynamic import. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Outline entries beyond this are ignored: a hostile outline can be made arbitrarily large. */
const MAX_OUTLINE = 2000;
/** Pages requested ahead of the one being read: pdf.js answers through a message port, so this overlaps the waits (~10 %). */
const PAGES_IN_FLIGHT = 4;
/** A line this much larger than the body text is set apart like a heading (pdfkit: 13 pt over 11.5 pt). */
const HEADING_SCALE = 1.1;

interface PdfLine {
  text: string;
  page: number;
  /** The largest font size on the line, in PDF units. */
  size: number;
  /** The font (pdf.js's name for the PDF font object) most of the line's characters are set in. */
  font: string;
}

async function pdfText(file: string, documentId: string, onProgress: OnProgress): Promise<DocumentText> {
  const lib = await loadPdfJs();
  const assets = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const task = lib.getDocument({
    data: new Uint8Array(await fs.readFile(file)),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: lib.VerbosityLevel.ERRORS,
    // Chinese PDFs often use non-embedded Adobe-GB1 fonts, whose text maps to Unicode only through the packed CMaps.
    cMapUrl: path.join(assets, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(assets, 'standard_fonts') + path.sep,
  });
  try {
    const doc = await task.promise;
    const read = async (n: number) => {
      const page = await doc.getPage(n);
      try {
        return itemLines((await page.getTextContent()).items, n);
      } finally {
        page.cleanup();
      }
    };
    const pages: DocumentText['pages'] = [];
    const lines: PdfLine[] = [];
    const ahead = new Map<number, Promise<PdfLine[]>>();
    for (let n = 1; n <= doc.numPages; n++) {
      for (let k = n; k < n + PAGES_IN_FLIGHT && k <= doc.numPages; k++) {
        if (ahead.has(k)) continue;
        const reading = read(k);
        reading.catch(() => undefined); // awaited in turn below; a failure must not surface earlier as unhandled
        ahead.set(k, reading);
      }
      const pageLines = await ahead.get(n)!;
      ahead.delete(n);
      lines.push(...pageLines);
      pages.push({ page: n, text: pageLines.map((l) => l.text).join('\n') });
      onProgress({ done: n, total: doc.numPages });
    }
    const body = commonest(lines, (l) => Math.round(l.size * 2) / 2) ?? 0;
    const bodyFont = commonest(lines, (l) => l.font);
    // Set apart: larger than the body, or in another font — a bold face or 黑体 over 仿宋 at the same size, as WPS and
    // Word export headings typed by hand (a bold face is its own font object in a PDF).
    const fromText = recogniseHeadings(
      lines.map((l): CuedLine => ({ text: l.text, page: l.page, emphasised: l.size >= body * HEADING_SCALE || l.font !== bodyFont })),
      true,
    );
    return { documentId, pages, headings: mergeHeadings(await outlineHeadings(doc), fromText) };
  } catch (err) {
    throw new Error(pdfFailure(err), { cause: err });
  } finally {
    await task.destroy();
  }
}

const cjkChar = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const cjk = new RegExp(cjkChar, 'u');
/** `建 设 方 案`: pdf.js writes letter-spacing into the string as single spaces between every character. */
const letterSpaced = new RegExp(`^(?:${cjkChar} )+${cjkChar}$`, 'u');

/**
 * Builds lines from pdf.js text items in content order: a line ends where pdf.js marks an end of line or the baseline
 * moves by more than half a font size. pdf.js inserts whitespace items for visible gaps; between two CJK characters a
 * gap narrower than one em is justification or letter-spacing (目    录), not a word break, so it is dropped, as are the
 * spaces pdf.js writes into a letter-spaced CJK string.
 */
export function itemLines(items: (TextItem | TextMarkedContent)[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let text = '';
  let size = 0;
  let fonts = new Map<string, number>();
  let baseline: number | undefined;
  let gap: { width: number } | undefined;
  const flush = () => {
    const t = text.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) lines.push({ text: t, page, size, font: [...fonts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '' });
    text = '';
    size = 0;
    fonts = new Map();
    baseline = undefined;
    gap = undefined;
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    const itemSize = Math.hypot(item.transform[2], item.transform[3]);
    if (item.str.trim() === '') {
      if (text) gap = { width: item.width };
    } else {
      const y = item.transform[5];
      if (baseline !== undefined && Math.abs(y - baseline) > 0.5 * Math.max(size, itemSize)) flush();
      if (gap && !(cjk.test(text.at(-1) ?? '') && cjk.test(item.str[0]!) && gap.width < itemSize)) text += ' ';
      gap = undefined;
      text += letterSpaced.test(item.str) ? item.str.replace(/ /g, '') : item.str;
      size = Math.max(size, itemSize);
      fonts.set(item.fontName, (fonts.get(item.fontName) ?? 0) + item.str.replace(/\s/g, '').length);
      baseline ??= y;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** The value of `key` (a font size to half a point, a font) most characters are set in: the body text's. */
function commonest<K>(lines: PdfLine[], key: (l: PdfLine) => K): K | undefined {
  const chars = new Map<K, number>();
  for (const l of lines) chars.set(key(l), (chars.get(key(l)) ?? 0) + l.text.length);
  let best: K | undefined;
  let most = -1;
  for (const [k, n] of chars) if (n > most) [best, most] = [k, n];
  return best;
}

async function outlineHeadings(doc: PdfDocument): Promise<Heading[]> {
  const headings: Heading[] = [];
  const walk = async (items: Awaited<ReturnType<PdfDocument['getOutline']>>, level: number) => {
    for (const item of items) {
      if (headings.length >= MAX_OUTLINE) return;
      const text = item.title.replace(/\s+/g, ' ').trim();
      if (text) headings.push({ text, page: await destinationPage(doc, item.dest), level });
      await walk(item.items ?? [], level + 1);
    }
  };
  await walk((await doc.getOutline()) ?? [], 1);
  return headings;
}

/** A bookmark's page: named or explicit destination → page reference (or index) → 1-based page. */
async function destinationPage(doc: PdfDocument, dest: string | unknown[] | null): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target: unknown = explicit?.[0];
    if (Number.isInteger(target)) return (target as number) + 1;
    if (target && typeof target === 'object') return (await doc.getPageIndex(target as Parameters<PdfDocument['getPageIndex']>[0])) + 1;
  } catch {
    // A broken destination leaves the heading without a page; the text-line headings still carry one.
  }
  return undefined;
}

const compact = (s: string) => s.replace(/\s/g, '');

/** Bookmarks first, then heading lines the bookmarks do not already name, ordered by page. */
function mergeHeadings(outline: Heading[], fromText: Heading[]): Heading[] {
  const known = new Set(outline.map((h) => `${h.page}|${compact(h.text)}`));
  const merged = [...outline, ...fromText.filter((h) => !known.has(`${h.page}|${compact(h.text)}`))];
  return merged.sort((a, b) => (a.page ?? Infinity) - (b.page ?? Infinity));
}

function pdfFailure(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return 'PDF 文件已加密，需要密码才能读取文字。';
  if (name === 'InvalidPDFException') return '不是有效的 PDF 文件（文件可能已损坏）。';
  return `无法读取 PDF 文字：${err instanceof Error ? err.message : String(err)}`;
}

// ---- DOCX (document.xml, see docxParagraphs.ts) ----

async function docxText(file: string, documentId: string, onProgress: OnProgress): Promise<DocumentText> {
  let lines: CuedLine[];
  try {
    await checkOoxmlParts(file);
    lines = await docxLines(file);
  } catch (err) {
    if (err instanceof OoxmlTooLarge) throw new Error(`无法读取 DOCX 文件：${err.message}。`, { cause: err });
    throw new Error(`不是有效的 DOCX 文件（文件可能已损坏）：${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  onProgress({ done: 1, total: 1 });
  const pageCount = lines.reduce((n, l) => Math.max(n, l.page), 1);
  const pages = Array.from({ length: pageCount }, (_, i) => ({ page: i + 1, lines: [] as string[] }));
  for (const l of lines) pages[l.page - 1]!.lines.push(l.text);
  return {
    documentId,
    pages: pages.map((p) => ({ page: p.page, text: p.lines.join('\n') })),
    headings: recogniseHeadings(lines, false),
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
