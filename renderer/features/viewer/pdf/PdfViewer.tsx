// Owns the PDF reader: continuous scroll of lazily drawn pages, zoom kept anchored, current page, position save/restore, keys,
// and going to a requested page and text (on a scan, in its recognised lines).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ReadingPosition } from '../../../../shared/domain';
import { t } from '../../../locale/zh-CN';
import { CSS_PER_PDF_UNIT, type PageSize } from '../../../ui/pdf/pdfjs';
import { PdfTextCache, type PdfHit } from '../../../ui/pdf/pdfText';
import { VisibilityWatcher } from '../../../ui/pdf/visibility';
import { SearchBox } from '../SearchBox';
import { clampZoom, useViewer } from '../store';
import type { ViewerProps } from '../types';
import { usePlaceRequests } from '../usePlaceRequests';
import { useViewerShortcuts } from '../useViewerShortcuts';
import { ViewerError } from '../ViewerError';
import { ViewerFrame, ViewerMessage } from '../ViewerFrame';
import { PdfThumbnails } from './PdfThumbnails';
import { PdfToolbar } from './PdfToolbar';
import { ReaderPage } from './ReaderPage';
import { RecognisedTextCache } from './recognisedText';
import { usePdfDocument } from './usePdfDocument';
import { hitsOnPage, usePdfSearch } from './usePdfSearch';

/** Must match .pdf-pages padding and gap in pdf.css: page offsets are computed, not measured. */
const PAD_TOP = 16;
const PAD_X = 24;
const GAP = 14;
const SCROLLBAR_ALLOWANCE = 18;

export function PdfViewer({ document, initial, onPosition }: ViewerProps) {
  const load = usePdfDocument(document.key);
  if (load.state === 'loading') {
    return (
      <ViewerFrame document={document}>
        <ViewerMessage busy>{t.viewer.opening}</ViewerMessage>
      </ViewerFrame>
    );
  }
  if (load.state === 'error') return <ViewerError document={document} error={load.error} />;
  return <PdfReader document={document} pdf={load.pdf} sizes={load.sizes} initial={initial} onPosition={onPosition} />;
}

interface ReaderProps extends ViewerProps {
  pdf: PDFDocumentProxy;
  sizes: PageSize[];
}

