// Owns showing a generated PDF's bytes before anything is saved (文书 and the bureau's letters): the reader's own pdf.js pieces
// (loadPdf, PdfPage with its canvas and text layer, the shared visibility watcher), pages fitted to the pane's width.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../locale/zh-CN';
import type { PageHit } from './highlight';
import { PdfPage } from './PdfPage';
import { CSS_PER_PDF_UNIT, loadPdf, readPageSizes, type PageSize } from './pdfjs';
import { PdfTextCache } from './pdfText';
import { VisibilityWatcher } from './visibility';

/** Matches .pdf-pages horizontal padding plus room for a scrollbar. */
const SIDE_ROOM = 2 * 24 + 18;
const NO_HITS: PageHit[] = [];

type Loaded = { pdf: PDFDocumentProxy; sizes: PageSize[] };

export function PdfPreview({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    // pdf.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay usable.
    const task = loadPdf(bytes.slice());
    task.promise
      .then(async (pdf) => {
        const sizes = await readPageSizes(pdf);
        if (alive) setLoaded({ pdf, sizes });
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      void task.destroy();
    };
  }, [bytes]);
  if (failed) return <p className="panel-message text-error">{t.errors.viewerCrashed}</p>;
  if (!loaded) return <p className="panel-message">{t.documents.previewLoading}</p>;
  return <PreviewPages pdf={loaded.pdf} sizes={loaded.sizes} label={label} />;
}

function PreviewPages({ pdf, sizes, label }: Loaded & { label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [watcher, setWatcher] = useState<VisibilityWatcher | null>(null);
  const [width, setWidth] = useState(0);
  const texts = useMemo(() => new PdfTextCache(pdf), [pdf]);

  useEffect(() => {
    const el = scrollRef.current!;
    const w = new VisibilityWatcher(el, '100% 0px');
    setWatcher(w);
    const resize = new ResizeObserver(() => setWidth(el.clientWidth));
    resize.observe(el);
    return () => {
      w.disconnect();
      resize.disconnect();
    };
  }, [pdf]);

  const widest = Math.max(...sizes.map((s) => s.width));
  const scale = Math.min(1.5 * CSS_PER_PDF_UNIT, Math.max(0.3, (width - SIDE_ROOM) / widest));
  return (
    <div
      ref={scrollRef}
      className="pdf-scroll documents-preview-scroll"
      tabIndex={0}
      aria-label={label}
      data-testid="documents-preview-pages"
      data-pages={sizes.length}
    >
      <div className="pdf-pages">
        {watcher &&
          width > 0 &&
          sizes.map((size, i) => (
            <PdfPage
              key={i}
              pdf={pdf}
              pageNumber={i + 1}
              size={size}
              scale={scale}
              texts={texts}
              watcher={watcher}
              hits={NO_HITS}
              currentHit={-1}
            />
          ))}
      </div>
    </div>
  );
}
