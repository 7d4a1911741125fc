// Properties of the aggregation that hold for any panel: bounds of the trimmed mean, identical scores, roster order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateProject,
  defaultAggregationRule as rule,
  type ExpertScores,
  type ProjectAggregate,
} from '../../../electron/core/panel/aggregate';
import { expert, project, recusedExpert } from './fixtures';

const half = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((h) => h / 2);
const fen = fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: null });

const panel = fc
  .array(fc.record({ necessity: half(20), cost: half(20), recused: fc.boolean(), dev: fen, hw: fen }), { minLength: 1, maxLength: 15 })
  .map((rows) =>
    rows.map((r, i): ExpertScores =>
      r.recused && i % 3 === 0
        ? recusedExpert(`e${i}`, `专家${i}`)
        : expert(`e${i}`, `专家${i}`, r.necessity, r.cost, { approvedFen: { dev: r.dev, hw: r.hw } }),
    ),
  );

/** Everything but the roster-ordered parts (score lists, trace), with warnings in a fixed order. */
function orderFree(a: ProjectAggregate) {
  const series = [...a.dimensions, a.total].map(({ scores: _scores, ...rest }) => rest);
  const lines = a.lines.map(({ expertApprovedFen: _e, ...rest }) => rest);
  const deviations = [...a.deviations].sort((x, y) => `${x.seriesId}/${x.expertId}`.localeCompare(`${y.seriesId}/${y.expertId}`));
  return {
    series,
    lines,
    deviations,
    n: a.n,
    recused: [...a.recused].sort((x, y) => x.expertId.localeCompare(y.expertId)),
    reduction: a.reduction,
    conclusions: a.conclusions,
  };
}

describe('aggregation properties', () => {
  it('the trimmed mean and the value in force lie between the lowest and the highest score', () => {
    fc.assert(
      fc.property(panel, (experts) => {
        const a = aggregateProject(project(experts), rule);
        for (const s of [...a.dimensions, a.total]) {
          if (s.n === 0) continue;
          const min = s.min as number;
          const max = s.max as number;
          for (const f of [s.trimmedMean, s.inForce, s.mean, s.median]) {
            if (!f) continue;
            expect(f.value).toBeGreaterThanOrEqual(min);
            expect(f.value).toBeLessThanOrEqual(max);
          }
          expect(s.trimmedMean === null).toBe(s.n < rule.trimAtLeast);
        }
      }),
    );
  });

  it('identical scores give that score as mean, median, trimmed mean and value in force, with no spread or warning', () => {
    fc.assert(
      fc.property(half(20), fc.integer({ min: 1, max: 15 }), (score, n) => {
        const a = aggregateProject(project(Array.from({ length: n }, (_, i) => expert(`e${i}`, `专家${i}`, score, score))), rule);
        const s = a.dimensions[0];
        expect(s!.mean?.value).toBe(score);
        expect(s!.median?.value).toBe(score);
        expect(s!.inForce?.value).toBe(score);
        expect(s!.inForce?.text).toBe(score.toFixed(2));
        if (n >= rule.trimAtLeast) expect(s!.trimmedMean?.value).toBe(score);
        expect(s!.stdDev?.value).toBe(0);
        expect(a.deviations).toEqual([]);
      }),
    );
  });

  it('reordering the experts changes nothing but the order of lists', () => {
    fc.assert(
      fc.property(
        panel.chain((experts) =>
          fc.tuple(fc.constant(experts), fc.shuffledSubarray(experts, { minLength: experts.length, maxLength: experts.length })),
        ),
        ([experts, shuffled]) => {
          expect(orderFree(aggregateProject(project(shuffled), rule))).toEqual(orderFree(aggregateProject(project(experts), rule)));
        },
      ),
    );
  });
});
