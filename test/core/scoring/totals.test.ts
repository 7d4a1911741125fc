// Rubric math: subtotals and totals in exact half-points, weights, the low-score rule, vetoes from pre-check findings and rulings, band suggestions, and 核减 in integer fen with no floating drift.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../../shared/manifest';
import { formatBasisPoints } from '../../../shared/scoring';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { resolveRubric } from '../../../electron/core/scoring/rubric';
import { investmentReductions, scoreTotals, suggestConclusion, vetoStates } from '../../../shared/reviewTotals';
import { makeReview, scoreAll, wulongRubric } from './fixtures';

const rubric = wulongRubric.rubric;
const veto = (id: string) => rubric.vetoes.find((v) => v.id === id)!;
const subCount = rubric.dimensions.reduce((n, d) => n + d.subCriteria.length, 0);

describe('scoreTotals', () => {
  it('full marks give 100 under every profile', () => {
    for (const id of jurisdictions) {
      const r = resolveRubric(loadProfile(id)).rubric;
      const totals = scoreTotals(makeReview({ dimensions: scoreAll(r, (c) => c.maxPoints) }), r);
      expect(totals).toMatchObject({ total: 100, totalPoints: 100, complete: true });
      expect(totals.dimensions.every((d) => d.subtotal === d.maxPoints && !d.lowScore)).toBe(true);
    }
  });

  it('an empty review scores 0, incomplete, with nothing low (low needs a fully scored dimension)', () => {
    const totals = scoreTotals(makeReview(), rubric);
    expect(totals).toMatchObject({ total: 0, complete: false });
    expect(totals.dimensions.map((d) => [d.id, d.scored, d.subCriteria, d.lowScore])).toEqual([
      ['necessity', 0, 4, false],
      ['urgency', 0, 2, false],
      ['feasibility', 0, 3, false],
      ['security', 0, 3, false],
      ['intensiveness', 0, 3, false],
      ['cost', 0, 3, false],
    ]);
  });

  it('counts only scored sub-criteria and ignores ids the rubric lacks', () => {
    const review = makeReview({
      dimensions: { necessity: { scores: { basis: 6.5, 'integration-plan': null, 'cross-department': 5, retired: 99 } } },
    });
    const necessity = scoreTotals(review, rubric).dimensions[0];
    expect(necessity).toMatchObject({ subtotal: 11.5, scored: 2, complete: false });
    expect(scoreTotals(review, rubric).total).toBe(11.5);
  });

  it('the weighted total equals the sum of points (weight = maxPoints ÷ totalPoints)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100), { minLength: subCount, maxLength: subCount }), (picks) => {
        let k = 0;
        const review = makeReview({ dimensions: scoreAll(rubric, (c) => ((picks[k++]! % (c.maxPoints * 2 + 1)) as number) / 2) });
        const totals = scoreTotals(review, rubric);
        const weighted = rubric.dimensions.reduce(
          (s, d, i) => s + d.weight * (totals.dimensions[i]!.subtotal / d.maxPoints) * rubric.totalPoints,
          0,
        );
        expect(weighted).toBeCloseTo(totals.total, 9);
        expect(totals.total).toBe(totals.dimensions.reduce((s, d) => s + d.subtotal, 0));
        expect(Number.isInteger(totals.total * 2)).toBe(true);
      }),
    );
  });

  it('low score: a fully scored dimension below 60% of its maximum (exactly 60% is not low)', () => {
    // 紧迫性 max 10: 6 is 60% (not low), 5.5 is below.
    const at = makeReview({ dimensions: { urgency: { scores: { priority: 4, mandate: 2 } } } });
    const below = makeReview({ dimensions: { urgency: { scores: { priority: 4, mandate: 1.5 } } } });
    expect(scoreTotals(at, rubric).dimensions[1]).toMatchObject({ subtotal: 6, lowScore: false });
    expect(scoreTotals(below, rubric).dimensions[1]).toMatchObject({ subtotal: 5.5, lowScore: true });
    // 必要性 max 25: 60% is 15; 14.5 is low, 15 is not.
    const necessity = (s: number) =>
      makeReview({
        dimensions: { necessity: { scores: { basis: s, 'integration-plan': 5, 'cross-department': 5, 'data-governance': 0 } } },
      });
    expect(scoreTotals(necessity(4.5), rubric).dimensions[0]!.lowScore).toBe(true);
    expect(scoreTotals(necessity(5), rubric).dimensions[0]!.lowScore).toBe(false);
  });
});

