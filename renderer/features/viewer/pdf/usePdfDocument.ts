// Owns loading one PDF: its bytes through document.content, the pdf.js document, and every page's size (for a stable layout).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { client } from '../../../api';
import { loadPdf } from './pdfjs';

/** A page's size in PDF units at zoom 1, with its /Rotate applied. */
export interface PageSize {
  width: number;
  height: number;
}

export type PdfLoad =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; pdf: PDFDocumentProxy; sizes: PageSize[] };

export function usePdfDocument(documentKey: number): PdfLoad {
  const [load, setLoad] = useState<PdfLoad>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    let destroy: (() => Promise<void>) | null = null;
    setLoad({ state: 'loading' });
    (async () => {
      const bytes = await client.call('document.content', { documentKey });
      if (!alive) return;
      const task = loadPdf(bytes);
      destroy = () => task.destroy();
      const pdf = await task.promise;
      const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
      const sizes = pages.map((p) => {
        const vp = p.getViewport({ scale: 1 });
        return { width: vp.width, height: vp.height };
      });
      if (alive) setLoad({ state: 'ready', pdf, sizes });
    })().catch((error: unknown) => alive && setLoad({ state: 'error', error }));
    return () => {
      alive = false;
      void destroy?.();
    };
  }, [documentKey]);
  return load;
}
