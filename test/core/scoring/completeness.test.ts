// The completeness check lists exactly what is missing, in form order, each with its target; a declared conflict needs nothing else. Also the overview state.
import { describe, expect, it } from 'vitest';
import type { ReviewInput } from '../../../shared/scoring';
import { missingForCompletion, reviewState } from '../../../electron/core/scoring/completeness';
import { makeReview, scoreAll, wulong, wulongRubric } from './fixtures';

const rubric = wulongRubric.rubric;
const chapters = wulong.requiredChapters;
const lines = [
  { id: 'server', name: '服务器', amountFen: 30_000_000 },
  { id: 'dev', name: '软件开发', amountFen: 80_000_000 },
];
const opinionChapters = chapters.filter((c) => c.opinionRequired);

/** Everything filled in, at full marks (so nothing is low and the suggestion is 通过). */
function complete(overrides: Partial<ReviewInput> = {}): Partial<ReviewInput> {
  const dimensions = scoreAll(rubric, (c) => c.maxPoints) as Record<string, { scores: Record<string, number | null> }>;
  return {
    conflict: { hasConflict: false },
    familiarity: 'fairly-familiar',
    dimensions: Object.fromEntries(Object.entries(dimensions).map(([id, d]) => [id, { ...d, opinion: '意见。' }])),
    chapterOpinions: Object.fromEntries(opinionChapters.map((c) => [c.id, '篇章意见。'])),
    overallOpinion: '同意通过。',
    ...overrides,
  };
}

const missing = (input: Partial<ReviewInput>, findings = [] as Parameters<typeof missingForCompletion>[4]) =>
  missingForCompletion(makeReview(input), rubric, chapters, lines, findings);

