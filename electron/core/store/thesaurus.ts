// Owns expanding a search with the domain thesaurus (等保 → 等级保护 …) and merging the hits of every term searched.
import type { SearchHit } from '../../../shared/domain';
import type { ReadDb } from './access';
import { searchSession } from './texts';
import { thesaurusGroups } from './thesaurusTerms';

/** Enough for the longest group; more words would only slow the search. */
const MAX_TERMS = 6;
const MAX_HITS = 100;

/**
 * The other words to search for `query`: the longest thesaurus term the query contains is replaced by each other term
 * of its group (等保测评 → 等级保护测评 …). Words containing the query or another such word are dropped: those find them.
 */
export function expandQuery(query: string): string[] {
  const q = query.trim();
  let best: { term: string; group: readonly string[] } | undefined;
  for (const group of thesaurusGroups)
    for (const term of group) if (q.includes(term) && term.length > (best?.term.length ?? 0)) best = { term, group };
  if (!best) return [];
  const { term, group } = best;
  const others = [...new Set(group.filter((t) => t !== term).map((t) => q.replace(term, t)))];
  // 网络安全等级保护 is found by searching 等级保护: only the shortest words need searching.
  return others.filter((t) => !t.includes(q) && !others.some((u) => u !== t && t.includes(u))).slice(0, MAX_TERMS - 1);
}

export interface ExpandedSearch {
  hits: SearchHit[];
  /** The thesaurus words searched besides the query (shown as 同时检索了 …). */
  alsoSearched: string[];
}

/** Searches the query and its thesaurus words; a page found by several is listed once, for the first word that found it. */
export function searchWithThesaurus(db: ReadDb, sessionId: string, query: string): ExpandedSearch {
  const q = query.trim();
  const alsoSearched = expandQuery(q);
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  for (const term of [q, ...alsoSearched])
    for (const hit of searchSession(db, sessionId, term)) {
      const key = `${hit.documentKey}:${hit.page}`;
      if (seen.has(key) || hits.length >= MAX_HITS) continue;
      seen.add(key);
      hits.push(term === q ? hit : { ...hit, term });
    }
  return { hits, alsoSearched };
}
