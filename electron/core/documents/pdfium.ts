// Owns PDFium (compiled to WebAssembly, @embedpdf/pdfium) for reading a PDF's text: one engine per thread, documents opened from bytes, each character's text, font and size, and the bookmarks.
//
// Why PDFium and not pdf.js here: pdf.js builds text content in JavaScript, glyph by glyph, and passes it through a
// message port; on the bench's 300-page PDF that took 5× poppler's pdftotext. PDFium (Chrome's PDF engine, C++) does
// the same work, with its own line analysis, in about 2× (README, Measured). The viewer and the OCR page images stay on
// pdf.js.
// The hot per-character calls go straight to the module's exports (the library's cwrap wrappers cost more than the call).
import { readFileSync } from 'node:fs';
import { init } from '@embedpdf/pdfium';

type Exports = Record<string, (...args: number[]) => number>;
interface Engine {
  fn: Exports;
  heap: () => Uint8Array;
  /** Set when a growth past MAX_MEMORY_BYTES was refused during the current file. */
  refused: boolean;
}

/** FPDF_GetLastError's codes (fpdfview.h). */
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;

export class PdfiumError extends Error {
  constructor(
    message: string,
    readonly code: 'password' | 'invalid' | 'memory',
  ) {
    super(message);
    this.name = 'PdfiumError';
  }
}

/**
 * PDFium's WebAssembly memory may grow to this. A worker's heap limit covers only V8's heap, not WebAssembly memory, so
 * without it a content stream inflating to gigabytes would take the machine's memory up to the module's 2 GiB; past it
 * PDFium's allocation fails and the file ends unreadable.
 */
const MAX_MEMORY_BYTES = 2 ** 30;
/** An engine whose memory grew past this for one file is dropped after it (WebAssembly memory never shrinks). */
const KEEP_MEMORY_BYTES = 256 * 2 ** 20;

let engine: Promise<Engine> | undefined;