describe('missingForCompletion', () => {
  it('before the 回避声明 only the declaration is missing', () => {
    expect(missing({})).toEqual([{ target: { field: 'conflict' }, message: '尚未作出回避声明' }]);
  });

  it('a declared conflict requires nothing else', () => {
    expect(missing({ conflict: { hasConflict: true, note: '本人曾参与该项目方案编制' } })).toEqual([]);
  });

  it('a complete review lacks nothing', () => {
    expect(missing(complete())).toEqual([]);
  });

  it('an untouched review lists every field, in form order', () => {
    const items = missing({ conflict: { hasConflict: false } });
    const subCount = rubric.dimensions.reduce((n, d) => n + d.subCriteria.length, 0);
    expect(items).toHaveLength(1 + subCount + rubric.dimensions.length + opinionChapters.length + 1);
    expect(items[0]).toEqual({ target: { field: 'familiarity' }, message: '尚未选择对项目所属领域的熟悉程度' });
    expect(items[1]).toEqual({
      target: { field: 'score', dimensionId: 'necessity', subCriterionId: 'basis' },
      message: '「必要性 · 建设依据充分性」尚未评分',
    });
    expect(items[5]).toEqual({ target: { field: 'dimension-opinion', dimensionId: 'necessity' }, message: '「必要性」尚未填写评审意见' });
    const chapterItems = items.filter((i) => i.target.field === 'chapter-opinion').map((i) => i.message);
    expect(chapterItems).toEqual(opinionChapters.map((c) => `尚未填写对「${c.title}」的意见`));
    expect(chapterItems).toContain('尚未填写对「集约化建设篇（章）」的意见');
    expect(chapterItems).toHaveLength(5); // 武隆 第十四条: five chapters the review must comment on
    expect(items.at(-1)).toEqual({ target: { field: 'overall-opinion' }, message: '尚未填写总体评审意见' });
  });

  it('blank text (spaces, full-width spaces) counts as missing', () => {
    const input = complete({ overallOpinion: ' 　\n' });
    expect(missing(input)).toEqual([{ target: { field: 'overall-opinion' }, message: '尚未填写总体评审意见' }]);
  });

  it('chapters needing no opinion, or not applying to the project type, are not asked for', () => {
    const items = missingForCompletion(makeReview(complete({ chapterOpinions: {} })), rubric, chapters, [], { projectType: 'new' });
    expect(items.map((i) => i.target)).toEqual(opinionChapters.map((c) => ({ field: 'chapter-opinion', chapterId: c.id })));
    const onlyNew = chapters.map((c) => ({ ...c, projectTypes: ['new' as const] }));
    expect(missingForCompletion(makeReview(complete({ chapterOpinions: {} })), rubric, onlyNew, [], { projectType: 'operation' })).toEqual(
      [],
    );
  });

  it('a score outside its range is reported with the validation message', () => {
    const input = complete();
    input.dimensions!.urgency!.scores!.priority = 7;
    expect(missing(input)).toEqual([
      {
        target: { field: 'score', dimensionId: 'urgency', subCriterionId: 'priority' },
        message: '「轻重缓急」的得分应在 0–6 分之间，按 0.5 分递增',
      },
    ]);
  });

  it('a fully scored dimension below 60% of its maximum needs a low-score reason', () => {
    const input = complete();
    input.dimensions!.urgency = { scores: { priority: 3, mandate: 2.5 }, opinion: '意见。' };
    expect(missing(input)).toEqual([
      {
        target: { field: 'low-score-reason', dimensionId: 'urgency' },
        message: '「紧迫性」得分 5.5 分，低于满分 10 分的 60%，须填写低分理由',
      },
    ]);
    input.dimensions!.urgency.lowScoreReason = '上级无明确时限要求。';
    expect(missing(input)).toEqual([]);
  });

  it('a veto the pre-check left to the expert needs a ruling', () => {
    const findings = { findings: [{ ruleId: 'wulong.docs.crypto-plan', status: 'judge' as const }] };
    const items = missing(complete(), findings);
    expect(items).toEqual([
      {
        target: { field: 'veto-ruling', vetoId: 'no-crypto-plan' },
        message: '预审提示一票否决项「缺少密码应用方案」需专家判断，尚未判断是否成立',
      },
    ]);
    expect(missing(complete({ vetoRulings: { 'no-crypto-plan': false } }), findings)).toEqual([]);
  });

  it('choosing a conclusion other than the suggestion needs a reason; the same one does not', () => {
    const reasonItem = { target: { field: 'conclusion-reason' }, message: '所选结论「修改完善后通过」与建议结论「通过」不同，须填写理由' };
    expect(missing(complete({ conclusion: { chosen: 'revise', reason: '' } }))).toEqual([reasonItem]);
    expect(missing(complete({ conclusion: { chosen: 'revise', reason: '密码应用方案需补充。' } }))).toEqual([]);
    expect(missing(complete({ conclusion: { chosen: 'approve', reason: '' } }))).toEqual([]);
  });

  it('a veto hit makes 不予通过 the suggestion, so choosing 通过 needs a reason', () => {
    const findings = { findings: [{ ruleId: 'wulong.red-flag.unapproved-construction', status: 'fail' as const }] };
    expect(missing(complete({ conclusion: { chosen: 'approve', reason: '' } }), findings)).toEqual([
      { target: { field: 'conclusion-reason' }, message: '所选结论「通过」与建议结论「不予通过」不同，须填写理由' },
    ]);
  });

  it('while scores are missing there is no suggestion to differ from', () => {
    const input = complete({ conclusion: { chosen: 'reject', reason: '' } });
    input.dimensions!.cost!.scores!.estimate = null;
    expect(missing(input).map((i) => i.target.field)).toEqual(['score']);
  });

  it('investment review: a reduction needs a reason; an approved amount above the request is invalid; no change needs nothing', () => {
    const items = missing(
      complete({ investment: { server: { approvedFen: 25_000_000, reason: '' }, dev: { approvedFen: 80_000_001, reason: '' } } }),
    );
    expect(items).toEqual([
      { target: { field: 'investment', lineId: 'server' }, message: '「服务器」核减 5.00 万元，尚未填写核减理由' },
      { target: { field: 'investment', lineId: 'dev' }, message: '「软件开发」的核定金额应在 0–80.00 万元之间' },
    ]);
    expect(
      missing(
        complete({ investment: { server: { approvedFen: 25_000_000, reason: '单价偏高' }, dev: { approvedFen: 80_000_000, reason: '' } } }),
      ),
    ).toEqual([]);
    expect(missing(complete({ investment: { ghost: { approvedFen: 1, reason: '' } } }))).toEqual([]);
  });
});

describe('reviewState', () => {
  it('未开始 / 评审中 / 已完成 / 回避', () => {
    expect(reviewState(makeReview(), false)).toBe('not-started');
    expect(reviewState(makeReview({ overallOpinion: '草稿' }), false)).toBe('in-progress');
    expect(reviewState(makeReview({ dimensions: { cost: { scores: { estimate: 0 } } } }), false)).toBe('in-progress');
    expect(reviewState(makeReview({ dimensions: { cost: { scores: { estimate: null } } } }), false)).toBe('not-started');
    expect(reviewState(makeReview({ conflict: { hasConflict: false } }), false)).toBe('in-progress');
    expect(reviewState(makeReview(complete()), true)).toBe('complete');
    expect(reviewState(makeReview({ conflict: { hasConflict: true } }), true)).toBe('recused');
  });
});