describe('vetoStates', () => {
  const find = (states: ReturnType<typeof vetoStates>, id: string) => states.find((s) => s.veto.id === id)!;

  it('is clear for every veto with no findings and no rulings', () => {
    expect(vetoStates(rubric, [], {}).every((s) => s.state === 'clear' && s.decidedBy === null)).toBe(true);
  });

  it('a failing finding of a veto rule hits it; a judge finding leaves it pending; other rules do not count', () => {
    const states = vetoStates(
      rubric,
      [
        { ruleId: 'wulong.red-flag.unapproved-construction', status: 'fail' },
        { ruleId: 'wulong.docs.crypto-plan', status: 'judge' },
        { ruleId: 'wulong.red-flag.no-government-cloud', status: 'fail' },
        { ruleId: 'wulong.red-flag.not-in-annual-plan', status: 'pass' },
      ],
      {},
    );
    expect(find(states, 'unapproved-construction')).toMatchObject({ state: 'hit', decidedBy: 'precheck' });
    expect(find(states, 'no-crypto-plan')).toMatchObject({ state: 'pending', decidedBy: null });
    expect(find(states, 'not-in-annual-plan').state).toBe('clear');
    expect(states.filter((s) => s.state === 'hit')).toHaveLength(1);
  });

  it('a finding marked 不适用 is set aside; the expert ruling overrides the pre-check either way', () => {
    const findings = [
      { ruleId: 'wulong.red-flag.unapproved-construction', status: 'fail' as const, mark: { mark: 'not-applicable' as const } },
      { ruleId: 'wulong.red-flag.not-in-annual-plan', status: 'fail' as const, mark: { mark: 'verified' as const } },
      { ruleId: 'wulong.docs.crypto-plan', status: 'judge' as const },
    ];
    const states = vetoStates(rubric, findings, { 'not-in-annual-plan': false, 'no-crypto-plan': true });
    expect(find(states, 'unapproved-construction').state).toBe('clear');
    expect(find(states, 'not-in-annual-plan')).toMatchObject({ state: 'clear', decidedBy: 'expert' });
    expect(find(states, 'no-crypto-plan')).toMatchObject({ state: 'hit', decidedBy: 'expert' });
  });
});

describe('suggestConclusion', () => {
  it.each([
    [100, 'approve', '通过', '总分 100 分，达到「通过」档（80 分及以上）'],
    [80, 'approve', '通过', '总分 80 分，达到「通过」档（80 分及以上）'],
    [79.5, 'revise', '修改完善后通过', '总分 79.5 分，达到「修改完善后通过」档（60 分及以上），低于「通过」档的 80 分'],
    [60, 'revise', '修改完善后通过', '总分 60 分，达到「修改完善后通过」档（60 分及以上），低于「通过」档的 80 分'],
    [59.5, 'reject', '不予通过', '总分 59.5 分，达到「不予通过」档（0 分及以上），低于「修改完善后通过」档的 60 分'],
    [0, 'reject', '不予通过', '总分 0 分，达到「不予通过」档（0 分及以上），低于「修改完善后通过」档的 60 分'],
  ] as const)('total %s → %s', (total, conclusion, label, reason) => {
    expect(suggestConclusion(total, [], rubric)).toEqual({ conclusion, label, reasons: [reason] });
  });

  it('does not depend on the order bands are listed in', () => {
    const shuffled = { ...rubric, bands: [...rubric.bands].reverse() };
    expect(suggestConclusion(85, [], shuffled).conclusion).toBe('approve');
    expect(suggestConclusion(65, [], shuffled).conclusion).toBe('revise');
  });

  it('any veto forces 不予通过 whatever the total, citing each veto', () => {
    const s = suggestConclusion(100, [veto('unapproved-construction'), veto('no-crypto-plan')], rubric);
    expect(s.conclusion).toBe('reject');
    expect(s.label).toBe('不予通过');
    expect(s.reasons).toEqual([
      '一票否决：未履行审批程序（武隆区政务信息化项目管理办法 第三十八条）',
      '一票否决：缺少密码应用方案（武隆区政务信息化项目管理办法 第十四条）',
      '一票否决项成立，不论得分，建议结论为「不予通过」',
    ]);
    expect(suggestConclusion(null, [veto('unapproved-construction')], rubric).conclusion).toBe('reject');
  });

  it('suggests nothing while scoring is incomplete and no veto applies', () => {
    expect(suggestConclusion(null, [], rubric)).toEqual({ conclusion: null, label: null, reasons: ['评分尚未完成，暂无建议结论'] });
  });
});

