// Owns the spreadsheet viewer: converted sheets, sheet tabs, find across the current sheet's cells, sheet + scroll remembered,
// and going to a requested sheet (a page of the extracted text) and text.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Sheet } from '../../../../shared/domain';
import { compactQuery } from '../../../lib/textSearch';
import { t } from '../../../locale/zh-CN';
import { SearchBox } from '../SearchBox';
import { useViewer } from '../store';
import type { ViewerProps } from '../types';
import { usePlaceRequests } from '../usePlaceRequests';
import { useViewerShortcuts } from '../useViewerShortcuts';
import { RenderedViewer } from '../RenderedViewer';
import { ViewerError } from '../ViewerError';
import { ViewerFrame } from '../ViewerFrame';
import { MAX_ROWS } from './sheetLayout';
import { SheetGrid } from './SheetGrid';

export function XlsxViewer(props: ViewerProps) {
  // A workbook without a single sheet is a damaged file: shown as such, with the way to open it elsewhere.
  return (
    <RenderedViewer document={props.document} kind="sheets">
      {(rendered) =>
        rendered.sheets.length > 0 ? (
          <Workbook {...props} sheets={rendered.sheets} />
        ) : (
          <ViewerError document={props.document} error={null} />
        )
      }
    </RenderedViewer>
  );
}

function Workbook({ document, initial, onPosition, sheets }: ViewerProps & { sheets: Sheet[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // A requested place names the sheet by its 1-based position; a saved place by its name.
  const sheetAt = (page: number) => Math.min(sheets.length, Math.max(1, page)) - 1;
  const [active, setActive] = useState(() =>
    initial?.page
      ? sheetAt(initial.page)
      : Math.max(
          0,
          sheets.findIndex((s) => s.name === initial?.sheet),
        ),
  );
  const sheet = sheets[active]!; // sheets is never empty (XlsxViewer) and active stays within it

  const query = useViewer((s) => s.query);
  const hitIndex = useViewer((s) => s.hitIndex);
  useViewerShortcuts({ zoom: false, find: true });
  usePlaceRequests(document.key, true, (request) => {
    if (request.page) setActive(sheetAt(request.page));
    if (request.query) useViewer.getState().setQuery(request.query);
  });

  const hitList = useMemo(() => findCells(sheet, compactQuery(query)), [sheet, query]);
  const hits = useMemo(() => new Set(hitList), [hitList]);
  const current = hitIndex >= 0 ? (hitList[hitIndex] ?? null) : null;

  useEffect(() => {
    useViewer.getState().setHits(hitList.length, hitList.length > 0 ? 0 : -1);
  }, [hitList]);

  useEffect(() => {
    if (current) scrollRef.current?.querySelector(`[data-cell="${current}"]`)?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [current]);

  // The saved scroll belongs to the saved sheet; any other sheet opens at its top.
  const firstSheet = useRef(true);
  useLayoutEffect(() => {
    const el = scrollRef.current!;
    el.scrollTop = firstSheet.current && initial?.sheet === sheet.name ? (initial.scrollTop ?? 0) : 0;
    el.scrollLeft = 0;
    firstSheet.current = false;
    onPosition({ sheet: sheet.name, scrollTop: el.scrollTop });
  }, [sheet, initial, onPosition]);

  // Tabs follow the ARIA pattern: one tab stop, ← / → move between sheets.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = (active + (e.key === 'ArrowRight' ? 1 : -1) + sheets.length) % sheets.length;
    setActive(next);
    e.currentTarget.querySelectorAll<HTMLButtonElement>('[role=tab]')[next]?.focus();
  };

  return (
    <ViewerFrame document={document} search={<SearchBox />}>
      <div className="xlsx-layout">
        <div
          ref={scrollRef}
          className="xlsx-scroll"
          tabIndex={0}
          onScroll={(e) => onPosition({ sheet: sheet.name, scrollTop: e.currentTarget.scrollTop })}
          aria-label={sheet.name}
          data-testid="xlsx-scroll"
        >
          <SheetGrid sheet={sheet} hits={hits} current={current} />
        </div>
        <div className="sheet-tabs" role="tablist" aria-label={t.viewer.sheetTabs} onKeyDown={onTabKey}>
          {sheets.map((s, i) => (
            <button
              key={`${i}-${s.name}`}
              type="button"
              role="tab"
              aria-selected={i === active}
              tabIndex={i === active ? 0 : -1}
              className={`sheet-tab${i === active ? ' active' : ''}`}
              onClick={() => setActive(i)}
              data-testid="sheet-tab"
            >
              {s.name}
            </button>
          ))}
        </div>
      </div>
    </ViewerFrame>
  );
}

/** "row,col" of every shown cell whose text contains the needle, row by row. */
function findCells(sheet: Sheet, needle: string): string[] {
  if (!needle) return [];
  const out: string[] = [];
  sheet.rows.slice(0, MAX_ROWS).forEach((row, r) => {
    row.forEach((text, c) => {
      if (text && compactQuery(text).includes(needle)) out.push(`${r},${c}`);
    });
  });
  return out;
}
