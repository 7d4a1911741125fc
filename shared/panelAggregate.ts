// Owns the types of the panel's aggregation (专家组评分汇总): what aggregateProject / aggregateSession read and return, and the rule in force.
//
// Numbers: scores are multiples of 0.5 and are summed as integer half-points, so means, medians and trimmed means are
// exact rationals until display. Every figure carries its float `value` (charts, sorting) and its `text`, rounded
// once from the exact rational to `rule.decimals` places, half away from zero. Amounts stay integer fen (分).
import type { Conclusion, RubricDimensionId } from './profile';
import type { BudgetLineAmount, LineReduction, Reduction } from './scoring';

/** How the panel's scores are combined (汇总规则); the profile carries it (see README: `aggregation`). */
export interface AggregationRule {
  /** Drop one highest and one lowest score (去掉一个最高分和一个最低分) when at least this many experts scored; 5. */
  trimAtLeast: number;
  /** 评分偏离提醒: warn when |score − mean of the other experts| is MORE than this share of the maximum; 0.2. */
  deviationShare: number;
  /** Panel approved amount per budget line (专家组核定金额): median of the experts (default) or their mean. */
  approved: 'median' | 'mean';
  /** Decimal places shown (and used for ranking); 2. */
  decimals: number;
}

export const defaultAggregationRule: AggregationRule = { trimAtLeast: 5, deviationShare: 0.2, approved: 'median', decimals: 2 };

/** One expert's result for one project, reduced to numbers (from scoreTotals / the review; see expertScoresFromReview). */
export interface ExpertScores {
  expertId: string;
  /** Shown in traces and sheets, e.g. 专家甲. */
  name: string;
  /** 回避: the expert declared a conflict and counts for nothing in this project. */
  recused: boolean;
  /** Dimension id → subtotal (a multiple of 0.5). Ignored when recused. */
  dimensions: Partial<Record<RubricDimensionId, number>>;
  /** Total score (a multiple of 0.5). Ignored when recused. */
  total: number;
  conclusion: Conclusion | null;
  /** Budget-line id → the expert's approved amount in fen; null or absent: as requested (按申报金额). */
  approvedFen: Record<string, number | null>;
}

/** 组长裁定: the chair sets a line's panel approved amount, with a reason that the sheet and letter carry. */
export interface ChairOverride {
  approvedFen: number;
  reason: string;
}

/** Everything aggregation needs for one project. */
export interface ProjectPanelInput {
  projectId: string;
  /** Project name (项目名称). */
  name: string;
  /** The rubric's dimensions in display order. */
  dimensions: { id: RubricDimensionId; name: string; maxPoints: number }[];
  totalPoints: number;
  /** Budget lines with the requested amount (申报金额). */
  lines: BudgetLineAmount[];
  /** In roster order; traces list scores in this order. */
  experts: ExpertScores[];
  /** Budget-line id → the chair's override. */
  overrides?: Record<string, ChairOverride>;
}

/** A computed figure: `value` for charts and comparisons, `text` rounded for display (half away from zero). */
export interface Figure {
  value: number;
  text: string;
}

/** A score that counted, attributed to its expert. */
export interface ExpertScore {
  expertId: string;
  name: string;
  score: number;
}

/** 去掉的极值: one score dropped by trimming; among equal extremes, the expert whose id sorts first is dropped. */
export interface DroppedScore extends ExpertScore {
  end: 'highest' | 'lowest';
}

/** Which value is in force (采用值): the trimmed mean when n ≥ trimAtLeast, else the plain mean. */
export type InForceRule = 'trimmed-mean' | 'mean';

/** Statistics of one series of scores (a dimension, or the total); figures are null when no expert scored. */
export interface SeriesStats {
  /** Valid scores of the non-recused experts, in roster order. */
  scores: ExpertScore[];
  n: number;
  min: number | null;
  max: number | null;
  mean: Figure | null;
  median: Figure | null;
  /** null when n < trimAtLeast. */
  trimmedMean: Figure | null;
  /** Population standard deviation (÷ n): the spread of this panel itself, not an estimate for a wider pool. */
  stdDev: Figure | null;
  inForce: Figure | null;
  inForceRule: InForceRule;
  dropped: DroppedScore[];
}

/** The key of a series: a dimension, or `total` for the total score. */
export type SeriesKey = RubricDimensionId | 'total';

export interface DimensionAggregate extends SeriesStats {
  id: SeriesKey;
  name: string;
  maxPoints: number;
}

/** 评分偏离提醒: an expert whose score differs from the mean of the other experts by more than the threshold. */
export interface DeviationWarning {
  seriesId: SeriesKey;
  seriesName: string;
  expertId: string;
  name: string;
  score: number;
  othersMean: Figure;
  /** score − othersMean (signed). */
  difference: Figure;
  /** deviationShare × maxPoints. */
  threshold: Figure;
  message: string;
}

/** The panel's approved amount for one budget line, with its 核减 (reviewed is true whenever the panel set a figure). */
export interface LineAggregate extends LineReduction {
  /** How the panel figure was reached; `requested` when no expert counted. */
  source: 'median' | 'mean' | 'chair' | 'requested';
  /** The non-recused experts' figures (null in ExpertScores already replaced by the requested amount), roster order. */
  expertApprovedFen: { expertId: string; name: string; approvedFen: number }[];
  /** The value the experts' figures give, even when the chair overrode it. */
  computedFen: number | null;
  /** The chair's reason when source is `chair`. */
  chairReason: string | null;
}

export interface ProjectAggregate {
  projectId: string;
  name: string;
  rule: AggregationRule;
  /** Every expert in roster order, recused ones included; conclusion null when recused or not given. */
  roster: { expertId: string; name: string; recused: boolean; conclusion: Conclusion | null }[];
  /** Non-recused experts. */
  n: number;
  recused: { expertId: string; name: string }[];
  /** In rubric order. */
  dimensions: DimensionAggregate[];
  total: DimensionAggregate;
  deviations: DeviationWarning[];
  /** Count of each expert's conclusion (non-recused only). */
  conclusions: Record<Conclusion, number>;
  lines: LineAggregate[];
  /** 项目核减合计 */
  reduction: Reduction;
  /** 轻重缓急 rank by the total in force; set by aggregateSession, null alone or when no expert scored. */
  rank: number | null;
  /** 计算过程: one line per step, in Chinese, enough to recompute by hand. */
  trace: string[];
}

export interface SessionAggregate {
  rule: AggregationRule;
  /** In input order, each with its rank. */
  projects: ProjectAggregate[];
  /** Project ids from rank 1 down; projects without a total in force come last, unranked. */
  ranking: { projectId: string; name: string; rank: number | null; total: Figure | null }[];
  /** 本次评审核减合计 */
  reduction: Reduction;
}
