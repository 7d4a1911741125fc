// Owns the OFD viewer: each page at its size in millimetres with its text codes and images where the file puts them,
// zoom, find in the page text, going to a requested page, and the saved page and scroll.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { OfdPage } from '../../../../shared/domain';
import { t } from '../../../locale/zh-CN';
import { useHtmlFind } from '../docx/useHtmlFind';
import { RenderedViewer } from '../RenderedViewer';
import { SearchBox } from '../SearchBox';
import { useViewer } from '../store';
import type { ViewerProps } from '../types';
import { usePaneZoom } from '../usePaneZoom';
import { usePlaceRequests } from '../usePlaceRequests';
import { useViewerShortcuts } from '../useViewerShortcuts';
import { ViewerError } from '../ViewerError';
import { ViewerFrame } from '../ViewerFrame';
import { ZoomControls } from '../ZoomControls';

/** CSS pixels per millimetre at zoom 1 (96 dpi). */
const PX_PER_MM = 96 / 25.4;
/** A glyph's top sits about this fraction of the font size above its baseline. */
const ASCENT = 0.88;

export function OfdViewer(props: ViewerProps) {
  return (
    <RenderedViewer document={props.document} kind="pages">
      {(rendered) =>
        rendered.pages.length > 0 ? (
          <OfdReader {...props} pages={rendered.pages} warnings={rendered.warnings} />
        ) : (
          <ViewerError document={props.document} error={null} />
        )
      }
    </RenderedViewer>
  );
}

function OfdReader({ document, initial, onPosition, pages, warnings }: ViewerProps & { pages: OfdPage[]; warnings: string[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const widest = Math.max(...pages.map((p) => p.width)) * PX_PER_MM;
  const { ready, zoom, savedZoom } = usePaneZoom(scrollRef, widest, 1.6);
  useHtmlFind(pagesRef, String(document.key));
  useViewerShortcuts({ zoom: true, find: true });

  const showPage = (page: number) => {
    const el = pagesRef.current?.children[Math.min(pages.length, Math.max(1, page)) - 1];
    if (el) el.scrollIntoView({ block: 'start' });
  };
  usePlaceRequests(document.key, ready, (request) => {
    if (request.page) showPage(request.page);
    if (request.query) useViewer.getState().setQuery(request.query);
  });

  const restored = useRef(false);
  useEffect(() => {
    if (!ready || restored.current) return;
    restored.current = true;
    if (initial?.page) showPage(initial.page);
    else if (scrollRef.current && initial?.scrollTop) scrollRef.current.scrollTop = initial.scrollTop;
    scrollRef.current?.focus({ preventScroll: true });
    // showPage reads only refs; the place is restored once, when the layout is known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, initial]);

  /** The page whose top is nearest above the middle of the view. */
  const currentPage = (): number => {
    const el = scrollRef.current;
    const list = pagesRef.current?.children;
    if (!el || !list) return 1;
    const middle = el.getBoundingClientRect().top + el.clientHeight / 2;
    let page = 1;
    for (let i = 0; i < list.length; i++) if (list[i]!.getBoundingClientRect().top <= middle) page = i + 1;
    return page;
  };
  const report = () => {
    if (restored.current && scrollRef.current) onPosition({ zoom: savedZoom, scrollTop: scrollRef.current.scrollTop, page: currentPage() });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(report, [zoom, savedZoom]);

  return (
    <ViewerFrame document={document} toolbar={<ZoomControls />} search={<SearchBox />}>
      <div ref={scrollRef} className="docx-scroll" tabIndex={0} onScroll={report} aria-label={document.title} data-testid="ofd-scroll">
        {warnings.map((w) => (
          <p key={w} className="docx-warning">
            {w}
          </p>
        ))}
        <div ref={pagesRef} className="ofd-pages" style={{ zoom, visibility: ready ? undefined : 'hidden' }}>
          {pages.map((page, i) => (
            <section
              key={i}
              className="ofd-page"
              aria-label={t.viewer.pageAria(i + 1)}
              data-testid="ofd-page"
              style={{ width: page.width * PX_PER_MM, height: page.height * PX_PER_MM }}
            >
              {page.images.map((img, k) => (
                <img
                  key={`i${k}`}
                  alt=""
                  src={img.src}
                  style={{ left: img.x * PX_PER_MM, top: img.y * PX_PER_MM, width: img.width * PX_PER_MM, height: img.height * PX_PER_MM }}
                />
              ))}
              {page.texts.map((text, k) => (
                <span
                  key={`t${k}`}
                  style={{ left: text.x * PX_PER_MM, top: (text.y - ASCENT * text.size) * PX_PER_MM, fontSize: text.size * PX_PER_MM }}
                >
                  {text.text}
                </span>
              ))}
            </section>
          ))}
        </div>
      </div>
    </ViewerFrame>
  );
}
