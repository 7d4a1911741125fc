// Owns loading one PDF: its bytes through document.content, the pdf.js document, and every page's size (for a stable layout).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { useRemote } from '../../../lib/useRemote';
import { loadPdf, readPageSizes, type PageSize } from '../../../ui/pdf/pdfjs';

export type PdfLoad =
  { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; pdf: PDFDocumentProxy; sizes: PageSize[] };

export function usePdfDocument(documentKey: number): PdfLoad {
  const content = useRemote('document.content', { documentKey });
  const [load, setLoad] = useState<PdfLoad>({ state: 'loading' });
  useEffect(() => {
    if (content.state === 'error') {
      setLoad({ state: 'error', error: content.error });
      return;
    }
    setLoad({ state: 'loading' });
    if (content.state !== 'ready') return;
    let alive = true;
    // pdf.js takes the bytes over (they move to its worker): each answer is opened once, and not kept twice in memory.
    const task = loadPdf(content.value);
    task.promise
      .then(async (pdf) => {
        const sizes = await readPageSizes(pdf);
        if (alive) setLoad({ state: 'ready', pdf, sizes });
      })
      .catch((error: unknown) => alive && setLoad({ state: 'error', error }));
    return () => {
      alive = false;
      void task.destroy();
    };
  }, [content]);
  return load;
}
