// Owns the bench's summary statistics: nearest-rank percentiles over a run's samples.

/** The sample at rank ⌊p% · n⌋ of the sorted samples (p50 = the upper median); NaN for no samples. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const p50 = (xs: readonly number[]): number => percentile(xs, 50);
