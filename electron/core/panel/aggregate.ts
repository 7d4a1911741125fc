// Owns the panel's aggregation (专家组评分汇总): per-project statistics per dimension and total, 评分偏离提醒, the panel's approved amounts and 核减, the session ranking (轻重缓急) and the calculation trace (计算过程).
//
// Pure functions of their inputs; no database. The types live in shared/panelAggregate.ts and are re-exported here.
// - The total's mean, trimmed mean and value in force are the SUMS of the dimensions' figures as displayed (each rounded
//   to rule.decimals): what a document prints adds up (各项平均分保留两位小数，总分为各项之和). Its median, standard
//   deviation and 评分偏离提醒 are those of the experts' totals.
// - Ranking uses the total in force as displayed (rounded to rule.decimals): what the sheet shows is what is ranked,
//   so two projects that show the same total share a rank. Ties share the best rank and the next rank skips
//   ("1, 2, 2, 4", standard competition ranking). Projects without a total in force (all experts recused) are unranked.
// - 评分偏离提醒 compares exactly in integers: |n·x − Σ| · 10000 > share(bp) · max · (n − 1), in half-points,
//   which is |x − mean of the others| > share × max. A difference exactly at the threshold is not flagged (超过).
import { fenToWanExact } from '../../../shared/money';
import { conclusions, type Conclusion, type Rubric } from '../../../shared/profile';
import { formatBasisPoints, type Reduction, type Review } from '../../../shared/scoring';
import { investmentReductions, scoreTotals } from '../../../shared/reviewTotals';
import { figure, medianFen, meanFen, othersMean, scoreText, seriesStats, sumFigures, toHalves } from './stats';
import type {
  AggregationRule,
  DeviationWarning,
  DimensionAggregate,
  ExpertScore,
  Figure,
  ExpertScores,
  LineAggregate,
  ProjectAggregate,
  ProjectPanelInput,
  SeriesKey,
  SessionAggregate,
} from '../../../shared/panelAggregate';

export * from '../../../shared/panelAggregate';

/** One expert's review reduced to what aggregation needs; `conclusion` is the chosen one, else the suggested one. */
export function expertScoresFromReview(review: Review, rubric: Rubric, name: string, conclusion: Conclusion | null): ExpertScores {
  const totals = scoreTotals(review, rubric);
  return {
    expertId: review.expertId,
    name,
    recused: review.conflict?.hasConflict === true,
    dimensions: Object.fromEntries(totals.dimensions.map((d) => [d.id, d.subtotal])),
    total: totals.total,
    conclusion,
    approvedFen: Object.fromEntries(Object.entries(review.investment).map(([lineId, l]) => [lineId, l.approvedFen])),
  };
}

const wan = (fen: number) => `${fenToWanExact(fen)} 万元`;

function seriesTrace(s: DimensionAggregate, rule: AggregationRule, parts: DimensionAggregate[] = []): string {
  const head = `${s.name}（满分 ${s.maxPoints}）：`;
  if (s.n === 0 || !s.inForce || !s.mean) return `${head}无有效评分（专家均回避），不计算`;
  if (s.id === 'total') {
    const which = s.inForceRule === 'trimmed-mean' ? '去掉最高分和最低分后平均' : '平均';
    return `${head}${s.n} 位专家总分 ${s.scores.map((x) => scoreText(x.score)).join('、')}；总分取各项${which}之和 ${parts.map((d) => d.inForce?.text ?? '—').join(' + ')} = ${s.inForce.text}（采用）`;
  }
  const listed = `${s.n} 位专家有效评分 ${s.scores.map((x) => scoreText(x.score)).join('、')}`;
  const sum = s.scores.reduce((a, x) => a + toHalves(x.score), 0) / 2;
  if (s.inForceRule === 'trimmed-mean') {
    // Trimming is in force only with both extremes dropped (seriesStats).
    const high = s.dropped[0]!;
    const low = s.dropped[1]!;
    const rest = sum - high.score - low.score;
    return `${head}${listed}；去掉最高分 ${scoreText(high.score)}（${high.name}）和最低分 ${scoreText(low.score)}（${low.name}）后，余 ${s.n - 2} 项合计 ${scoreText(rest)}，平均 ${scoreText(rest)} ÷ ${s.n - 2} = ${s.inForce.text}（采用）`;
  }
  const reason = s.n < rule.trimAtLeast ? `不足 ${rule.trimAtLeast} 位，不去极值` : '不去极值';
  return `${head}${listed}；${reason}，平均 ${scoreText(sum)} ÷ ${s.n} = ${s.inForce.text}（采用）`;
}

