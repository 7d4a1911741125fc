// Owns the header's 全文检索 field: Ctrl+Shift+F focuses it, ↑ ↓ choose a hit, Enter or a click opens that document at the
// page with the words found there, Esc closes the list. Enter pressed before the answer for the words typed has arrived waits
// for it and opens its first hit — never a hit of the previous words still on screen.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SessionDetail } from '../../../shared/domain';
import { isMod } from '../../lib/keys';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { useExtract } from '../../kernel/extract';
import { showPlace } from '../../kernel/showPlace';
import { groupHits, optionId, SearchResults, type HitRow } from './SearchResults';
import { answersQuery, useSessionSearch } from './useSessionSearch';

export function SessionSearch({ detail }: { detail: SessionDetail }) {
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  /** Enter came before the answer for `query`: open its first hit when it arrives. */
  const [enterPending, setEnterPending] = useState(false);
  const search = useSessionSearch(detail.id, query);
  const current = answersQuery(search, query);
  const complete = useExtract((s) => s.complete && s.sessionId === detail.id);
  const groups = useMemo(() => (search.state === 'ready' ? groupHits(search.hits, detail.projects) : []), [search, detail.projects]);
  const rows = useMemo(() => groups.flatMap((g) => g.rows), [groups]);

  useEffect(() => setActive(0), [rows]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isMod(e) || !e.shiftKey || e.altKey || e.key.toLowerCase() !== 'f') return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A click anywhere else, or Tab out of the field, closes the list.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const pick = (row: HitRow) => {
    setOpen(false);
    setEnterPending(false);
    // The viewer finds the words the list was found for, which may trail what is being typed (or a thesaurus word).
    if (search.state !== 'ready') return;
    showPlace(detail.projects, { documentKey: row.hit.documentKey, page: row.hit.page, query: row.hit.term ?? search.query });
  };

  useEffect(() => {
    if (!enterPending || !current) return;
    setEnterPending(false);
    if (rows[0]) pick(rows[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the awaited answer arrives
  }, [enterPending, current, rows]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      else if (rows.length > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : -1) + rows.length) % rows.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!current && query.trim() !== '') {
        setEnterPending(true);
        setOpen(true);
      } else if (open && rows[active]) pick(rows[active]);
      else setOpen(true);
    } else if (e.key === 'Escape' && (open || query)) {
      e.preventDefault();
      if (open) setOpen(false);
      else setQuery('');
    }
  };

  const expanded = open && query.trim() !== '';
  return (
    <div
      ref={rootRef}
      className="session-search"
      role="search"
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOpen(false)}
    >
      <label className="session-search-field">
        <Icon name="search" size={16} />
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && rows[active] ? optionId(listId, active) : undefined}
          value={query}
          maxLength={100}
          onChange={(e) => {
            setQuery(e.target.value);
            setEnterPending(false);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          placeholder={t.search.placeholder}
          aria-label={t.search.label}
          title={t.search.label}
          data-testid="session-search"
        />
      </label>
      {expanded && (
        <SearchResults
          listId={listId}
          query={query}
          search={search}
          groups={groups}
          complete={complete}
          active={active}
          onActive={setActive}
          onPick={pick}
        />
      )}
    </div>
  );
}
