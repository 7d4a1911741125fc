// Owns one PDF page in the scroll: a sized placeholder always, and only while near the view a canvas, a selectable text layer and find marks.
import { TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import { memo, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { t } from '../../locale/zh-CN';
import { applyHighlights, type PageHit } from './highlight';
import type { PdfTextCache } from './pdfText';
import { renderPageCanvas } from './renderCanvas';
import type { PageSize } from './pdfjs';
import type { VisibilityWatcher } from './visibility';

interface Props {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  size: PageSize;
  /** CSS pixels per PDF unit. */
  scale: number;
  texts: PdfTextCache;
  watcher: VisibilityWatcher;
  hits: PageHit[];
  /** The document-wide index of the current hit when it is on this page, else -1. */
  currentHit: number;
  /** Laid over the page (a scan's recognised text). A new element each render renders the page again: give it from a memo. */
  children?: ReactNode;
}

export const PdfPage = memo(function PdfPage({ pdf, pageNumber, size, scale, texts, watcher, hits, currentHit, children }: Props) {
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasHostRef = useRef<HTMLDivElement>(null);
  const textHostRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [textLayer, setTextLayer] = useState<{ divs: HTMLElement[]; strings: string[] } | null>(null);
  const touched = useRef(new Set<number>());

  useEffect(() => watcher.watch(pageRef.current!, setVisible), [watcher]);

  // Canvas: the old one stays (stretched by CSS) until the new zoom is drawn, so zooming never flashes white.
  useEffect(() => {
    const host = canvasHostRef.current!;
    if (!visible) {
      host.replaceChildren();
      return;
    }
    const job = renderPageCanvas(pdf, pageNumber, scale);
    job.promise.then(
      (canvas) => host.replaceChildren(canvas),
      () => undefined, // cancelled, or a broken page: the placeholder stays
    );
    return () => job.cancel();
  }, [pdf, pageNumber, scale, visible]);

  useEffect(() => {
    const host = textHostRef.current!;
    if (!visible) {
      host.replaceChildren();
      setTextLayer(null);
      return;
    }
    let layer: TextLayer | null = null;
    let alive = true;
    const container = document.createElement('div');
    container.className = 'textLayer';
    Promise.all([texts.get(pageNumber), pdf.getPage(pageNumber)])
      .then(async ([text, page]) => {
        if (!alive) return;
        layer = new TextLayer({ textContentSource: text.content, container, viewport: page.getViewport({ scale }) });
        await layer.render();
        if (!alive) return;
        host.replaceChildren(container);
        touched.current = new Set();
        setTextLayer({ divs: layer.textDivs, strings: text.strings });
      })
      .catch(() => undefined); // no text layer: the page still shows, only selection/marks are missing
    return () => {
      alive = false;
      layer?.cancel();
    };
  }, [pdf, pageNumber, scale, visible, texts]);

  useEffect(() => {
    if (!textLayer) return;
    touched.current = applyHighlights(textLayer.divs, textLayer.strings, hits, currentHit, touched.current);
  }, [textLayer, hits, currentHit]);

  const style = {
    width: `${Math.floor(size.width * scale)}px`,
    height: `${Math.floor(size.height * scale)}px`,
    '--total-scale-factor': scale,
  } as CSSProperties;

  return (
    <div
      ref={pageRef}
      className="pdf-page"
      style={style}
      data-testid="pdf-page"
      data-page-number={pageNumber}
      data-rendered={visible && textLayer ? 'true' : 'false'}
      aria-label={t.viewer.pageAria(pageNumber)}
      role="region"
    >
      <div ref={canvasHostRef} className="pdf-canvas" />
      <div ref={textHostRef} className="pdf-text" />
      {children}
      {!visible && <span className="pdf-page-number">{pageNumber}</span>}
    </div>
  );
});
