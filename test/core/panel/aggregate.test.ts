// Aggregation against hand-computed examples: trimming, ties, 回避, deviation thresholds, ranking, approved amounts.
import { describe, expect, it } from 'vitest';
import { aggregateProject, aggregateSession, defaultAggregationRule as rule } from '../../../electron/core/panel/aggregate';
import { expert, project, recusedExpert } from './fixtures';

describe('aggregateProject statistics', () => {
  it('3 experts: plain mean, no trimming, population standard deviation', () => {
    const a = aggregateProject(
      project([expert('a', '专家甲', 18, 15), expert('b', '专家乙', 17.5, 16), expert('c', '专家丙', 16, 14)]),
      rule,
    );
    const nec = a.dimensions[0];
    expect(nec!.n).toBe(3);
    expect(nec!.mean?.text).toBe('17.17'); // 51.5 ÷ 3 = 17.1666…
    expect(nec!.median?.text).toBe('17.50');
    expect(nec!.trimmedMean).toBeNull();
    expect(nec!.inForceRule).toBe('mean');
    expect(nec!.inForce?.text).toBe('17.17');
    expect(nec!.dropped).toEqual([]);
    expect(nec!.stdDev?.text).toBe('0.85'); // √((0.8333² + 0.3333² + 1.1667²) ÷ 3) = 0.8498
    expect(nec!.min).toBe(16);
    expect(nec!.max).toBe(18);
    expect(a.total.inForce?.text).toBe('32.17'); // (33 + 33.5 + 30) ÷ 3 = 32.1666…
    expect(a.trace).toContain('必要性（满分 20）：3 位专家有效评分 18、17.5、16；不足 5 位，不去极值，平均 51.5 ÷ 3 = 17.17（采用）');
  });

  it('5 experts: drops the highest and the lowest, names them, and the trace recomputes', () => {
    const a = aggregateProject(
      project([
        expert('a', '专家甲', 18, 15),
        expert('b', '专家乙', 17.5, 15),
        expert('c', '专家丙', 19, 15),
        expert('d', '专家丁', 16, 15),
        expert('e', '专家戊', 18, 15),
      ]),
      rule,
    );
    const nec = a.dimensions[0];
    expect(nec!.mean?.text).toBe('17.70'); // 88.5 ÷ 5
    expect(nec!.median?.text).toBe('18.00');
    expect(nec!.trimmedMean?.text).toBe('17.83'); // (18 + 17.5 + 18) ÷ 3 = 17.8333…
    expect(nec!.inForceRule).toBe('trimmed-mean');
    expect(nec!.inForce?.text).toBe('17.83');
    expect(nec!.dropped).toEqual([
      { expertId: 'c', name: '专家丙', score: 19, end: 'highest' },
      { expertId: 'd', name: '专家丁', score: 16, end: 'lowest' },
    ]);
    expect(a.trace).toContain(
      '必要性（满分 20）：5 位专家有效评分 18、17.5、19、16、18；去掉最高分 19（专家丙）和最低分 16（专家丁）后，余 3 项合计 53.5，平均 53.5 ÷ 3 = 17.83（采用）',
    );
    // All 投资金额 scores equal: two different experts dropped (first ids), spread zero.
    expect(a.dimensions[1]!.dropped.map((d) => d.expertId)).toEqual(['b', 'a']);
    expect(a.dimensions[1]!.trimmedMean?.text).toBe('15.00');
    expect(a.dimensions[1]!.stdDev?.text).toBe('0.00');
  });

  it('6 experts with a tie at the top drops only one of the tied scores', () => {
    const a = aggregateProject(
      project([
        expert('f', '专家己', 19, 10),
        expert('b', '专家乙', 19, 10),
        expert('c', '专家丙', 18, 10),
        expert('d', '专家丁', 17, 10),
        expert('e', '专家戊', 16, 10),
        expert('a', '专家甲', 18, 10),
      ]),
      rule,
    );
    const nec = a.dimensions[0];
    expect(nec!.trimmedMean?.text).toBe('18.00'); // (19 + 18 + 17 + 18) ÷ 4
    expect(nec!.mean?.text).toBe('17.83'); // 107 ÷ 6
    expect(nec!.median?.text).toBe('18.00');
    // Of the two 19s, the expert whose id sorts first (b) is dropped, whatever the roster order.
    expect(nec!.dropped.map((d) => [d.expertId, d.score, d.end])).toEqual([
      ['b', 19, 'highest'],
      ['e', 16, 'lowest'],
    ]);
  });

  it('an expert who declared 回避 counts for nothing: n drops below five, so nothing is trimmed', () => {
    const a = aggregateProject(
      project([
        expert('a', '专家甲', 18, 15, { approvedFen: { dev: 800_000 } }),
        recusedExpert('b', '专家乙'),
        expert('c', '专家丙', 19, 15, { conclusion: 'revise' }),
        expert('d', '专家丁', 16, 15),
        expert('e', '专家戊', 18, 15),
      ]),
      rule,
    );
    expect(a.n).toBe(4);
    expect(a.recused).toEqual([{ expertId: 'b', name: '专家乙' }]);
    expect(a.dimensions[0]!.n).toBe(4);
    expect(a.dimensions[0]!.scores.map((s) => s.expertId)).toEqual(['a', 'c', 'd', 'e']);
    expect(a.dimensions[0]!.trimmedMean).toBeNull();
    expect(a.dimensions[0]!.inForce?.text).toBe('17.75'); // 71 ÷ 4
    expect(a.conclusions).toEqual({ approve: 3, revise: 1, reject: 0 });
    expect(a.lines[0]!.expertApprovedFen.map((e) => e.expertId)).toEqual(['a', 'c', 'd', 'e']);
    expect(a.trace[0]).toContain('回避 1 位（专家乙，不计入）');
  });

  it('all experts recused: null figures, requested amounts, no crash, unranked', () => {
    const input = project([recusedExpert('a', '专家甲'), recusedExpert('b', '专家乙')]);
    const a = aggregateProject(input, rule);
    expect(a.n).toBe(0);
    expect(a.total.mean).toBeNull();
    expect(a.total.inForce).toBeNull();
    expect(a.dimensions[0]!.stdDev).toBeNull();
    expect(a.deviations).toEqual([]);
    expect(a.lines.map((l) => [l.source, l.approvedFen, l.computedFen])).toEqual([
      ['requested', 1_000_000, null],
      ['requested', 2_000_000, null],
    ]);
    expect(a.reduction.reductionFen).toBe(0);
    expect(a.trace).toContain('总分（满分 40）：无有效评分（专家均回避），不计算');
    const s = aggregateSession([input], rule);
    expect(s.ranking).toEqual([{ projectId: 'p1', name: '智慧城管平台', rank: null, total: null }]);
  });

  it('the total’s figures are the sums of the dimensions’ figures as displayed, so a printed row adds up', () => {
    // 必要性 18 + 17.5 + 16 = 51.5 ÷ 3 = 17.1666… → 17.17; 投资金额 15 + 16 + 14.5 = 45.5 ÷ 3 = 15.1666… → 15.17.
    // The experts' totals 33 + 33.5 + 30.5 = 97 ÷ 3 = 32.33, but the printed parts add up to 17.17 + 15.17 = 32.34.
    const a = aggregateProject(
      project([expert('a', '专家甲', 18, 15), expert('b', '专家乙', 17.5, 16), expert('c', '专家丙', 16, 14.5)]),
      rule,
    );
    expect(a.dimensions.map((d) => d.mean?.text)).toEqual(['17.17', '15.17']);
    expect(a.total.mean).toEqual({ value: 32.34, text: '32.34' });
    expect(a.total.inForce?.text).toBe('32.34');
    expect(a.total.median?.text).toBe('33.00'); // the totals' own statistics stay the totals'
    expect(a.trace).toContain('总分（满分 40）：3 位专家总分 33、33.5、30.5；总分取各项平均之和 17.17 + 15.17 = 32.34（采用）');
    // Five experts: each dimension trimmed on its own, the total the sum of the trimmed dimensions.
    const t = aggregateProject(
      project([
        expert('a', '甲', 18, 15),
        expert('b', '乙', 17.5, 16),
        expert('c', '丙', 19, 14),
        expert('d', '丁', 16, 17),
        expert('e', '戊', 18, 15.5),
      ]),
      rule,
    );
    // 必要性 (18 + 17.5 + 18) ÷ 3 = 17.83; 投资金额 (15 + 16 + 15.5) ÷ 3 = 15.50; total 33.33.
    expect(t.dimensions.map((d) => d.inForce?.text)).toEqual(['17.83', '15.50']);
    expect(t.total).toMatchObject({ inForceRule: 'trimmed-mean', inForce: { text: '33.33' }, trimmedMean: { text: '33.33' }, dropped: [] });
  });

  it('refuses an expert without a dimension score, naming the project, the expert and the dimension', () => {
    const broken = expert('a', '专家甲', 18, 15, { dimensions: { necessity: 18 } });
    expect(() => aggregateProject(project([broken]), rule)).toThrow('项目「智慧城管平台」：专家甲缺少「投资金额」的评分');
  });
});

