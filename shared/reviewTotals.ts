// Owns the arithmetic of a review (shared so the form shows subtotals and 核减 live): dimension subtotals and the total (exact, in half-points), the low-score rule, which vetoes apply, the suggested conclusion, and 核减 per line and for the project (integer fen).
//
// Weights need no multiplication: the profile schema fixes weight = maxPoints ÷ totalPoints, so the weighted total
// Σ weight × (subtotal ÷ maxPoints) × totalPoints is the plain sum of the points. Scores are multiples of 0.5, so
// they are summed as integer half-points and halved once at the end — no floating-point drift.
import type { Rubric, Veto } from './profile';
import type { Finding, FindingMark } from './precheck';
import type { BudgetLineAmount, DimensionTotal, LineReduction, Reduction, Review, ScoreTotals, Suggestion, VetoState } from './scoring';

const toHalves = (points: number) => Math.round(points * 2);

/** 低分: a fully scored dimension below 60% of its maximum (5 × subtotal < 3 × max, in integers). */
function isLowScore(subtotalHalves: number, maxPoints: number): boolean {
  return subtotalHalves * 5 < toHalves(maxPoints) * 3;
}

/** Subtotals per dimension (in the rubric's order) and the total; scores for ids the rubric lacks are ignored. */
export function scoreTotals(review: Review, rubric: Rubric): ScoreTotals {
  let totalHalves = 0;
  const dimensions = rubric.dimensions.map((d): DimensionTotal => {
    const scores = review.dimensions[d.id]?.scores ?? {};
    let halves = 0;
    let scored = 0;
    for (const c of d.subCriteria) {
      const score = scores[c.id];
      if (score === null || score === undefined) continue;
      halves += toHalves(score);
      scored += 1;
    }
    totalHalves += halves;
    const complete = scored === d.subCriteria.length;
    return {
      id: d.id,
      name: d.name,
      maxPoints: d.maxPoints,
      subtotal: halves / 2,
      scored,
      subCriteria: d.subCriteria.length,
      complete,
      lowScore: complete && isLowScore(halves, d.maxPoints),
    };
  });
  return { dimensions, total: totalHalves / 2, totalPoints: rubric.totalPoints, complete: dimensions.every((d) => d.complete) };
}

/** A pre-check finding as veto evaluation reads it; a finding marked 不适用 (not-applicable) is set aside. */
export type VetoFinding = Pick<Finding, 'ruleId' | 'status'> & { mark?: { mark: FindingMark | null } | null };

/**
 * Each veto's state. The expert's ruling decides; without one, a failing finding of one of the veto's rules makes it
 * hit, and a `judge` finding leaves it pending. Finding ids are `<profile>.<section>.<rule>`; vetoes name `<section>.<rule>`.
 */
export function vetoStates(rubric: Rubric, findings: readonly VetoFinding[], rulings: Review['vetoRulings']): VetoState[] {
  const live = findings.filter((f) => f.mark?.mark !== 'not-applicable');
  return rubric.vetoes.map((veto): VetoState => {
    const ruling = rulings[veto.id];
    if (ruling !== undefined) return { veto, state: ruling ? 'hit' : 'clear', decidedBy: 'expert' };
    const own = live.filter((f) => veto.rules.includes(f.ruleId.slice(f.ruleId.indexOf('.') + 1)));
    if (own.some((f) => f.status === 'fail')) return { veto, state: 'hit', decidedBy: 'precheck' };
    return { veto, state: own.some((f) => f.status === 'judge') ? 'pending' : 'clear', decidedBy: null };
  });
}

/**
 * 建议结论: any veto hit forces the rubric's veto conclusion; otherwise the highest band whose minimum the total reaches.
 * `total` is null while scoring is incomplete.
 */
export function suggestConclusion(
  total: number | null,
  vetoHits: readonly Veto[],
  rubric: Pick<Rubric, 'bands' | 'vetoConclusion'>,
): Suggestion {
  const bands = [...rubric.bands].sort((a, b) => b.minScore - a.minScore);
  if (vetoHits.length > 0) {
    const band = bands.find((b) => b.conclusion === rubric.vetoConclusion);
    const label = band?.label ?? rubric.vetoConclusion;
    return {
      conclusion: rubric.vetoConclusion,
      label,
      reasons: [...vetoHits.map((v) => `一票否决：${v.title}（${v.citation}）`), `一票否决项成立，不论得分，建议结论为「${label}」`],
    };
  }
  if (total === null) return { conclusion: null, label: null, reasons: ['评分尚未完成，暂无建议结论'] };
  const index = bands.findIndex((b) => total >= b.minScore);
  const band = bands[index]!; // the rubric schema requires a band from 0 points, and totals are never negative

  const above = bands[index - 1];
  const reason = above
    ? `总分 ${total} 分，达到「${band.label}」档（${band.minScore} 分及以上），低于「${above.label}」档的 ${above.minScore} 分`
    : `总分 ${total} 分，达到「${band.label}」档（${band.minScore} 分及以上）`;
  return { conclusion: band.conclusion, label: band.label, reasons: [reason] };
}

/** 核减率 in basis points: reduction × 10000 ÷ requested, rounded half away from zero, exactly (BigInt, no float). */
function rateBasisPoints(reductionFen: number, requestedFen: number): number | null {
  if (requestedFen === 0) return null;
  const scaled = BigInt(reductionFen) * 10_000n;
  const denominator = BigInt(requestedFen);
  const magnitude = ((scaled < 0n ? -scaled : scaled) * 2n + denominator) / (2n * denominator);
  return Number(scaled < 0n ? -magnitude : magnitude);
}

function reduction(requestedFen: number, approvedFen: number): Reduction {
  const reductionFen = requestedFen - approvedFen; // 核减额: requested − approved
  return { requestedFen, approvedFen, reductionFen, reductionRateBp: rateBasisPoints(reductionFen, requestedFen) };
}

/** 投资审核: 核减 per budget line (a line without an approved amount stands as requested) and for the project. */
export function investmentReductions(
  lines: readonly BudgetLineAmount[],
  investment: Review['investment'],
): { lines: LineReduction[]; project: Reduction } {
  const perLine = lines.map((line): LineReduction => {
    const approvedFen = investment[line.id]?.approvedFen ?? null;
    return {
      lineId: line.id,
      name: line.name,
      reviewed: approvedFen !== null,
      ...reduction(line.amountFen, approvedFen ?? line.amountFen),
    };
  });
  const requestedFen = perLine.reduce((s, l) => s + l.requestedFen, 0);
  const approvedFen = perLine.reduce((s, l) => s + l.approvedFen, 0);
  return { lines: perLine, project: reduction(requestedFen, approvedFen) };
}
