// Owns pdf.js set-up: the bundled worker, run-time asset URLs (CMaps for Chinese fonts, standard fonts, wasm decoders), no eval.
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** PDF user space is 72 units per inch, CSS 96 px per inch: zoom 1 shows a page at its printed size. */
export const CSS_PER_PDF_UNIT = 96 / 72;

/** A page's size in PDF units at zoom 1, with its /Rotate applied. */
export interface PageSize {
  width: number;
  height: number;
}

export function loadPdf(data: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data,
    isEvalSupported: false,
    cMapUrl: './pdfjs/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: './pdfjs/standard_fonts/',
    wasmUrl: './pdfjs/wasm/',
  });
}

/** Every page's size, read once so the pages can be laid out before any is drawn. */
export async function readPageSizes(pdf: PDFDocumentProxy): Promise<PageSize[]> {
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
  return pages.map((p) => {
    const vp = p.getViewport({ scale: 1 });
    return { width: vp.width, height: vp.height };
  });
}
