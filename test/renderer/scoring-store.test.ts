// The score form's store (renderer/features/scoring/store.ts) under Node with a fake client and fake timers: autosave
// within 300 ms of the first unsaved change (not pushed back by typing), undo/redo snapshots, and a stale-version save.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ScoringStore from '../../renderer/features/scoring/store';
import type { Input, MethodName } from '../../shared/api';
import type { ApiError as ApiErrorClass } from '../../shared/client';
import { reviewSchema, type Review, type ReviewView } from '../../shared/scoring';

type Call = (name: MethodName, input: unknown) => Promise<unknown>;
const fake = vi.hoisted(() => ({ call: vi.fn<Call>() }));

// The real client needs a window (preload bridge or EventSource); the store only ever calls it.
vi.mock('../../renderer/api', async () => {
  const { ApiError: RealApiError } = await import('../../shared/client');
  return { client: { call: fake.call, on: () => () => undefined }, ApiError: RealApiError };
});

const SESSION = 's1';
const PROJECT = 'p1';

function review(): Review {
  return reviewSchema.parse({ projectId: PROJECT, expertId: 'e1', rubricFingerprint: 'a'.repeat(64) });
}

/** The parts of a ReviewView the store reads; the rest is the core's business. */
function view(version: number, r: Review = review()): ReviewView {
  return {
    review: r,
    version,
    savedAt: version ? `2027-03-05T10:00:0${version}Z` : null,
    state: 'in-progress',
    completedAt: null,
  } as Partial<ReviewView> as ReviewView;
}

type SaveInput = Input<'review.save'>;
const saves = (): SaveInput[] => fake.call.mock.calls.filter(([name]) => name === 'review.save').map(([, input]) => input as SaveInput);

let useScoring: typeof ScoringStore.useScoring;
/** The class the store tests with `instanceof`: the one of this test's fresh module graph. */
let ApiError: typeof ApiErrorClass;

/** Answers review.get with `initial` and every review.save with the next version of what was sent. */
function answerSaves(initial: ReviewView): void {
  let version = initial.version;
  fake.call.mockImplementation(async (name, input) => {
    if (name === 'review.get') return initial;
    if (name === 'review.save') return view(++version, (input as SaveInput).review as Review);
    return null;
  });
}

async function loaded(initial = view(1)): Promise<void> {
  answerSaves(initial);
  await useScoring.getState().load(SESSION, PROJECT);
  expect(useScoring.getState().loadStatus).toBe('ready');
}

const setOverall = (text: string) => useScoring.getState().edit((r) => ({ ...r, overallOpinion: text }), 'overall');

