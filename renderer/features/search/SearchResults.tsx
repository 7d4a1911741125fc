// Owns the 全文检索 result panel under the header's search field: hits grouped by project then document, each row
// "建设方案 · 第 5 页" with its snippet (the hit marked), and the 正在检索 / 未找到 / 文本尚未提取完成 states.
import { useEffect, useRef } from 'react';
import type { DocumentInfo, ProjectInfo, SearchHit } from '../../../shared/domain';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { pageLabel } from '../../kernel/showPlace';
import type { SessionSearch } from './useSessionSearch';

export interface HitRow {
  hit: SearchHit;
  document: DocumentInfo | undefined;
  /** Position in the whole list, for the keyboard. */
  index: number;
}

export interface HitGroup {
  project: ProjectInfo;
  /** 1-based, as in the sidebar's project list. */
  number: number;
  rows: HitRow[];
}

/** In the session's own order: projects as listed, documents as submitted, then by page. */
export function groupHits(hits: SearchHit[], projects: ProjectInfo[]): HitGroup[] {
  let index = 0;
  return projects.flatMap((project, p) => {
    const order = new Map(project.documents.map((d, i) => [d.key, i]));
    const mine = hits
      .filter((h) => h.projectId === project.id)
      .sort((a, b) => (order.get(a.documentKey) ?? 0) - (order.get(b.documentKey) ?? 0) || a.page - b.page);
    if (mine.length === 0) return [];
    const rows = mine.map((hit) => ({ hit, document: project.documents.find((d) => d.key === hit.documentKey), index: index++ }));
    return [{ project, number: p + 1, rows }];
  });
}

interface Props {
  listId: string;
  query: string;
  search: SessionSearch;
  groups: HitGroup[];
  /** Whether every document's text has been extracted. */
  complete: boolean;
  active: number;
  onActive(index: number): void;
  onPick(row: HitRow): void;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

export function SearchResults({ listId, query, search, groups, complete, active, onActive, onPick }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector(`[id="${optionId(listId, active)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, active]);

  const count = groups.reduce((n, g) => n + g.rows.length, 0);
  const stale = search.state === 'ready' && search.query !== query.trim();
  return (
    <div className="search-popover" data-testid="session-search-panel">
      {search.state === 'ready' && !stale && search.alsoSearched.length > 0 && (
        <p className="search-popover-note muted" data-testid="session-search-also">
          {t.search.alsoSearched(search.alsoSearched)}
        </p>
      )}
      {search.state === 'searching' && <p className="search-popover-note">{t.search.searching}</p>}
      {search.state === 'error' && <p className="search-popover-note text-error">{userMessage(search.error)}</p>}
      {search.state === 'ready' && count === 0 && (
        <div className="search-empty" data-testid="session-search-empty">
          <p className="search-empty-title">{complete ? t.search.none : t.search.notReady}</p>
          <p className="muted">{complete ? t.search.noneHint : t.search.notReadyHint}</p>
        </div>
      )}
      {search.state === 'ready' && count > 0 && (
        <>
          <div className="search-popover-head">
            <span className="search-popover-count">{stale ? t.search.searching : t.search.count(count)}</span>
            {!complete && <span className="search-popover-warning">{t.search.incomplete}</span>}
          </div>
          <ul ref={listRef} id={listId} className="search-groups" role="listbox" aria-label={t.search.results}>
            {groups.map((g) => (
              <li key={g.project.id} role="presentation">
                <div className="search-group-title" aria-hidden="true">
                  <span className="search-group-number">{g.number}</span>
                  {g.project.name}
                </div>
                <ul role="group" aria-label={g.project.name}>
                  {g.rows.map((row) => (
                    <li
                      key={row.index}
                      id={optionId(listId, row.index)}
                      role="option"
                      aria-selected={row.index === active}
                      className={`search-result${row.index === active ? ' active' : ''}`}
                      // The field keeps the focus, so ↑ ↓ and Enter go on working after a click.
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseMove={() => row.index !== active && onActive(row.index)}
                      onClick={() => onPick(row)}
                      data-testid="session-search-result"
                      data-document-key={row.hit.documentKey}
                      data-page={row.hit.page}
                    >
                      <span className="search-result-place">
                        <span className="search-result-title">{row.hit.documentTitle}</span>
                        {pageLabel(row.hit.page, row.document) && ` · ${pageLabel(row.hit.page, row.document)}`}
                      </span>
                      <span className="search-result-snippet">
                        <Snippet text={row.hit.snippet} />
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p className="search-popover-keys muted" aria-hidden="true">
            {t.search.keys}
          </p>
        </>
      )}
    </div>
  );
}

/** The hit sits between 【 and 】: it becomes a <mark>; everything is text, never HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/【([^【】]*)】/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}