function dimensionAggregate(
  id: SeriesKey,
  name: string,
  maxPoints: number,
  scores: ExpertScore[],
  rule: AggregationRule,
): DimensionAggregate {
  return { id, name, maxPoints, ...seriesStats(scores, rule) };
}

function deviations(s: DimensionAggregate, rule: AggregationRule): DeviationWarning[] {
  const shareBp = Math.round(rule.deviationShare * 10_000);
  const sum = s.scores.reduce((a, x) => a + toHalves(x.score), 0);
  const maxHalves = toHalves(s.maxPoints);
  const threshold = figure({ num: shareBp * s.maxPoints, den: 10_000 }, rule.decimals);
  return s.scores.flatMap((x): DeviationWarning[] => {
    const others = othersMean(sum, s.n, toHalves(x.score));
    if (!others) return [];
    const gap = s.n * toHalves(x.score) - sum; // = (n − 1) · (x − others' mean), in half-points
    if (Math.abs(gap) * 10_000 <= shareBp * maxHalves * (s.n - 1)) return [];
    const othersFigure = figure(others, rule.decimals);
    const difference = figure({ num: gap, den: 2 * (s.n - 1) }, rule.decimals);
    const sharePercent = `${shareBp / 100}%`;
    return [
      {
        seriesId: s.id,
        seriesName: s.name,
        expertId: x.expertId,
        name: x.name,
        score: x.score,
        othersMean: othersFigure,
        difference,
        threshold,
        message: `评分偏离提醒：${x.name}的${s.name}评分 ${scoreText(x.score)} 与其他专家平均 ${othersFigure.text} 相差 ${difference.text}，超过满分 ${s.maxPoints} 的 ${sharePercent}（${threshold.text}）`,
      },
    ];
  });
}

function lineAggregates(
  input: ProjectPanelInput,
  counted: ExpertScores[],
  rule: AggregationRule,
): { lines: LineAggregate[]; reduction: Reduction; trace: string[] } {
  const panel = input.lines.map((line) => {
    const expertApprovedFen = counted.map((e) => ({
      expertId: e.expertId,
      name: e.name,
      approvedFen: e.approvedFen[line.id] ?? line.amountFen,
    }));
    const values = expertApprovedFen.map((e) => e.approvedFen);
    const computedFen = values.length === 0 ? null : rule.approved === 'median' ? medianFen(values) : meanFen(values);
    const override = input.overrides?.[line.id];
    const source: LineAggregate['source'] = override ? 'chair' : computedFen === null ? 'requested' : rule.approved;
    const approvedFen = override?.approvedFen ?? computedFen ?? line.amountFen;
    return { line, expertApprovedFen, computedFen, source, approvedFen, chairReason: override?.reason ?? null };
  });
  const reductions = investmentReductions(
    input.lines,
    Object.fromEntries(panel.map((p) => [p.line.id, { approvedFen: p.approvedFen, reason: p.chairReason ?? '' }])),
  );
  const lines = reductions.lines.map((r, i): LineAggregate => {
    const { expertApprovedFen, computedFen, source, chairReason } = panel[i]!; // reductions.lines follows input.lines, as panel does

    return { ...r, source, expertApprovedFen, computedFen, chairReason };
  });
  const method = rule.approved === 'median' ? '中位数' : '平均数';
  const trace = lines.map((l) => {
    const head = `${l.name}（申报 ${wan(l.requestedFen)}）：`;
    const experts = l.expertApprovedFen.length
      ? `专家核定 ${l.expertApprovedFen.map((e) => fenToWanExact(e.approvedFen)).join('、')} 万元，${method} ${wan(l.computedFen ?? 0)}`
      : '无有效专家意见';
    const decided =
      l.source === 'chair'
        ? `；组长裁定 ${wan(l.approvedFen)}（理由：${l.chairReason}）`
        : l.source === 'requested'
          ? `，按申报金额 ${wan(l.approvedFen)}`
          : `，采用 ${wan(l.approvedFen)}`;
    return `${head}${experts}${decided}；核减 ${wan(l.reductionFen)}`;
  });
  const p = reductions.project;
  const rate = p.reductionRateBp === null ? '—' : formatBasisPoints(p.reductionRateBp);
  trace.push(`投资合计：申报 ${wan(p.requestedFen)}，核定 ${wan(p.approvedFen)}，核减 ${wan(p.reductionFen)}，核减率 ${rate}`);
  return { lines, reduction: p, trace };
}

function checkExpert(input: ProjectPanelInput, e: ExpertScores): void {
  for (const d of input.dimensions) {
    const v = e.dimensions[d.id];
    if (v === undefined || !Number.isFinite(v))
      throw new Error(`项目「${input.name}」：${e.name}缺少「${d.name}」的评分，请确认该专家已完成评审后再汇总`);
  }
  if (!Number.isFinite(e.total)) throw new Error(`项目「${input.name}」：${e.name}缺少总分，请确认该专家已完成评审后再汇总`);
}