describe('评分偏离提醒', () => {
  // Threshold 0.2 × 20 = 4 points from the mean of the other experts.
  it('a difference exactly at the threshold is not flagged', () => {
    const a = aggregateProject(
      project([expert('a', '专家甲', 16, 15), expert('b', '专家乙', 12, 15), expert('c', '专家丙', 12, 15)]),
      rule,
    );
    expect(a.deviations).toEqual([]);
  });

  it('a difference above the threshold is flagged with the others’ mean and the signed difference', () => {
    const a = aggregateProject(
      project([expert('a', '专家甲', 16.5, 15), expert('b', '专家乙', 12, 15), expert('c', '专家丙', 12, 15)]),
      rule,
    );
    expect(a.deviations).toHaveLength(1);
    const w = a.deviations[0];
    expect([w!.seriesId, w!.expertId, w!.score, w!.othersMean.text, w!.difference.text, w!.threshold.text]).toEqual([
      'necessity',
      'a',
      16.5,
      '12.00',
      '4.50',
      '4.00',
    ]);
    expect(w!.message).toBe('评分偏离提醒：专家甲的必要性评分 16.5 与其他专家平均 12.00 相差 4.50，超过满分 20 的 20%（4.00）');
  });

  it('flags low outliers with a negative difference, and the total against the total maximum', () => {
    const a = aggregateProject(project([expert('a', '专家甲', 8, 8), expert('b', '专家乙', 16, 16), expert('c', '专家丙', 17, 17)]), rule);
    const low = a.deviations.filter((w) => w.expertId === 'a').map((w) => [w.seriesId, w.difference.text]);
    expect(low).toEqual([
      ['necessity', '-8.50'],
      ['cost', '-8.50'],
      ['total', '-17.00'], // 16 − (32 + 34) ÷ 2; threshold 0.2 × 40 = 8
    ]);
  });
});