function PdfReader({ document, pdf, sizes, initial, onPosition }: ReaderProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [paneWidth, setPaneWidth] = useState(0);
  const [watcher, setWatcher] = useState<VisibilityWatcher | null>(null);
  const zoom = useViewer((s) => s.zoom);
  const fitWidth = useViewer((s) => s.fitWidth);
  const thumbnails = useViewer((s) => s.thumbnails);
  const texts = useMemo(() => new PdfTextCache(pdf), [pdf]);
  const recognised = useMemo(() => new RecognisedTextCache(document.key, texts, sizes), [document.key, texts, sizes]);
  useViewerShortcuts({ zoom: true, find: true });

  const widest = Math.max(...sizes.map((s) => s.width));
  const fitZoom = clampZoom((paneWidth - 2 * PAD_X - SCROLLBAR_ALLOWANCE) / (widest * CSS_PER_PDF_UNIT));
  const effectiveZoom = fitWidth ? fitZoom : zoom;
  const scale = effectiveZoom * CSS_PER_PDF_UNIT;
  const tops = useMemo(() => {
    const out: number[] = [];
    let y = PAD_TOP;
    for (const s of sizes) {
      out.push(y);
      y += Math.floor(s.height * scale) + GAP;
    }
    return out;
  }, [sizes, scale]);

  useEffect(() => {
    const el = scrollRef.current!;
    const w = new VisibilityWatcher(el, '100% 0px');
    setWatcher(w);
    const resize = new ResizeObserver(() => setPaneWidth(el.clientWidth));
    resize.observe(el);
    useViewer.getState().setPage(1, sizes.length);
    el.focus({ preventScroll: true });
    return () => {
      w.disconnect();
      resize.disconnect();
    };
  }, [sizes.length]);

  // The toolbar shows the zoom that fit-width produced.
  useEffect(() => {
    if (fitWidth && paneWidth > 0 && Math.abs(useViewer.getState().zoom - fitZoom) > 0.001) useViewer.setState({ zoom: fitZoom });
  }, [fitWidth, fitZoom, paneWidth]);

  const pageAt = useCallback(
    (y: number) => {
      let lo = 0;
      let hi = tops.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (tops[mid]! <= y) lo = mid;
        else hi = mid - 1;
      }
      return lo; // zero-based
    },
    [tops],
  );

  // Where the reader is, as page + fraction, so a zoom change keeps the same line in view.
  const anchor = useRef<{ index: number; fraction: number } | null>(null);
  const restored = useRef(false);
  const report = useCallback(() => {
    const el = scrollRef.current!;
    const index = pageAt(el.scrollTop + GAP);
    // pageAt returns an index of tops, which has one entry per page in sizes.
    const height = Math.floor(sizes[index]!.height * scale);
    anchor.current = { index, fraction: Math.max(0, (el.scrollTop - tops[index]!) / height) };
    const current = pageAt(el.scrollTop + el.clientHeight / 3) + 1;
    if (useViewer.getState().page !== current) useViewer.getState().setPage(current);
    // No zoom is saved under 适合宽度, so the document fits the pane again when reopened.
    const position: ReadingPosition = { page: current, zoom: fitWidth ? undefined : effectiveZoom, scrollTop: el.scrollTop };
    onPosition(position);
  }, [pageAt, sizes, scale, tops, fitWidth, effectiveZoom, onPosition]);

  useLayoutEffect(() => {
    const el = scrollRef.current!;
    if (paneWidth === 0) return;
    if (!restored.current) {
      restored.current = true;
      // A saved offset is exact when the zoom was fixed; under 适合宽度 the pane may have another width now,
      // so the offset is used only if it still lands on the saved page, else the page's top.
      const { page, scrollTop } = initial ?? {};
      if (scrollTop !== undefined && (initial?.zoom !== undefined || pageAt(scrollTop + el.clientHeight / 3) + 1 === page)) {
        el.scrollTop = scrollTop;
      } else if (page) {
        el.scrollTop = tops[Math.min(page, tops.length) - 1]! - PAD_TOP;
      }
    } else if (anchor.current) {
      const { index, fraction } = anchor.current;
      el.scrollTop = tops[index]! + fraction * Math.floor(sizes[index]!.height * scale);
    }
    report();
    // Deliberately keyed on layout only (zoom, pane width): scrolling itself calls report directly.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tops, paneWidth]);

  const goToPage = useCallback(
    (page: number) => {
      const index = Math.min(sizes.length, Math.max(1, page)) - 1;
      scrollRef.current!.scrollTop = tops[index]! - PAD_TOP / 2;
      useViewer.getState().setPage(index + 1); // at once, so a second key press goes on from here
    },
    [sizes.length, tops],
  );

  const scrollToHit = useCallback(
    (hit: PdfHit) => {
      const el = scrollRef.current!;
      el.scrollTop = Math.max(0, tops[hit.page - 1]! + hit.top * scale - el.clientHeight / 3);
    },
    [tops, scale],
  );
  const search = usePdfSearch(recognised, sizes.length, scrollToHit);

  // Once the layout is known (the saved place restored), a requested page and text take over.
  usePlaceRequests(document.key, paneWidth > 0, (request) => {
    if (request.page) goToPage(request.page);
    if (request.query) search.findFrom(request.query, request.page ?? useViewer.getState().page);
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const page = useViewer.getState().page;
    if (e.key === 'ArrowLeft') goToPage(page - 1);
    else if (e.key === 'ArrowRight') goToPage(page + 1);
    else return;
    e.preventDefault();
  };

  const currentHitIndex = useViewer((s) => s.hitIndex);
  return (
    <ViewerFrame document={document} toolbar={<PdfToolbar onGoTo={goToPage} />} search={<SearchBox />}>
      <div className="pdf-layout">
        {thumbnails && <PdfThumbnails pdf={pdf} sizes={sizes} onGoTo={goToPage} />}
        <div
          ref={scrollRef}
          className="pdf-scroll"
          tabIndex={0}
          onScroll={report}
          onKeyDown={onKeyDown}
          data-testid="pdf-scroll"
          aria-label={document.title}
        >
          <div className="pdf-pages">
            {watcher &&
              paneWidth > 0 &&
              sizes.map((size, i) => (
                <ReaderPage
                  key={i}
                  pdf={pdf}
                  pageNumber={i + 1}
                  size={size}
                  scale={scale}
                  texts={texts}
                  recognised={recognised}
                  watcher={watcher}
                  hits={hitsOnPage(search, i + 1)}
                  hitsRecognised={search.recognisedPages.has(i + 1)}
                  currentHit={search.current?.page === i + 1 ? currentHitIndex : -1}
                />
              ))}
          </div>
        </div>
      </div>
    </ViewerFrame>
  );
}
