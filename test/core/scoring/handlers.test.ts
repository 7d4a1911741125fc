// The scoring calls through the dispatcher on a real store: save and reload, history, stale versions, completion, reopening, overview.
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import type { Envelope } from '../../../shared/api';
import type { ProjectOverview, Review, ReviewHistoryEntry, ReviewView } from '../../../shared/scoring';
import { quietHost, tempDir, writeMinimalPackage } from '../../helpers/core';
import { callCore } from '../../../electron/core/api/call';
import { confirmIdentity } from '../sampleSession';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

let clock = Date.parse('2027-03-05T09:00:00Z');
async function start(dataDir = tempDir()): Promise<{ core: Core; dataDir: string; sessionId: string }> {
  const core = await openCore(quietHost(dataDir), () => new Date((clock += 1000)));
  cores.push(core);
  const listed = await ok<{ id: string }[]>(core, 'session.list', {});
  if (listed.length) return { core, dataDir, sessionId: listed[0]!.id };
  const folder = await writeMinimalPackage(tempDir());
  const summary = await ok<{ id: string }>(core, 'package.import', { jobId: 'j', source: { kind: 'path', path: folder } });
  // The package's roster names 张三: the expert confirms that entry (确认身份) before scoring.
  await ok(core, 'expert.save', { name: '张三', title: '高级工程师', employer: '某设计院', phone: '023-1234' });
  await confirmIdentity(core, summary.id);
  await ok(core, 'session.commitment.accept', { sessionId: summary.id });
  return { core, dataDir, sessionId: summary.id };
}

const ok = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

/** Every field the completeness check asks for, filled; sub-criteria scored at their maximum minus a half. */
function completeReview(view: ReviewView): Review {
  const rubric = view.rubric.rubric;
  return {
    ...view.review,
    conflict: { hasConflict: false, note: '' },
    familiarity: 'familiar',
    dimensions: Object.fromEntries(
      rubric.dimensions.map((d) => [
        d.id,
        { scores: Object.fromEntries(d.subCriteria.map((c) => [c.id, c.maxPoints - 0.5])), opinion: `${d.name}意见`, lowScoreReason: '' },
      ]),
    ),
    chapterOpinions: Object.fromEntries(view.chapters.map((c) => [c.id, `${c.title}已审阅`])),
    vetoRulings: Object.fromEntries(view.vetoes.filter((v) => v.state === 'pending').map((v) => [v.veto.id, false])),
    overallOpinion: '同意该项目。',
  };
}

