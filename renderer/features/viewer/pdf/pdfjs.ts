// Owns pdf.js set-up: the bundled worker, run-time asset URLs (CMaps for Chinese fonts, standard fonts, wasm decoders), no eval.
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** PDF user space is 72 units per inch, CSS 96 px per inch: zoom 1 shows a page at its printed size. */
export const CSS_PER_PDF_UNIT = 96 / 72;

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
