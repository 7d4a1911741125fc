// Owns the history hash chain (防篡改修改记录): each change of a review linked to the one before, so removing, reordering or editing any entry changes the head.
//
// hash_0 = 64 zeros; hash_i = SHA-256(bytes(hash_{i−1}) ‖ JCS(entry_i)), hex. SHA-256 for both signature algorithms:
// the chain is not a signature, the result file's signature (SM2/SM3 or ECDSA/SHA-256) covers its head, and one
// hash keeps every result file checkable the same way. The entry hashed is the history row without its `hash`.
import { createHash } from 'node:crypto';
import type { ReviewHistoryEntry } from '../../../shared/scoring';
import { jcs } from '../kernel/jcs';

export const chainGenesis = '0'.repeat(64);

/** A history row with the chain hash after it (链式哈希). */
export type ChainedEntry = ReviewHistoryEntry & { hash: string };

function link(previous: string, entry: ReviewHistoryEntry): string {
  const { at, expertId, field, before, after, kind } = entry;
  return createHash('sha256').update(Buffer.from(previous, 'hex')).update(jcs({ at, expertId, field, before, after, kind })).digest('hex');
}

/** Chains entries oldest first; `head` is the last hash (the genesis for an empty history). */
export function chainHistory(entries: readonly ReviewHistoryEntry[]): { entries: ChainedEntry[]; head: string } {
  let head = chainGenesis;
  const chained = entries.map((entry) => {
    head = link(head, entry);
    return {
      at: entry.at,
      expertId: entry.expertId,
      field: entry.field,
      before: entry.before,
      after: entry.after,
      kind: entry.kind,
      hash: head,
    };
  });
  return { entries: chained, head };
}

/** Just the head of a history's chain: what a seal or a result file names. */
export function historyChainHead(entries: readonly ReviewHistoryEntry[]): string {
  return chainHistory(entries).head;
}

/** Recomputes the chain: `brokenAt` is the first entry whose stored hash is wrong, or `entries.length` when only the head differs. */
export function verifyChain(entries: readonly ChainedEntry[], head: string): { ok: boolean; brokenAt: number | null } {
  let previous = chainGenesis;
  for (const [i, entry] of entries.entries()) {
    previous = link(previous, entry);
    if (previous !== entry.hash) return { ok: false, brokenAt: i };
  }

  return previous === head ? { ok: true, brokenAt: null } : { ok: false, brokenAt: entries.length };
}