describe('review calls', () => {
  it('saves, reloads after a restart, and records one history row per changed field', async () => {
    const { core, dataDir, sessionId } = await start();
    const empty = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    expect(empty).toMatchObject({ version: 0, savedAt: null, state: 'not-started', missing: [{ target: { field: 'conflict' } }] });
    expect(empty.review.expertId).toBe('local');

    const first = empty.rubric.rubric.dimensions[0]!.subCriteria[0];
    const review: Review = {
      ...empty.review,
      conflict: { hasConflict: false, note: '' },
      dimensions: { [empty.rubric.rubric.dimensions[0]!.id]: { scores: { [first!.id]: 2.5 }, opinion: '', lowScoreReason: '' } },
    };
    const saved = await ok<ReviewView>(core, 'review.save', { sessionId, projectId: 'p1', review, baseVersion: 0 });
    expect(saved).toMatchObject({ version: 1, state: 'in-progress' });
    expect(saved.totals.total).toBe(2.5);

    const changed: Review = { ...saved.review, overallOpinion: '总体可行' };
    await ok(core, 'review.save', { sessionId, projectId: 'p1', review: changed, baseVersion: 1 });
    core.close();
    cores.length = 0;

    const again = (await start(dataDir)).core;
    const reloaded = await ok<ReviewView>(again, 'review.get', { sessionId, projectId: 'p1' });
    expect(reloaded.review).toEqual(changed);
    expect(reloaded.version).toBe(2);
    const history = await ok<ReviewHistoryEntry[]>(again, 'review.history', { sessionId, projectId: 'p1' });
    const dim = empty.rubric.rubric.dimensions[0]!.id;
    expect(history.filter((h) => h.kind === 'edit').map((h) => [h.field, h.before, h.after])).toEqual(
      expect.arrayContaining([
        ['conflict.hasConflict', null, false],
        [`dimensions.${dim}.scores.${first!.id}`, null, 2.5],
        ['overallOpinion', '', '总体可行'],
      ]),
    );
    // The second save changed one field only.
    expect(history.filter((h) => h.field === 'overallOpinion')).toHaveLength(1);
    expect(history.every((h) => h.expertId === 'local')).toBe(true);
    expect(history.some((h) => h.field === 'conflict')).toBe(false);
  });

  it('refuses a save based on a stale version, changing nothing', async () => {
    const { core, sessionId } = await start();
    const view = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    await ok(core, 'review.save', { sessionId, projectId: 'p1', review: { ...view.review, overallOpinion: '甲' }, baseVersion: 0 });
    const stale = (await core.dispatch('review.save', {
      sessionId,
      projectId: 'p1',
      review: { ...view.review, overallOpinion: '乙' },
      baseVersion: 0,
    })) as Envelope<never>;
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale-version' } });
    expect((await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' })).review.overallOpinion).toBe('甲');
    const wrongRubric = (await core.dispatch('review.save', {
      sessionId,
      projectId: 'p1',
      review: { ...view.review, rubricFingerprint: '0'.repeat(64) },
      baseVersion: 1,
    })) as Envelope<never>;
    expect(wrongRubric).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses completion with the Chinese missing list, then completes, refuses edits, and records a reopening', async () => {
    const { core, sessionId } = await start();
    const view = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    await ok(core, 'review.save', {
      sessionId,
      projectId: 'p1',
      review: { ...view.review, conflict: { hasConflict: false, note: '' } },
      baseVersion: 0,
    });
    const refused = (await core.dispatch('review.complete', { sessionId, projectId: 'p1' })) as Envelope<never>;
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid-input');
    expect(refused.error.message).toMatch(/暂不能完成评审/);
    expect(refused.error.problems?.[0]).toEqual({
      code: 'missing',
      message: '尚未选择对项目所属领域的熟悉程度',
      path: '{"field":"familiarity"}',
    });
    expect(refused.error.problems?.some((p) => JSON.parse(p.path).field === 'overall-opinion')).toBe(true);

    const current = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    const full = await ok<ReviewView>(core, 'review.save', { sessionId, projectId: 'p1', review: completeReview(current), baseVersion: 1 });
    expect(full.missing).toEqual([]);
    const done = await ok<ReviewView>(core, 'review.complete', { sessionId, projectId: 'p1' });
    expect(done).toMatchObject({ state: 'complete', version: 3 });
    expect(done.completedAt).not.toBeNull();

    const edit = (await core.dispatch('review.save', {
      sessionId,
      projectId: 'p1',
      review: { ...done.review, overallOpinion: '改' },
      baseVersion: 3,
    })) as Envelope<never>;
    expect(edit).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/重新打开/) } });

    const reopened = await ok<ReviewView>(core, 'review.reopen', { sessionId, projectId: 'p1', reason: '发现投资测算有误' });
    expect(reopened).toMatchObject({ state: 'in-progress', completedAt: null, version: 4 });
    const history = await ok<ReviewHistoryEntry[]>(core, 'review.history', { sessionId, projectId: 'p1' });
    expect(history.filter((h) => h.kind !== 'edit').map((h) => [h.kind, h.field, h.after])).toEqual([
      ['complete', 'completedAt', done.completedAt],
      ['reopen', 'completedAt', null],
      ['reopen', 'reopenReason', '发现投资测算有误'],
    ]);
  });

  it('a declared conflict completes at once and shows as 回避 in the overview', async () => {
    const { core, sessionId } = await start();
    const view = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    await ok(core, 'review.save', {
      sessionId,
      projectId: 'p1',
      review: { ...view.review, conflict: { hasConflict: true, note: '曾参与编制' } },
      baseVersion: 0,
    });
    expect(await ok<ReviewView>(core, 'review.complete', { sessionId, projectId: 'p1' })).toMatchObject({ state: 'recused', missing: [] });
    expect(await ok<ProjectOverview[]>(core, 'session.overview', { sessionId })).toEqual([
      expect.objectContaining({ projectId: 'p1', state: 'recused' }),
    ]);
  });

  it('totals are exact in half points and the overview carries each dimension', async () => {
    const { core, sessionId } = await start();
    const view = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    const review = completeReview(view);
    // 0.1 + 0.2 style drift would show here: every score is x.5.
    const saved = await ok<ReviewView>(core, 'review.save', { sessionId, projectId: 'p1', review, baseVersion: 0 });
    const expected = view.rubric.rubric.dimensions.reduce((s, d) => s + d.subCriteria.reduce((t, c) => t + (c.maxPoints - 0.5), 0), 0);
    expect(saved.totals.total).toBe(expected);
    expect(Number.isInteger(saved.totals.total * 2)).toBe(true);
    const [overview] = await ok<ProjectOverview[]>(core, 'session.overview', { sessionId });
    expect(overview).toMatchObject({ projectId: 'p1', state: 'in-progress', total: expected, totalPoints: view.rubric.rubric.totalPoints });
    expect(overview!.conclusion).toBe(saved.suggestion.conclusion);
    expect(overview!.dimensions.map((d) => d.id)).toEqual(view.rubric.rubric.dimensions.map((d) => d.id));
    expect(overview!.dimensions.reduce((s, d) => s + d.score, 0)).toBe(expected);
  });

  it('keeps 核减 in integer fen per line and for the project', async () => {
    const { core, sessionId } = await start();
    const view = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    const saved = await ok<ReviewView>(core, 'review.save', {
      sessionId,
      projectId: 'p1',
      review: { ...view.review, investment: { b1: { approvedFen: 6_666_667, reason: '单价偏高' } } },
      baseVersion: 0,
    });
    expect(saved.reductions.project).toEqual({
      requestedFen: 10_000_000,
      approvedFen: 6_666_667,
      reductionFen: 3_333_333,
      reductionRateBp: 3333,
    });
  });

  it('refuses an opinion over its length limit with a Chinese message naming the field, and stores nothing', async () => {
    const { core, sessionId } = await start();
    const empty = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    const dimension = empty.rubric.rubric.dimensions[0]!;
    const within: Review = {
      ...empty.review,
      conflict: { hasConflict: false, note: '' },
      dimensions: { [dimension.id]: { scores: {}, opinion: '评'.repeat(2000), lowScoreReason: '' } },
      overallOpinion: '总'.repeat(5000),
    };
    const saved = await ok<ReviewView>(core, 'review.save', { sessionId, projectId: 'p1', review: within, baseVersion: 0 });
    expect(saved.version).toBe(1);

    const over: Review = { ...within, dimensions: { [dimension.id]: { scores: {}, opinion: '评'.repeat(2001), lowScoreReason: '' } } };
    const refused = await core.dispatch('review.save', { sessionId, projectId: 'p1', review: over, baseVersion: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((refused as Extract<Envelope<unknown>, { ok: false }>).error.message).toBe(
      `「${dimension.name}」评审意见共 2001 字，超过上限 2000 字，未保存。请精简到 2000 字以内。`,
    );
    const overall = await core.dispatch('review.save', {
      sessionId,
      projectId: 'p1',
      review: { ...within, overallOpinion: '总'.repeat(5001) },
      baseVersion: 1,
    });
    expect((overall as Extract<Envelope<unknown>, { ok: false }>).error.message).toMatch(/^总体评审意见共 5001 字，超过上限 5000 字/);
    expect((await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' })).version).toBe(1);
  });
});
