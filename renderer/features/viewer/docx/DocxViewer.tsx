// Owns the Word viewer: the converted HTML in a printed-page look, zoom, find (also of requested text), and the saved scroll position.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { t } from '../../../locale/zh-CN';
import { SearchBox } from '../SearchBox';
import { useViewer } from '../store';
import type { ViewerProps } from '../types';
import { usePaneZoom } from '../usePaneZoom';
import { usePlaceRequests } from '../usePlaceRequests';
import { useViewerShortcuts } from '../useViewerShortcuts';
import { RenderedViewer } from '../RenderedViewer';
import { ViewerFrame } from '../ViewerFrame';
import { ZoomControls } from '../ZoomControls';
import { useHtmlFind } from './useHtmlFind';

/** An A4 sheet is 210 mm wide: 794 CSS px at zoom 1. */
const PAGE_WIDTH_PX = 794;

export function DocxViewer(props: ViewerProps) {
  return (
    <RenderedViewer document={props.document} kind="html">
      {(rendered) => <DocxReader {...props} html={rendered.html} warnings={rendered.warnings.length} />}
    </RenderedViewer>
  );
}

function DocxReader({ document, initial, onPosition, html, warnings }: ViewerProps & { html: string; warnings: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const { ready, zoom, savedZoom } = usePaneZoom(scrollRef, PAGE_WIDTH_PX, 1.6);
  useHtmlFind(articleRef, html);
  useViewerShortcuts({ zoom: true, find: true });
  // A Word document is one page: a request only brings its text.
  usePlaceRequests(document.key, true, (request) => {
    if (request.query) useViewer.getState().setQuery(request.query);
  });

  // Restore once the embedded pictures have their sizes, or the saved offset would land short.
  // Until then nothing is reported, so the saved place cannot be overwritten by the top of the page.
  const restoring = useRef<'pending' | 'running' | 'done'>('pending');
  useEffect(() => {
    const article = articleRef.current;
    if (!ready || !article || restoring.current !== 'pending') return;
    restoring.current = 'running';
    const pictures = Array.from(article.querySelectorAll('img')).map((img) => img.decode().catch(() => undefined));
    void Promise.all(pictures).then(() => {
      if (scrollRef.current && initial?.scrollTop) scrollRef.current.scrollTop = initial.scrollTop;
      restoring.current = 'done';
    });
    scrollRef.current?.focus({ preventScroll: true });
  }, [ready, initial]);

  // A zoom change keeps the same proportion of the document above the view.
  const lastHeight = useRef(0);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (lastHeight.current > 0) el.scrollTop = (el.scrollTop / lastHeight.current) * el.scrollHeight;
    lastHeight.current = el.scrollHeight;
    if (restoring.current === 'done') onPosition({ zoom: savedZoom, scrollTop: el.scrollTop });
  }, [zoom, savedZoom, onPosition]);

  const onScroll = () => {
    const el = scrollRef.current!;
    lastHeight.current = el.scrollHeight;
    if (restoring.current === 'done') onPosition({ zoom: savedZoom, scrollTop: el.scrollTop });
  };

  return (
    <ViewerFrame document={document} toolbar={<ZoomControls />} search={<SearchBox />}>
      <div ref={scrollRef} className="docx-scroll" tabIndex={0} onScroll={onScroll} aria-label={document.title} data-testid="docx-scroll">
        {warnings > 0 && <p className="docx-warning">{t.viewer.docxWarnings(warnings)}</p>}
        <div className="docx-sheet" style={{ zoom, visibility: ready ? undefined : 'hidden' }}>
          <article ref={articleRef} className="docx-page" data-testid="docx-article" dangerouslySetInnerHTML={{ __html: html }} />
        </div>
      </div>
    </ViewerFrame>
  );
}
