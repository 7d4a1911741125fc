// The pure parts of "what you see is what is stored" and of the desk layout: a typed score reaches the review only when
// valid and paused on (typedCommit), refused input is kept per review and read back defensively (invalidDrafts), the
// opinion length limits (overLongText), and the remembered layout (deskLayout) read from hostile storage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clampFormWidth, FORM_MIN, parseDeskLayout, SIDEBAR_WIDTH, DOCUMENT_MIN } from '../../renderer/app/session/deskLayout';
import {
  readInvalidDrafts,
  withInvalidDraft,
  writeInvalidDrafts,
  type DraftStorage,
  type InvalidDrafts,
} from '../../renderer/features/scoring/invalidDrafts';
import { COMMIT_DELAY_MS, createTypedCommitter } from '../../renderer/features/scoring/typedCommit';
import { overLongText, parseScore, textLength } from '../../shared/scoreInput';
import { reviewSchema } from '../../shared/scoring';

const criterion = { name: '需求分析', maxPoints: 10 };

describe('typed scores reach the review only when valid and paused on', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Types `text` one character at a time, `gapMs` apart, as the field would read each prefix. */
  function type(committer: ReturnType<typeof createTypedCommitter>, text: string, gapMs: number) {
    for (let i = 1; i <= text.length; i++) {
      committer.typed(parseScore(text.slice(0, i), criterion));
      vi.advanceTimersByTime(gapMs);
    }
  }

  it('never commits the 7 on the way to 7.3, nor the 1 on the way to 150', () => {
    const commits: (number | null)[] = [];
    const committer = createTypedCommitter((v) => commits.push(v));
    type(committer, '7.3', 120);
    type(committer, '150', 120);
    vi.advanceTimersByTime(COMMIT_DELAY_MS * 3);
    committer.flush();
    expect(commits).toEqual([]);
  });

  it('commits a valid value once after the pause, at once on flush, and not after a cancel', () => {
    const commits: (number | null)[] = [];
    const pending: boolean[] = [];
    const committer = createTypedCommitter(
      (v) => commits.push(v),
      (p) => pending.push(p),
    );
    type(committer, '7.5', 120);
    expect(commits).toEqual([]);
    vi.advanceTimersByTime(COMMIT_DELAY_MS);
    expect(commits).toEqual([7.5]);

    committer.typed(parseScore('8', criterion));
    committer.flush();
    committer.flush();
    expect(commits).toEqual([7.5, 8]);

    committer.typed(parseScore('', criterion));
    committer.cancel();
    vi.advanceTimersByTime(COMMIT_DELAY_MS * 2);
    expect(commits).toEqual([7.5, 8]);
    // Every pending value was announced and then released, so the status never stays on 保存中….
    expect(pending.filter((p) => p).length).toBe(pending.filter((p) => !p).length);
  });

  it('a refused text after a pending valid one drops it (4 then 4.3)', () => {
    const commits: (number | null)[] = [];
    const committer = createTypedCommitter((v) => commits.push(v));
    committer.typed(parseScore('4', criterion));
    committer.typed(parseScore('4.3', criterion));
    vi.advanceTimersByTime(COMMIT_DELAY_MS * 2);
    committer.flush();
    expect(commits).toEqual([]);
  });
});

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('refused input kept per review', () => {
  it('round-trips, keeps reviews apart, and removes the entry when the last draft is cleared', () => {
    const storage = memoryStorage();
    let drafts: InvalidDrafts = {};
    drafts = withInvalidDraft(drafts, 'score.necessity.n1', { text: '7.3', where: '建设必要性 · 需求分析' });
    drafts = withInvalidDraft(drafts, 'score.cost.c1', { text: '150', where: '经济合理性 · 投资估算' });
    writeInvalidDrafts(storage, 's1', 'p1', drafts);
    expect(readInvalidDrafts(storage, 's1', 'p1')).toEqual(drafts);
    expect(readInvalidDrafts(storage, 's1', 'p2')).toEqual({});

    expect(withInvalidDraft(drafts, 'score.cost.c1', { text: '150', where: '经济合理性 · 投资估算' })).toBe(drafts);
    expect(withInvalidDraft(drafts, 'missing', null)).toBe(drafts);
    drafts = withInvalidDraft(withInvalidDraft(drafts, 'score.necessity.n1', null), 'score.cost.c1', null);
    writeInvalidDrafts(storage, 's1', 'p1', drafts);
    expect(storage.data.size).toBe(0);
  });

  it('reads malformed, wrong-shaped, oversized or throwing storage as no drafts', () => {
    const storage = memoryStorage();
    const key = 'rd.invalid-drafts.s1.p1';
    for (const raw of [
      '{',
      'null',
      '[1,2]',
      '"x"',
      '{"a":{"text":1,"where":"w"}}',
      JSON.stringify({ a: { text: 'x'.repeat(201), where: 'w' } }),
    ]) {
      storage.data.set(key, raw);
      expect(readInvalidDrafts(storage, 's1', 'p1')).toEqual({});
    }
    storage.data.set(key, JSON.stringify({ good: { text: '9.9', where: '某处' }, bad: { text: '1' } }));
    expect(readInvalidDrafts(storage, 's1', 'p1')).toEqual({ good: { text: '9.9', where: '某处' } });

    const throwing: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(readInvalidDrafts(throwing, 's1', 'p1')).toEqual({});
    expect(() => writeInvalidDrafts(throwing, 's1', 'p1', { a: { text: '1', where: 'w' } })).not.toThrow();
    expect(readInvalidDrafts(null, 's1', 'p1')).toEqual({});
  });
});

