// Owns asking search.session for the typed words: debounced, stale answers dropped, asked again when more text is extracted.
import { useRef } from 'react';
import type { SearchHit } from '../../../shared/domain';
import { useExtract } from '../../kernel/extract';
import { useRemote, type OptionalRemote } from '../../lib/useRemote';

const DEBOUNCE_MS = 250;
/** The contract's limit on a query's length. */
const MAX_QUERY = 100;

export type SessionSearch =
  { state: 'idle' } | { state: 'searching' } | { state: 'error'; error: unknown } | { state: 'ready'; query: string; hits: SearchHit[] };

export function useSessionSearch(sessionId: string, query: string): SessionSearch {
  const revision = useExtract((s) => s.revision);
  const q = query.trim().slice(0, MAX_QUERY);
  const remote = useRemote('search.session', q ? { sessionId, query: q } : null, [revision], { delayMs: DEBOUNCE_MS });
  // Mapped once per answer (the same object until the next one), so what depends on it does not recompute as one types.
  const shown = useRef<{ remote: OptionalRemote<SearchHit[]>; search: SessionSearch } | null>(null);
  if (shown.current?.remote !== remote) shown.current = { remote, search: toSearch(remote, q, shown.current?.search) };
  return shown.current.search;
}

function toSearch(remote: OptionalRemote<SearchHit[]>, query: string, before: SessionSearch | undefined): SessionSearch {
  switch (remote.state) {
    case 'idle':
      return { state: 'idle' };
    // The previous answer stays on screen while the next one is on its way, so the list does not flicker as one types.
    case 'loading':
      return before?.state === 'ready' ? before : { state: 'searching' };
    case 'error':
      return { state: 'error', error: remote.error };
    case 'ready':
      return { state: 'ready', query, hits: remote.value };
  }
}
