// Owns the page-thumbnail column: small canvases drawn only when scrolled into view; click one to go to that page.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { memo, useEffect, useRef, useState } from 'react';
import { t } from '../../../locale/zh-CN';
import type { PageSize } from '../../../ui/pdf/pdfjs';
import { renderPageCanvas } from '../../../ui/pdf/renderCanvas';
import { VisibilityWatcher } from '../../../ui/pdf/visibility';
import { useViewer } from '../store';

const THUMB_WIDTH = 112;

interface Props {
  pdf: PDFDocumentProxy;
  sizes: PageSize[];
  onGoTo: (page: number) => void;
}

export function PdfThumbnails({ pdf, sizes, onGoTo }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const [watcher, setWatcher] = useState<VisibilityWatcher | null>(null);
  const page = useViewer((s) => s.page);

  useEffect(() => {
    const w = new VisibilityWatcher(listRef.current!, '200px 0px');
    setWatcher(w);
    return () => w.disconnect();
  }, []);

  useEffect(() => {
    listRef.current?.querySelector(`[data-thumb="${page}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [page]);

  return (
    <div ref={listRef} className="pdf-thumbnails" aria-label={t.viewer.thumbnails} data-testid="pdf-thumbnails">
      {watcher &&
        sizes.map((size, i) => (
          <Thumbnail key={i} pdf={pdf} pageNumber={i + 1} size={size} watcher={watcher} current={page === i + 1} onGoTo={onGoTo} />
        ))}
    </div>
  );
}

interface ThumbProps {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  size: PageSize;
  watcher: VisibilityWatcher;
  current: boolean;
  onGoTo: (page: number) => void;
}

const Thumbnail = memo(function Thumbnail({ pdf, pageNumber, size, watcher, current, onGoTo }: ThumbProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const hostRef = useRef<HTMLSpanElement>(null);
  const [seen, setSeen] = useState(false);
  const scale = THUMB_WIDTH / size.width;

  useEffect(() => watcher.watch(buttonRef.current!, (visible) => visible && setSeen(true)), [watcher]);

  // A thumbnail, once drawn, is kept: they are small, and scrolling back should not redraw them.
  useEffect(() => {
    if (!seen) return;
    const job = renderPageCanvas(pdf, pageNumber, scale);
    job.promise.then(
      (canvas) => hostRef.current?.replaceChildren(canvas),
      () => undefined,
    );
    return () => job.cancel();
  }, [seen, pdf, pageNumber, scale]);

  return (
    <button
      ref={buttonRef}
      type="button"
      className={`pdf-thumb${current ? ' current' : ''}`}
      onClick={() => onGoTo(pageNumber)}
      aria-label={t.viewer.pageAria(pageNumber)}
      aria-current={current ? 'page' : undefined}
      data-thumb={pageNumber}
    >
      <span ref={hostRef} className="pdf-thumb-canvas" style={{ width: THUMB_WIDTH, height: Math.round(size.height * scale) }} />
      <span className="pdf-thumb-number">{pageNumber}</span>
    </button>
  );
});