describe('opinion length limits', () => {
  const review = reviewSchema.parse({ projectId: 'p1', expertId: 'local', rubricFingerprint: 'a'.repeat(64) });
  const names = { dimension: () => '建设必要性', chapter: () => '需求分析', line: () => '服务器' };

  it('counts code points, accepts the limit and names the first field past it', () => {
    expect(textLength('𠀀评')).toBe(2);
    const at = { ...review, dimensions: { necessity: { scores: {}, opinion: '评'.repeat(2000), lowScoreReason: '' } } };
    expect(overLongText(at, names)).toBeNull();
    const over = { ...review, dimensions: { necessity: { scores: {}, opinion: '评'.repeat(1999) + '𠀀𠀀', lowScoreReason: '' } } };
    expect(overLongText(over, names)).toBe('「建设必要性」评审意见共 2001 字，超过上限 2000 字，未保存。请精简到 2000 字以内。');
    expect(overLongText({ ...review, chapterOpinions: { c1: '章'.repeat(2001) } }, names)).toMatch(/^篇章意见「需求分析」共 2001 字/);
    expect(overLongText({ ...review, investment: { l1: { approvedFen: null, reason: '减'.repeat(2001) } } }, names)).toMatch(
      /^「服务器」核减理由/,
    );
    expect(overLongText({ ...review, overallOpinion: '总'.repeat(5000) }, names)).toBeNull();
    expect(overLongText({ ...review, overallOpinion: '总'.repeat(5001) }, names)).toMatch(/^总体评审意见共 5001 字/);
  });
});

describe('remembered desk layout', () => {
  it('reads hostile stored values field by field as the defaults', () => {
    expect(parseDeskLayout(null)).toEqual({ scoreView: 'side', formWidth: 560, sidebarCollapsed: false });
    expect(parseDeskLayout('{')).toEqual(parseDeskLayout(null));
    expect(parseDeskLayout('{"scoreView":"bogus","formWidth":"900","sidebarCollapsed":1}')).toEqual(parseDeskLayout(null));
    expect(parseDeskLayout('{"scoreView":"table","formWidth":612,"sidebarCollapsed":true}')).toEqual({
      scoreView: 'table',
      formWidth: 612,
      sidebarCollapsed: true,
    });
  });

  it('clamps the form width to what leaves the document pane its minimum', () => {
    expect(clampFormWidth(100, 1366, false)).toBe(FORM_MIN);
    expect(clampFormWidth(5000, 1366, false)).toBe(1366 - SIDEBAR_WIDTH.open - DOCUMENT_MIN);
    expect(clampFormWidth(5000, 1366, true)).toBe(1366 - SIDEBAR_WIDTH.collapsed - DOCUMENT_MIN);
    expect(clampFormWidth(Number.NaN, 1920, false)).toBe(560);
    // A window too narrow for both still gives the form its minimum.
    expect(clampFormWidth(600, 500, false)).toBe(FORM_MIN);
  });
});
