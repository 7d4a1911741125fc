// Builders for scoring tests: a review under a profile's rubric, with every sub-criterion scored by a rule.
import type { Rubric, RubricDimension } from '../../../shared/profile';
import { reviewSchema, type Review, type ReviewInput } from '../../../shared/scoring';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { resolveRubric } from '../../../electron/core/scoring/rubric';

export const wulong = loadProfile('wulong');
export const wulongRubric = resolveRubric(wulong);

export function makeReview(input: Partial<ReviewInput> = {}): Review {
  return reviewSchema.parse({ projectId: 'p1', expertId: 'e1', rubricFingerprint: wulongRubric.fingerprint, ...input });
}

type SubCriterion = RubricDimension['subCriteria'][number];

/** `dimensions` of a review input with each sub-criterion scored by `score` (null leaves it unscored). */
export function scoreAll(rubric: Rubric, score: (c: SubCriterion, d: RubricDimension) => number | null): ReviewInput['dimensions'] {
  return Object.fromEntries(
    rubric.dimensions.map((d) => [d.id, { scores: Object.fromEntries(d.subCriteria.map((c) => [c.id, score(c, d)])) }]),
  );
}