describe('approved amounts and 核减', () => {
  it('median of an even count of fen rounds half away from zero; null stands as requested', () => {
    const a = aggregateProject(
      project([
        expert('a', '专家甲', 18, 15, { approvedFen: { dev: 800_000, hw: 1_900_001 } }),
        expert('b', '专家乙', 18, 15, { approvedFen: { dev: null, hw: 1_900_002 } }),
        expert('c', '专家丙', 18, 15, { approvedFen: { dev: 900_000 } }),
        expert('d', '专家丁', 18, 15, { approvedFen: { dev: 950_001, hw: 2_000_000 } }),
      ]),
      rule,
    );
    // dev: 800000, 900000, 950001, 1000000 → (900000 + 950001) ÷ 2 = 925000.5 → 925001
    expect(a.lines[0]).toMatchObject({
      source: 'median',
      approvedFen: 925_001,
      computedFen: 925_001,
      reductionFen: 74_999,
      reductionRateBp: 750,
    });
    // hw: 1900001, 1900002, 2000000, 2000000 → (1900002 + 2000000) ÷ 2 = 1950001
    expect(a.lines[1]).toMatchObject({ approvedFen: 1_950_001, reductionFen: 49_999 });
    expect(a.reduction).toEqual({ requestedFen: 3_000_000, approvedFen: 2_875_002, reductionFen: 124_998, reductionRateBp: 417 });
    expect(a.trace).toContain(
      '软件开发费（申报 1 万元）：专家核定 0.8、1、0.9、0.950001 万元，中位数 0.925001 万元，采用 0.925001 万元；核减 0.074999 万元',
    );
  });

  it('the mean rule rounds to a whole fen', () => {
    const a = aggregateProject(
      project([
        expert('a', '专家甲', 18, 15, { approvedFen: { dev: 800_000 } }),
        expert('b', '专家乙', 18, 15, { approvedFen: { dev: 900_000 } }),
        expert('c', '专家丙', 18, 15, { approvedFen: { dev: 900_001 } }),
      ]),
      { ...rule, approved: 'mean' },
    );
    expect(a.lines[0]).toMatchObject({ source: 'mean', approvedFen: 866_667 }); // 2600001 ÷ 3 = 866667.0
  });

  it('a chair override replaces the panel figure and carries its reason', () => {
    const a = aggregateProject(
      project(
        [
          expert('a', '专家甲', 18, 15, { approvedFen: { dev: 900_000 } }),
          expert('b', '专家乙', 18, 15, { approvedFen: { dev: 800_000 } }),
        ],
        {
          overrides: { dev: { approvedFen: 700_000, reason: '运维费应另行申报' } },
        },
      ),
      rule,
    );
    expect(a.lines[0]).toMatchObject({
      source: 'chair',
      computedFen: 850_000,
      approvedFen: 700_000,
      reductionFen: 300_000,
      chairReason: '运维费应另行申报',
      reductionRateBp: 3000,
    });
    expect(a.trace.some((t) => t.includes('组长裁定 0.7 万元（理由：运维费应另行申报）'))).toBe(true);
  });
});