/**
 * The total series with its mean, trimmed mean and value in force replaced by the sums of the dimensions' figures as
 * displayed, so the parts add up to the total a document prints; nothing is dropped from the totals themselves.
 */
function totalOfParts(total: DimensionAggregate, dimensions: DimensionAggregate[], rule: AggregationRule): DimensionAggregate {
  if (total.n === 0) return total;
  const sum = (pick: (d: DimensionAggregate) => Figure | null) => {
    const parts = dimensions.map(pick);
    return parts.every((f): f is Figure => f !== null) ? sumFigures(parts, rule.decimals) : null;
  };
  const mean = sum((d) => d.mean);
  const trimmedMean = total.trimmedMean ? sum((d) => d.trimmedMean) : null;
  return { ...total, mean, trimmedMean, inForce: trimmedMean ?? mean, inForceRule: trimmedMean ? 'trimmed-mean' : 'mean', dropped: [] };
}

/** The panel's figures for one project; `rank` stays null (aggregateSession sets it). */
export function aggregateProject(input: ProjectPanelInput, rule: AggregationRule): ProjectAggregate {
  const counted = input.experts.filter((e) => !e.recused);
  counted.forEach((e) => checkExpert(input, e));
  const recused = input.experts.filter((e) => e.recused).map((e) => ({ expertId: e.expertId, name: e.name }));
  const scoresOf = (pick: (e: ExpertScores) => number): ExpertScore[] =>
    counted.map((e) => ({ expertId: e.expertId, name: e.name, score: pick(e) }));
  const dimensions = input.dimensions.map((d) =>
    dimensionAggregate(
      d.id,
      d.name,
      d.maxPoints,
      scoresOf((e) => e.dimensions[d.id] as number),
      rule,
    ),
  );
  const total = totalOfParts(
    dimensionAggregate(
      'total',
      '总分',
      input.totalPoints,
      scoresOf((e) => e.total),
      rule,
    ),
    dimensions,
    rule,
  );
  const tally = Object.fromEntries(conclusions.map((c) => [c, counted.filter((e) => e.conclusion === c).length])) as Record<
    Conclusion,
    number
  >;
  const money = lineAggregates(input, counted, rule);
  const trace = [
    `项目「${input.name}」：专家 ${input.experts.length} 位，回避 ${recused.length} 位${recused.length ? `（${recused.map((r) => r.name).join('、')}，不计入）` : ''}，有效 ${counted.length} 位；有效评分达到 ${rule.trimAtLeast} 位时去掉一个最高分和一个最低分后取平均，否则取平均`,
    ...[...dimensions, total].map((s) => seriesTrace(s, rule, dimensions)),
    ...money.trace,
  ];
  return {
    projectId: input.projectId,
    name: input.name,
    rule,
    roster: input.experts.map((e) => ({
      expertId: e.expertId,
      name: e.name,
      recused: e.recused,
      conclusion: e.recused ? null : e.conclusion,
    })),
    n: counted.length,
    recused,
    dimensions,
    total,
    deviations: [...dimensions, total].flatMap((s) => deviations(s, rule)),
    conclusions: tally,
    lines: money.lines,
    reduction: money.reduction,
    rank: null,
    trace,
  };
}

/** Every project aggregated, ranked by the total in force (as displayed), with the session's 核减 totals. */
export function aggregateSession(projects: ProjectPanelInput[], rule: AggregationRule): SessionAggregate {
  const aggregates = projects.map((p) => aggregateProject(p, rule));
  const shown = (a: ProjectAggregate) => (a.total.inForce ? Number(a.total.inForce.text) : null);
  const ranked = aggregates.filter((a) => shown(a) !== null).sort((a, b) => (shown(b) as number) - (shown(a) as number));
  ranked.forEach((a) => {
    a.rank = 1 + ranked.filter((b) => (shown(b) as number) > (shown(a) as number)).length;
  });
  const unranked = aggregates.filter((a) => shown(a) === null);
  // The session's 核减 is the projects' totals taken as lines of one budget, so the rate is computed the one way.
  const session = investmentReductions(
    aggregates.map((a) => ({ id: a.projectId, name: a.name, amountFen: a.reduction.requestedFen })),
    Object.fromEntries(aggregates.map((a) => [a.projectId, { approvedFen: a.reduction.approvedFen, reason: '' }])),
  ).project;
  return {
    rule,
    projects: aggregates,
    ranking: [...ranked, ...unranked].map((a) => ({ projectId: a.projectId, name: a.name, rank: a.rank, total: a.total.inForce })),
    reduction: session,
  };
}
