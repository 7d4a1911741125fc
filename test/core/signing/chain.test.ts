// The history hash chain: recomputes to its head, and detects a removed, reordered or edited entry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainGenesis, chainHistory, historyChainHead, verifyChain } from '../../../electron/core/signing/chain';
import type { ReviewHistoryEntry } from '../../../shared/scoring';

const history: ReviewHistoryEntry[] = [
  { at: '2027-03-05T09:00:01.000Z', expertId: 'local', field: 'conflict.hasConflict', before: null, after: false, kind: 'edit' },
  { at: '2027-03-05T09:00:02.000Z', expertId: 'local', field: 'dimensions.necessity.scores.n1', before: null, after: 8.5, kind: 'edit' },
  { at: '2027-03-05T09:00:03.000Z', expertId: 'local', field: 'overallOpinion', before: '', after: '同意立项。', kind: 'edit' },
  {
    at: '2027-03-05T09:00:04.000Z',
    expertId: 'local',
    field: 'completedAt',
    before: null,
    after: '2027-03-05T09:00:04.000Z',
    kind: 'complete',
  },
];

describe('history chain', () => {
  it('is deterministic, starts at the genesis and verifies', () => {
    const a = chainHistory(history);
    expect(chainHistory(history)).toEqual(a);
    expect(chainHistory([]).head).toBe(chainGenesis);
    expect(a.head).toBe(a.entries[3]!.hash);
    expect(historyChainHead(history)).toBe(a.head);
    expect(new Set(a.entries.map((e) => e.hash)).size).toBe(4);
    expect(verifyChain(a.entries, a.head)).toEqual({ ok: true, brokenAt: null });
  });

  it('detects a removed entry (middle or last), a reordering and an edited value', () => {
    const { entries, head } = chainHistory(history);
    expect(verifyChain([entries[0]!, entries[2]!, entries[3]!], head)).toEqual({ ok: false, brokenAt: 1 });
    expect(verifyChain(entries.slice(0, 3), head)).toEqual({ ok: false, brokenAt: 3 });
    expect(verifyChain([entries[1]!, entries[0]!, entries[2]!, entries[3]!], head)).toEqual({ ok: false, brokenAt: 0 });
    expect(
      verifyChain(
        entries.map((e, i) => (i === 2 ? { ...e, after: '不同意立项。' } : e)),
        head,
      ),
    ).toEqual({ ok: false, brokenAt: 2 });
    // Rewriting the whole chain consistently still changes the head the signature covers.
    const rewritten = chainHistory(history.map((e, i) => (i === 1 ? { ...e, after: 9 } : e)));
    expect(verifyChain(rewritten.entries, head).ok).toBe(false);
  });

  it('any single change to any field of any entry breaks it (property)', () => {
    const { entries, head } = chainHistory(history);
    const fields = ['at', 'expertId', 'field', 'before', 'after', 'kind'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: entries.length - 1 }),
        fc.constantFrom(...fields),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        (i, field, value) => {
          fc.pre(JSON.stringify(entries[i]![field]) !== JSON.stringify(value));
          const changed = entries.map((e, j) => (j === i ? { ...e, [field]: value } : e));
          expect(verifyChain(changed, head).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