describe('核减 (investment reductions)', () => {
  const lines = [
    { id: 'a', name: '服务器', amountFen: 30_000_000 },
    { id: 'b', name: '软件开发', amountFen: 123_456_789 },
    { id: 'c', name: '监理费', amountFen: 1_000_000 },
    { id: 'z', name: '预备费', amountFen: 0 },
  ];

  it('per line: reduction = requested − approved, rate in basis points; unreviewed lines stand as requested', () => {
    const { lines: per, project } = investmentReductions(lines, {
      a: { approvedFen: 20_000_000, reason: '单价偏高' },
      b: { approvedFen: 100_000_000, reason: '' },
      c: { approvedFen: null, reason: '' },
      z: { approvedFen: 0, reason: '' },
    });
    expect(per).toEqual([
      {
        lineId: 'a',
        name: '服务器',
        reviewed: true,
        requestedFen: 30_000_000,
        approvedFen: 20_000_000,
        reductionFen: 10_000_000,
        reductionRateBp: 3333,
      },
      {
        lineId: 'b',
        name: '软件开发',
        reviewed: true,
        requestedFen: 123_456_789,
        approvedFen: 100_000_000,
        reductionFen: 23_456_789,
        reductionRateBp: 1900,
      },
      {
        lineId: 'c',
        name: '监理费',
        reviewed: false,
        requestedFen: 1_000_000,
        approvedFen: 1_000_000,
        reductionFen: 0,
        reductionRateBp: 0,
      },
      { lineId: 'z', name: '预备费', reviewed: true, requestedFen: 0, approvedFen: 0, reductionFen: 0, reductionRateBp: null },
    ]);
    // 33,456,789 ÷ 154,456,789 = 0.216607… → 2166 bp
    expect(project).toEqual({ requestedFen: 154_456_789, approvedFen: 121_000_000, reductionFen: 33_456_789, reductionRateBp: 2166 });
    expect(formatBasisPoints(project.reductionRateBp!)).toBe('21.66%');
  });

  it('rounds the rate half away from zero, exactly', () => {
    const rate = (requested: number, approved: number) =>
      investmentReductions([{ id: 'x', name: 'x', amountFen: requested }], { x: { approvedFen: approved, reason: '' } }).project
        .reductionRateBp;
    expect(rate(20_000, 19_999)).toBe(1); // 0.5 bp → 1
    expect(rate(20_001, 20_000)).toBe(0); // 0.49997 bp → 0
    expect(rate(3, 2)).toBe(3333);
    expect(rate(3, 1)).toBe(6667);
    expect(rate(20_000, 20_001)).toBe(-1); // an (invalid) increase reads as a negative reduction
    expect(rate(100, 0)).toBe(10_000);
  });

  it('totals of many random lines equal the exact (BigInt) sums, and the rate is the nearest basis point (property)', () => {
    const line = fc.record({
      amountFen: fc.integer({ min: 0, max: 1_000_000_000_000 }),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      reviewed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 200 }), (drawn) => {
        const lines = drawn.map((d, i) => ({ id: `l${i}`, name: `行${i}`, amountFen: d.amountFen }));
        const investment = Object.fromEntries(
          drawn.map((d, i) => [`l${i}`, { approvedFen: d.reviewed ? Math.floor(d.amountFen * (1 - d.cut)) : null, reason: '' }]),
        );
        const { lines: per, project } = investmentReductions(lines, investment);
        const requested = drawn.reduce((s, d) => s + BigInt(d.amountFen), 0n);
        const approved = per.reduce((s, l) => s + BigInt(l.approvedFen), 0n);
        expect(BigInt(project.requestedFen)).toBe(requested);
        expect(BigInt(project.approvedFen)).toBe(approved);
        expect(BigInt(project.reductionFen)).toBe(requested - approved);
        expect(BigInt(project.reductionFen)).toBe(per.reduce((s, l) => s + BigInt(l.reductionFen), 0n));
        for (const l of [...per, project]) {
          expect(Number.isSafeInteger(l.reductionFen)).toBe(true);
          if (l.requestedFen === 0) continue;
          // |bp − reduction × 10000 ÷ requested| ≤ ½, checked in integers: |2·bp·requested − 2·reduction·10000| ≤ requested
          const diff = 2n * BigInt(l.reductionRateBp!) * BigInt(l.requestedFen) - 2n * BigInt(l.reductionFen) * 10_000n;
          expect(diff <= BigInt(l.requestedFen) && -diff <= BigInt(l.requestedFen)).toBe(true);
        }
      }),
    );
  });

  it('10,000 lines of 0.10 元 total exactly 1,000 元 (the float sum of 0.1 would drift)', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ id: `l${i}`, name: '耗材', amountFen: 10 }));
    const investment = Object.fromEntries(lines.map((l) => [l.id, { approvedFen: 7, reason: '' }]));
    expect(investmentReductions(lines, investment).project).toEqual({
      requestedFen: 100_000,
      approvedFen: 70_000,
      reductionFen: 30_000,
      reductionRateBp: 3000,
    });
    expect(Array.from({ length: 10_000 }, () => 0.1).reduce((s, v) => s + v, 0)).not.toBe(1000);
  });
});

describe('formatBasisPoints', () => {
  it.each([
    [0, '0.00%'],
    [5, '0.05%'],
    [1235, '12.35%'],
    [10_000, '100.00%'],
    [-1, '-0.01%'],
  ])('%d → %s', (bp, text) => expect(formatBasisPoints(bp)).toBe(text));
});
