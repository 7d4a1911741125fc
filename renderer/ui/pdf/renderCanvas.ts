// Owns drawing one PDF page onto a fresh canvas at a CSS scale, sharp on high-DPI screens but capped in pixel count.
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

/** Above this many pixels a canvas gets slow or fails to allocate; very large zooms render slightly softer instead. */
const MAX_CANVAS_PIXELS = 4096 * 4096;

export interface CanvasJob {
  promise: Promise<HTMLCanvasElement>;
  cancel(): void;
}

export function renderPageCanvas(pdf: PDFDocumentProxy, pageNumber: number, cssScale: number): CanvasJob {
  let task: RenderTask | null = null;
  let cancelled = false;
  const promise = pdf.getPage(pageNumber).then(async (page) => {
    if (cancelled) throw new Error('cancelled');
    const base = page.getViewport({ scale: cssScale });
    const limit = Math.sqrt(MAX_CANVAS_PIXELS / (base.width * base.height));
    const outputScale = Math.min(window.devicePixelRatio || 1, limit);
    const viewport = page.getViewport({ scale: cssScale * outputScale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    task = page.render({ canvas, viewport });
    await task.promise;
    return canvas;
  });
  return {
    promise,
    cancel() {
      cancelled = true;
      task?.cancel();
    },
  };
}
