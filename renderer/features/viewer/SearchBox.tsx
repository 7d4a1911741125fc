// Owns the viewers' find box: query, 共 N 处, previous/next (the viewer store's current hit), Enter / Shift+Enter, Ctrl+F focus.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { useViewer } from './store';

const onNext = () => useViewer.getState().stepHit(1);
const onPrev = () => useViewer.getState().stepHit(-1);

/** Steps through the hits the open viewer's find reports in the viewer store (setHits); the viewer shows the current one. */
export function SearchBox() {
  const inputRef = useRef<HTMLInputElement>(null);
  const query = useViewer((s) => s.query);
  const hitCount = useViewer((s) => s.hitCount);
  const hitIndex = useViewer((s) => s.hitIndex);
  const progress = useViewer((s) => s.searchProgress);
  const setQuery = useViewer((s) => s.setQuery);
  const focusRequest = useViewer((s) => s.findFocusRequest);

  useEffect(() => {
    if (focusRequest === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.shiftKey) onPrev();
      else onNext();
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  const status = !query.trim()
    ? ''
    : progress
      ? t.viewer.searching(progress.done, progress.total)
      : hitCount === 0
        ? t.viewer.searchNone
        : t.viewer.searchCount(hitCount);

  return (
    <div className="toolbar-group search-box" role="search">
      <label className="search-field">
        <Icon name="search" size={16} />
        <input
          ref={inputRef}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t.viewer.searchPlaceholder}
          aria-label={t.viewer.searchLabel}
          data-testid="search-input"
        />
      </label>
      <span className={`search-count${query && hitCount === 0 && !progress ? ' none' : ''}`} aria-live="polite" data-testid="search-count">
        {status}
        {hitCount > 0 && hitIndex >= 0 && (
          <span className="search-position">
            （{hitIndex + 1}/{hitCount}）
          </span>
        )}
      </span>
      <button
        type="button"
        className="tool-btn"
        onClick={onPrev}
        disabled={hitCount === 0}
        title={t.viewer.searchPrev}
        aria-label={t.viewer.searchPrev}
        data-testid="search-prev"
      >
        <Icon name="up" />
      </button>
      <button
        type="button"
        className="tool-btn"
        onClick={onNext}
        disabled={hitCount === 0}
        title={t.viewer.searchNext}
        aria-label={t.viewer.searchNext}
        data-testid="search-next"
      >
        <Icon name="down" />
      </button>
    </div>
  );
}
