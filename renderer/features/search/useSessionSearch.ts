// Owns asking search.session for the typed words: debounced, stale answers dropped, asked again when more text is extracted;
// and telling whether the answer on screen is the one for the words now typed (the previous one stays while the next loads).
import { useRef } from 'react';
import type { SearchHit, SessionSearchResult } from '../../../shared/domain';
import { useExtract } from '../../kernel/extract';
import { useRemote, type OptionalRemote } from '../../lib/useRemote';

const DEBOUNCE_MS = 250;
/** The contract's limit on a query's length. */
const MAX_QUERY = 100;

export type SessionSearch =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'error'; error: unknown }
  /** `alsoSearched`: the thesaurus words searched besides the query (等保 → 等级保护). */
  | { state: 'ready'; query: string; hits: SearchHit[]; alsoSearched: string[] };

export function useSessionSearch(sessionId: string, query: string): SessionSearch {
  const revision = useExtract((s) => s.revision);
  const q = searchedWords(query);
  const remote = useRemote('search.session', q ? { sessionId, query: q } : null, [revision], { delayMs: DEBOUNCE_MS });
  // Mapped once per answer (the same object until the next one), so what depends on it does not recompute as one types.
  const shown = useRef<{ remote: OptionalRemote<SessionSearchResult>; search: SessionSearch } | null>(null);
  if (shown.current?.remote !== remote) shown.current = { remote, search: toSearch(remote, q, shown.current?.search) };
  return shown.current.search;
}

/** What is sent for the typed text: trimmed, at most the contract's length. */
export const searchedWords = (query: string): string => query.trim().slice(0, MAX_QUERY);

/** True when `search` is the answer for `query` as typed now, not the previous query's answer kept on screen meanwhile. */
export function answersQuery(search: SessionSearch, query: string): search is Extract<SessionSearch, { state: 'ready' }> {
  return search.state === 'ready' && search.query === searchedWords(query);
}

function toSearch(remote: OptionalRemote<SessionSearchResult>, query: string, before: SessionSearch | undefined): SessionSearch {
  switch (remote.state) {
    case 'idle':
      return { state: 'idle' };
    // The previous answer stays on screen while the next one is on its way, so the list does not flicker as one types.
    case 'loading':
      return before?.state === 'ready' ? before : { state: 'searching' };
    case 'error':
      return { state: 'error', error: remote.error };
    case 'ready':
      return { state: 'ready', query, hits: remote.value.hits, alsoSearched: remote.value.alsoSearched };
  }
}
