// Owns the exact statistics of one series of scores (mean, median, trimmed mean, standard deviation) and display rounding.
//
// Scores are multiples of 0.5, so they are held as integer half-points and every mean or median is an exact rational
// num/den. Rounding happens once, for display, half away from zero (17.825 → 17.83), in BigInt so no float drift
// can move a value across the half. The standard deviation is irrational in general and is rounded from its float.
import type { AggregationRule, DroppedScore, ExpertScore, Figure, InForceRule, SeriesStats } from '../../../shared/panelAggregate';

/** An exact rational; den > 0. */
export interface Rational {
  num: number;
  den: number;
}

export const toHalves = (points: number) => Math.round(points * 2);

/** num/den rounded half away from zero to `decimals` places, as a scaled integer (17.825 at 2 → 1783n). */
function roundScaled(r: Rational, decimals: number): bigint {
  const scaled = BigInt(r.num) * 10n ** BigInt(decimals);
  const den = BigInt(r.den);
  const magnitude = ((scaled < 0n ? -scaled : scaled) * 2n + den) / (2n * den);
  return scaled < 0n ? -magnitude : magnitude;
}

function scaledText(q: bigint, decimals: number): string {
  const negative = q < 0n;
  const digits = (negative ? -q : q).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** An exact rational as a Figure: float value, text rounded half away from zero. */
export function figure(r: Rational, decimals: number): Figure {
  return { value: r.num / r.den, text: scaledText(roundScaled(r, decimals), decimals) };
}

/** The sum of figures as displayed (their texts, each at `decimals` places), exactly: 19.50 + 8.00 + 14.83 → 42.33. */
export function sumFigures(parts: readonly Figure[], decimals: number): Figure {
  const scaled = parts.reduce((acc, f) => {
    const [whole = '0', fraction = ''] = f.text.replace('-', '').split('.');
    const magnitude = BigInt(whole) * 10n ** BigInt(decimals) + BigInt((fraction + '0'.repeat(decimals)).slice(0, decimals) || '0');
    return acc + (f.text.startsWith('-') ? -magnitude : magnitude);
  }, 0n);
  const text = scaledText(scaled, decimals);
  return { value: Number(text), text };
}

/** A float (only the standard deviation) as a Figure; its text is rounded half away from zero. */
function floatFigure(x: number, decimals: number): Figure {
  const factor = 10 ** decimals;
  const rounded = Math.sign(x) * Math.round(Math.abs(x) * factor);
  return { value: x, text: scaledText(BigInt(rounded), decimals) };
}

/** A score as traces write it: 17.5, 18 (never trailing zeros: it is what the expert entered). */
export const scoreText = (score: number) => String(score);

/** Statistics of the scores in roster order under the rule. */
export function seriesStats(scores: ExpertScore[], rule: AggregationRule): SeriesStats {
  const n = scores.length;
  const halves = scores.map((s) => toHalves(s.score));
  const sum = halves.reduce((a, b) => a + b, 0);
  if (n === 0) {
    return {
      scores,
      n,
      min: null,
      max: null,
      mean: null,
      median: null,
      trimmedMean: null,
      stdDev: null,
      inForce: null,
      inForceRule: 'mean',
      dropped: [],
    };
  }
  const d = rule.decimals;
  // Sort by score, then expert id: among equal extremes the expert whose id sorts first is dropped, whatever the roster order.
  const sorted = [...scores].sort((a, b) => a.score - b.score || (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
  const sortedHalves = sorted.map((s) => toHalves(s.score));
  const mid = Math.floor(n / 2);
  // n ≥ 1 here, so mid (and, for an even n ≥ 2, mid − 1) indexes a score.
  const median: Rational = n % 2 === 1 ? { num: sortedHalves[mid]!, den: 2 } : { num: sortedHalves[mid - 1]! + sortedHalves[mid]!, den: 4 };
  const mean: Rational = { num: sum, den: 2 * n };
  // Population variance in half-points²: (n·Σh² − (Σh)²) / n²; an exact integer numerator, so it is never negative.
  const sumSquares = halves.reduce((a, h) => a + h * h, 0);
  const stdDev = Math.sqrt(n * sumSquares - sum * sum) / (2 * n);
  const trim = n >= rule.trimAtLeast && n >= 3;
  const lowest = sorted[0]!;
  // Among equal highest scores, the first by id that is not already dropped as the lowest (all equal: two experts).
  const top = sorted[n - 1]!.score;
  const highest = sorted.slice(1).find((s) => s.score === top) ?? lowest;
  const dropped: DroppedScore[] = trim
    ? [
        { ...highest, end: 'highest' },
        { ...lowest, end: 'lowest' },
      ]
    : [];
  const trimmed: Rational | null = trim ? { num: sum - toHalves(highest.score) - toHalves(lowest.score), den: 2 * (n - 2) } : null;
  const inForceRule: InForceRule = trimmed ? 'trimmed-mean' : 'mean';
  return {
    scores,
    n,
    min: lowest.score,
    max: highest.score,
    mean: figure(mean, d),
    median: figure(median, d),
    trimmedMean: trimmed ? figure(trimmed, d) : null,
    stdDev: floatFigure(stdDev, d),
    inForce: figure(trimmed ?? mean, d),
    inForceRule,
    dropped,
  };
}

/** Median of integer fen (at least one value); an even count takes the mean of the middle two, rounded half away from zero to a whole fen. */
export function medianFen(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Number(roundScaled({ num: sorted[mid - 1]! + sorted[mid]!, den: 2 }, 0));
}

/** Mean of integer fen, rounded half away from zero to a whole fen. */
export function meanFen(values: number[]): number {
  return Number(roundScaled({ num: values.reduce((a, b) => a + b, 0), den: values.length }, 0));
}

/** The mean of the other experts' scores (for 评分偏离提醒); null when the expert is alone. */
export function othersMean(sumHalves: number, n: number, scoreHalves: number): Rational | null {
  return n < 2 ? null : { num: sumHalves - scoreHalves, den: 2 * (n - 1) };
}