describe('aggregateSession', () => {
  const withTotal = (id: string, necessity: number) => ({
    ...project([expert('a', '专家甲', necessity, 20)]),
    projectId: id,
    name: `项目${id}`,
  });

  it('ranks by the total in force; ties share a rank and the next rank skips (1, 1, 3, 4)', () => {
    const s = aggregateSession(
      [
        withTotal('A', 10),
        withTotal('B', 15),
        withTotal('C', 15),
        withTotal('D', 5),
        project([recusedExpert('x', '专家甲')], { projectId: 'E', name: '项目E' }),
      ],
      rule,
    );
    expect(s.ranking.map((r) => [r.projectId, r.rank, r.total?.text ?? null])).toEqual([
      ['B', 1, '35.00'],
      ['C', 1, '35.00'],
      ['A', 3, '30.00'],
      ['D', 4, '25.00'],
      ['E', null, null],
    ]);
    expect(s.projects.map((p) => p.rank)).toEqual([3, 1, 1, 4, null]);
  });

  it('sums 核减 over the projects', () => {
    const one = project([expert('a', '专家甲', 18, 15, { approvedFen: { dev: 500_000 } })], { projectId: 'p1' });
    const two = project([expert('a', '专家甲', 18, 15, { approvedFen: { hw: 1_000_000 } })], { projectId: 'p2' });
    const s = aggregateSession([one, two], rule);
    expect(s.reduction).toEqual({ requestedFen: 6_000_000, approvedFen: 4_500_000, reductionFen: 1_500_000, reductionRateBp: 2500 });
  });
});