beforeEach(async () => {
  // The store keeps its timer and in-flight save in module scope: a fresh module per test.
  vi.resetModules();
  vi.useFakeTimers();
  fake.call.mockReset();
  ({ useScoring } = await import('../../renderer/features/scoring/store'));
  ({ ApiError } = await import('../../renderer/api'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves within 300 ms of the first unsaved change, and further typing does not push the save back', async () => {
    await loaded();
    setOverall('符');
    expect(useScoring.getState().saveStatus).toBe('saving');
    await vi.advanceTimersByTimeAsync(200);
    setOverall('符合');
    await vi.advanceTimersByTimeAsync(99);
    expect(saves()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    // At 300 ms after the first keystroke, not 300 ms after the last: one save carrying the newest draft.
    expect(saves()).toEqual([
      { sessionId: SESSION, projectId: PROJECT, review: expect.objectContaining({ overallOpinion: '符合' }), baseVersion: 1 },
    ]);
    expect(useScoring.getState().saveStatus).toBe('saved');
    expect(useScoring.getState().view?.version).toBe(2);
  });

  it('steady typing is stored every 300 ms, each save naming the version the previous one produced', async () => {
    await loaded();
    for (let i = 1; i <= 9; i++) {
      setOverall('意'.repeat(i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves().map((s) => [s.baseVersion, (s.review as Review).overallOpinion.length])).toEqual([
      [1, 3],
      [2, 6],
      [3, 9],
    ]);
  });

  it('an edit while a save is in flight is saved after it, with the newest draft and the version that save answered', async () => {
    let answer: (v: ReviewView) => void = () => undefined;
    fake.call.mockImplementation(async (name, input) => {
      if (name === 'review.get') return view(1);
      if (name === 'review.save' && (input as SaveInput).baseVersion === 1) return new Promise((resolve) => (answer = resolve));
      if (name === 'review.save') return view(3, (input as SaveInput).review as Review);
      return null;
    });
    await useScoring.getState().load(SESSION, PROJECT);
    setOverall('第一稿');
    await vi.advanceTimersByTimeAsync(300);
    setOverall('第二稿');
    await vi.advanceTimersByTimeAsync(300);
    expect(saves()).toHaveLength(1);
    answer(view(2, { ...review(), overallOpinion: '第一稿' }));
    await useScoring.getState().flush();
    expect(saves().map((s) => [s.baseVersion, (s.review as Review).overallOpinion])).toEqual([
      [1, '第一稿'],
      [2, '第二稿'],
    ]);
    expect(useScoring.getState().view?.version).toBe(3);
  });

  it('nothing is saved without a change', async () => {
    await loaded();
    await vi.advanceTimersByTimeAsync(5000);
    await useScoring.getState().flush();
    expect(saves()).toHaveLength(0);
  });
});

describe('undo and redo', () => {
  it('keystrokes in one field within a second make one undo step; another field starts a new one', async () => {
    await loaded();
    setOverall('a');
    await vi.advanceTimersByTimeAsync(100);
    setOverall('ab');
    useScoring.getState().edit((r) => ({ ...r, familiarity: 'familiar' }), 'familiarity');
    expect(useScoring.getState().past.map((r) => [r.overallOpinion, r.familiarity])).toEqual([
      ['', null],
      ['ab', null],
    ]);
    await vi.advanceTimersByTimeAsync(1500);
    setOverall('abc');
    expect(useScoring.getState().past).toHaveLength(3);
  });

  it('undo restores the previous snapshot and redo the undone one; both are saved like edits', async () => {
    await loaded();
    setOverall('第一句');
    await vi.advanceTimersByTimeAsync(1500);
    setOverall('第一句。第二句');
    await vi.advanceTimersByTimeAsync(300);
    const before = saves().length;

    useScoring.getState().undo();
    expect(useScoring.getState().draft?.overallOpinion).toBe('第一句');
    expect(useScoring.getState().future.map((r) => r.overallOpinion)).toEqual(['第一句。第二句']);
    await vi.advanceTimersByTimeAsync(300);
    expect(saves()).toHaveLength(before + 1);
    expect((saves().at(-1)!.review as Review).overallOpinion).toBe('第一句');

    useScoring.getState().redo();
    expect(useScoring.getState().draft?.overallOpinion).toBe('第一句。第二句');
    expect(useScoring.getState().future).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect((saves().at(-1)!.review as Review).overallOpinion).toBe('第一句。第二句');
  });

  it('a new edit after undo clears the redo list; undo with nothing to undo changes nothing', async () => {
    await loaded();
    useScoring.getState().undo();
    expect(useScoring.getState().draft?.overallOpinion).toBe('');
    expect(useScoring.getState().saveStatus).toBe('idle');
    setOverall('甲');
    await vi.advanceTimersByTimeAsync(1500);
    setOverall('乙');
    useScoring.getState().undo();
    expect(useScoring.getState().future).toHaveLength(1);
    useScoring.getState().edit((r) => ({ ...r, familiarity: 'general' }), 'familiarity');
    expect(useScoring.getState().future).toEqual([]);
    expect(useScoring.getState().draft).toMatchObject({ overallOpinion: '甲', familiarity: 'general' });
  });

  it('undo after the snapshots from a complete / reopen does not go back past them', async () => {
    await loaded();
    setOverall('草稿');
    await vi.advanceTimersByTimeAsync(300);
    useScoring.getState().setView(view(5, { ...review(), overallOpinion: '已完成' }));
    expect(useScoring.getState().past).toEqual([]);
    useScoring.getState().undo();
    expect(useScoring.getState().draft?.overallOpinion).toBe('已完成');
  });
});

describe('stale version', () => {
  it('a save refused as stale-version shows 保存失败, takes the stored version, keeps the draft, and 重试 saves it over that version', async () => {
    const theirs = view(4, { ...review(), overallOpinion: '另一窗口的意见' });
    fake.call.mockImplementation(async (name, input) => {
      if (name === 'review.get') return fake.call.mock.calls.filter(([n]) => n === 'review.get').length === 1 ? view(1) : theirs;
      if (name === 'review.save' && (input as SaveInput).baseVersion === 1)
        throw new ApiError({ code: 'stale-version', message: '该评审已在其他窗口修改' });
      if (name === 'review.save') return view(5, (input as SaveInput).review as Review);
      return null;
    });
    await useScoring.getState().load(SESSION, PROJECT);
    setOverall('我的意见');
    await vi.advanceTimersByTimeAsync(300);
    // The refusal shows at once; the stored version arrives with the review.get that follows it.
    expect(useScoring.getState().saveStatus).toBe('failed');
    await vi.waitFor(() => expect(useScoring.getState().view?.version).toBe(4));

    const state = useScoring.getState();
    expect(state.saveError).toBeInstanceOf(ApiError);
    expect(state.draft?.overallOpinion).toBe('我的意见');
    // A failed save is not retried on its own: the status offers 重试.
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves()).toHaveLength(1);

    await useScoring.getState().flush();
    expect(saves().at(-1)).toMatchObject({ baseVersion: 4, review: { overallOpinion: '我的意见' } });
    expect(useScoring.getState().saveStatus).toBe('saved');
    expect(useScoring.getState().view?.version).toBe(5);
  });

  it('flush rejects with the refusal, so 完成评审 does not go on after a failed save', async () => {
    fake.call.mockImplementation(async (name) => {
      if (name === 'review.get') return view(1);
      if (name === 'review.save') throw new ApiError({ code: 'stale-version', message: '该评审已在其他窗口修改' });
      return null;
    });
    await useScoring.getState().load(SESSION, PROJECT);
    setOverall('我的意见');
    await expect(useScoring.getState().complete({ sessionId: SESSION, projectId: PROJECT })).rejects.toMatchObject({
      code: 'stale-version',
    });
    expect(fake.call.mock.calls.map(([name]) => name)).not.toContain('review.complete');
  });

  it('refuses 完成评审 while a field holds a refused value, naming where, and goes on once it is corrected', async () => {
    await loaded();
    useScoring.getState().setInvalid('score.necessity.n1', { text: '7.3', where: '必要性 · 需求分析' });
    expect(useScoring.getState().invalid).toEqual({ 'score.necessity.n1': { text: '7.3', where: '必要性 · 需求分析' } });
    await expect(useScoring.getState().complete({ sessionId: SESSION, projectId: PROJECT })).rejects.toMatchObject({
      code: 'invalid-input',
      message: '1 处输入无效，未保存，请先改正：必要性 · 需求分析',
    });
    expect(fake.call.mock.calls.map(([name]) => name)).not.toContain('review.complete');

    useScoring.getState().setInvalid('score.necessity.n1', null);
    await useScoring
      .getState()
      .complete({ sessionId: SESSION, projectId: PROJECT })
      .catch(() => undefined);
    expect(fake.call.mock.calls.map(([name]) => name)).toContain('review.complete');
  });

  it('tracks each field whose typed value waits for the pause once, and releases it', async () => {
    await loaded();
    useScoring.getState().setTyping('score.necessity.n1', true);
    useScoring.getState().setTyping('score.necessity.n1', true);
    expect(useScoring.getState().typing).toEqual(['score.necessity.n1']);
    useScoring.getState().setTyping('score.necessity.n1', false);
    expect(useScoring.getState().typing).toEqual([]);
  });
});

describe('a save the core refuses', () => {
  it('marks the status failed with the core’s Chinese reason (e.g. 确认身份 not yet done), keeps the draft, and saves it on retry', async () => {
    await loaded();
    const reason = '请先确认评审专家身份：本评审包附有专家名单，请在“评分”页从名单中选择您的姓名并确认，再评分、完成评审或签名。';
    fake.call.mockImplementation(async (name) => {
      if (name === 'review.save') throw new ApiError({ code: 'invalid-input', message: reason });
      return null;
    });
    setOverall('符合');
    await vi.advanceTimersByTimeAsync(400);
    const { userMessage } = await import('../../renderer/lib/errors');
    expect(useScoring.getState()).toMatchObject({ saveStatus: 'failed', savedAt: view(1).savedAt });
    expect(userMessage(useScoring.getState().saveError)).toBe(reason);
    expect(useScoring.getState().draft?.overallOpinion).toBe('符合');

    answerSaves(view(1));
    await useScoring.getState().flush();
    expect(useScoring.getState().saveStatus).toBe('saved');
    expect(saves().at(-1)?.review.overallOpinion).toBe('符合');
  });
});
