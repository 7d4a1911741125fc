// Owns asking search.session for the typed words: debounced, stale answers dropped, asked again when more text is extracted.
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/domain';
import { client } from '../../api';
import { useExtract } from '../extract/store';

const DEBOUNCE_MS = 250;
/** The contract's limit on a query's length. */
const MAX_QUERY = 100;

export type SessionSearch =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; query: string; hits: SearchHit[] };

export function useSessionSearch(sessionId: string, query: string): SessionSearch {
  const revision = useExtract((s) => s.revision);
  const [result, setResult] = useState<SessionSearch>({ state: 'idle' });

  useEffect(() => {
    const q = query.trim().slice(0, MAX_QUERY);
    if (!q) {
      setResult({ state: 'idle' });
      return;
    }
    let alive = true;
    // The previous answer stays on screen while the next one is on its way, so the list does not flicker as one types.
    setResult((r) => (r.state === 'ready' ? r : { state: 'searching' }));
    const timer = window.setTimeout(() => {
      client.call('search.session', { sessionId, query: q }).then(
        (hits) => alive && setResult({ state: 'ready', query: q, hits }),
        (error: unknown) => alive && setResult({ state: 'error', error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [sessionId, query, revision]);

  return result;
}