/** The thread's engine, made on first use (about 30 ms to compile the 4.6 MB module). */
function loadEngine(): Promise<Engine> {
  const quiet = () => undefined; // a refused growth is reported to the caller as an abort, not printed
  engine ??= init({ wasmBinary: readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')), print: quiet, printErr: quiet }).then(
    (m) => {
      m.PDFiumExt_Init();
      const exports = m.pdfium.wasmExports as unknown as Exports & { memory: { buffer: ArrayBuffer; grow(pages: number): number } };
      const { memory } = exports;
      const grow = memory.grow.bind(memory);
      const made: Engine = { fn: exports, heap: () => (m.pdfium as unknown as { HEAPU8: Uint8Array }).HEAPU8, refused: false };
      memory.grow = (pages) => {
        if (memory.buffer.byteLength + pages * 65536 <= MAX_MEMORY_BYTES) return grow(pages);
        made.refused = true;
        throw new RangeError('PDFium memory limit');
      };
      return made;
    },
  );
  return engine;
}

/** One page's text as PDFium lays it out: characters in reading order, with PDFium's own spaces and line breaks. */
export interface PdfiumTextPage {
  readonly count: number;
  /** Character i, as a string (one code point). */
  char(i: number): string;
  /** Whether character i's font gives it no usable Unicode value (a broken or missing ToUnicode map). */
  unmapped(i: number): boolean;
  /** Whether character i is a space or line break PDFium inserted, not one the file contains. */
  generated(i: number): boolean;
  /** Character i's font size in points, after the text matrix. */
  fontSize(i: number): number;
  /** The name of the font character i is set in (a bold face is another font); '' for an inserted character. */
  fontName(i: number): string;
  /** The text object character i belongs to (0 for an inserted character): one string the file shows, all on one line. */
  run(i: number): number;
  /** Character i's origin on the page, in points. */
  originX(i: number): number;
  /** …and its height on the page (PDF space: up from the bottom edge); read right after originX(i), it costs no second call. */
  originY(i: number): number;
  /** The angle character i's baseline runs at, in radians counter-clockwise (0: left to right; π/2: a landscape page's text). */
  angle(i: number): number;
}

export interface PdfiumBookmark {
  title: string;
  /** 1-based, when the bookmark points at a page of this file. */
  page: number | undefined;
  level: number;
}

export interface PdfiumDocument {
  readonly pageCount: number;
  /** Calls `read` with page n's text (1-based); the page is closed when `read` returns. */
  withPage<T>(n: number, read: (page: PdfiumTextPage) => T): T;
  /** Bookmarks in outline order, depth first, at most `limit` (a hostile outline can be endless or looped). */
  bookmarks(limit: number): PdfiumBookmark[];
}

/**
 * Opens a PDF from its bytes, hands it to `use` and closes it. Throws PdfiumError for an encrypted or invalid file.
 * If PDFium aborts (a WebAssembly trap on a malformed file) the engine is dropped, so the next file gets a fresh one.
 */
export async function withPdfium<T>(bytes: Uint8Array, use: (doc: PdfiumDocument) => T): Promise<T> {
  if (!bytes.length) throw new PdfiumError('不是有效的 PDF 文件（文件为空）。', 'invalid');
  const current = await loadEngine();
  const { fn, heap } = current;
  current.refused = false;
  const tooLarge = () =>
    new PdfiumError(`读取时内存超出上限（${MAX_MEMORY_BYTES / 2 ** 20} MB），文件可能是压缩炸弹或构造异常，已停止读取。`, 'memory');
  let aborted = false;
  const data = fn.malloc!(bytes.length);
  const scratch = fn.malloc!(16);
  let doc = 0;
  try {
    if (!data || !scratch) throw tooLarge();
    heap().set(bytes, data);
    doc = fn.FPDF_LoadMemDocument!(data, bytes.length, 0);
    if (!doc) {
      const code = fn.FPDF_GetLastError!();
      if (current.refused) throw tooLarge();
      if (code === ERR_PASSWORD || code === ERR_SECURITY) throw new PdfiumError('PDF 文件已加密，需要密码才能读取文字。', 'password');
      throw new PdfiumError('不是有效的 PDF 文件（文件可能已损坏）。', 'invalid');
    }
    return use(openDocument(fn, heap, doc, scratch));
  } catch (err) {
    aborted = isPdfiumAbort(err);
    throw aborted && current.refused ? tooLarge() : err;
  } finally {
    if (!aborted) {
      if (doc) fn.FPDF_CloseDocument!(doc);
      fn.free!(scratch);
      fn.free!(data);
    }
    if (aborted || current.refused || heap().byteLength > KEEP_MEMORY_BYTES) engine = undefined;
  }
}

/** A WebAssembly trap inside PDFium (out of bounds, unreachable, out of memory): the engine's state is lost. */
export const isPdfiumAbort = (err: unknown): boolean => err instanceof Error && err.name === 'RuntimeError';

function openDocument(fn: Exports, heap: () => Uint8Array, doc: number, scratch: number): PdfiumDocument {
  /** PDFium's string getters: asked with no buffer they return the bytes needed (with the closing NUL), then fill one. */
  const readString = (get: (buffer: number, length: number) => number, encoding: 'utf8' | 'utf16le') => {
    const length = get(0, 0);
    const nul = encoding === 'utf8' ? 1 : 2;
    if (length <= nul) return '';
    const buffer = fn.malloc!(length);
    try {
      get(buffer, length);
      return Buffer.from(heap().buffer, buffer, length - nul).toString(encoding);
    } finally {
      fn.free!(buffer);
    }
  };
  return {
    pageCount: fn.FPDF_GetPageCount!(doc),
    withPage(n, read) {
      const page = fn.FPDF_LoadPage!(doc, n - 1);
      if (!page) return read(emptyPage);
      const textPage = fn.FPDFText_LoadPage!(page);
      try {
        if (!textPage) return read(emptyPage);
        const fonts = new Map<number, string>();
        /** The character whose origin the scratch memory holds, read through a view made again only if memory grew. */
        let origin = -1;
        let view: Float64Array = new Float64Array(0);
        const none = Float64Array.of(0, 0);
        /** The text object of the character last asked about: run(i) and fontName(i) come in pairs. */
        let objectChar = -1;
        let object = 0;
        const objectOf = (i: number): number => {
          if (objectChar !== i) [objectChar, object] = [i, fn.FPDFText_GetTextObject!(textPage, i)];
          return object;
        };
        const readOrigin = (i: number): Float64Array => {
          if (origin !== i) origin = fn.FPDFText_GetCharOrigin!(textPage, i, scratch, scratch + 8) ? i : -1;
          if (origin !== i) return none;
          if (view.buffer !== heap().buffer) view = new Float64Array(heap().buffer, scratch, 2);
          return view;
        };
        return read({
          count: Math.max(0, fn.FPDFText_CountChars!(textPage)),
          char: (i) => {
            const code = fn.FPDFText_GetUnicode!(textPage, i) >>> 0;
            return String.fromCodePoint(code && code <= 0x10ffff ? code : 0xfffd);
          },
          unmapped: (i) => fn.FPDFText_HasUnicodeMapError!(textPage, i) === 1,
          generated: (i) => fn.FPDFText_IsGenerated!(textPage, i) === 1,
          fontSize: (i) => fn.FPDFText_GetFontSize!(textPage, i),
          run: objectOf,
          fontName: (i) => {
            const object = objectOf(i);
            if (!object) return '';
            let name = fonts.get(object);
            if (name === undefined) {
              name = readString((buffer, length) => fn.FPDFText_GetFontInfo!(textPage, i, buffer, length, 0), 'utf8');
              fonts.set(object, name);
            }
            return name;
          },
          originX: (i) => readOrigin(i)[0]!,
          originY: (i) => readOrigin(i)[1]!,
          angle: (i) => Math.max(0, fn.FPDFText_GetCharAngle!(textPage, i)),
        });
      } finally {
        if (textPage) fn.FPDFText_ClosePage!(textPage);
        fn.FPDF_ClosePage!(page);
      }
    },
    bookmarks(limit) {
      const found: PdfiumBookmark[] = [];
      const seen = new Set<number>();
      const walk = (first: number, level: number) => {
        for (let mark = first; mark && found.length < limit && !seen.has(mark); mark = fn.FPDFBookmark_GetNextSibling!(doc, mark)) {
          seen.add(mark);
          const title = readString((buffer, length) => fn.FPDFBookmark_GetTitle!(mark, buffer, length), 'utf16le');
          found.push({ title, page: bookmarkPage(fn, doc, mark), level });
          walk(fn.FPDFBookmark_GetFirstChild!(doc, mark), level + 1);
        }
      };
      walk(fn.FPDFBookmark_GetFirstChild!(doc, 0), 1);
      return found;
    },
  };
}

/** A bookmark's page: its destination, or its GoTo action's; undefined when it points elsewhere or nowhere. */
function bookmarkPage(fn: Exports, doc: number, mark: number): number | undefined {
  let dest = fn.FPDFBookmark_GetDest!(doc, mark);
  if (!dest) {
    const action = fn.FPDFBookmark_GetAction!(mark);
    if (action) dest = fn.FPDFAction_GetDest!(doc, action);
  }
  const index = dest ? fn.FPDFDest_GetDestPageIndex!(doc, dest) : -1;
  return index >= 0 ? index + 1 : undefined;
}

const emptyPage: PdfiumTextPage = {
  count: 0,
  char: () => '',
  unmapped: () => false,
  generated: () => false,
  fontSize: () => 0,
  fontName: () => '',
  run: () => 0,
  originX: () => 0,
  originY: () => 0,
  angle: () => 0,
};
