// Owns reading a PDF's lines with pdf.js: the fallback for files whose fonts PDFium cannot map to Unicode (pdfkit before 0.18 wrote a ToUnicode map PDFium rejects; pdf.js reads it).
import path from 'node:path';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import type { Heading } from './headingLines';
import { mainFont, MAX_OUTLINE, type PdfLine, type PdfReading } from './pdfLines';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js for Node, loaded once per thread: the legacy build runs on Node 20; it is ESM, so this CJS-compiled module loads it with a dynamic import. */
export const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Pages requested ahead of the one being read: pdf.js answers through a message port, so this overlaps the waits (~10 %). */
const PAGES_IN_FLIGHT = 4;

/** Reads every page's lines and the bookmarks; pdf.js's own errors are thrown as they come (see pdfJsFailure). */
export async function pdfJsReading(bytes: Uint8Array, onPage: (done: number, total: number) => void): Promise<PdfReading> {
  const lib = await loadPdfJs();
  const assets = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const task = lib.getDocument({
    data: bytes,
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
    const pages: PdfLine[][] = [];
    const ahead = new Map<number, Promise<PdfLine[]>>();
    for (let n = 1; n <= doc.numPages; n++) {
      for (let k = n; k < n + PAGES_IN_FLIGHT && k <= doc.numPages; k++) {
        if (ahead.has(k)) continue;
        const reading = read(k);
        reading.catch(() => undefined); // awaited in turn below; a failure must not surface earlier as unhandled
        ahead.set(k, reading);
      }
      pages.push(await ahead.get(n)!);
      ahead.delete(n);
      onPage(n, doc.numPages);
    }
    return { pages, outline: await outlineHeadings(doc) };
  } finally {
    await task.destroy();
  }
}

/** pdf.js's errors in the words the pre-check shows. */
export function pdfJsFailure(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return 'PDF 文件已加密，需要密码才能读取文字。';
  if (name === 'InvalidPDFException') return '不是有效的 PDF 文件（文件可能已损坏）。';
  return `无法读取 PDF 文字：${err instanceof Error ? err.message : String(err)}`;
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
    if (t) lines.push({ text: t, page, size, font: mainFont(fonts) });
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
