// Owns the changes the form makes to a review, as pure functions of the review (so undo snapshots are plain values).
import type { RubricDimensionId } from '../../../shared/profile';
import type { DimensionReview, LineReview, Review } from '../../../shared/scoring';

const emptyDimension: DimensionReview = { scores: {}, opinion: '', lowScoreReason: '' };
const emptyLine: LineReview = { approvedFen: null, reason: '' };

export function setScore(id: RubricDimensionId, criterionId: string, score: number | null) {
  return (r: Review): Review => {
    const d = r.dimensions[id] ?? emptyDimension;
    return { ...r, dimensions: { ...r.dimensions, [id]: { ...d, scores: { ...d.scores, [criterionId]: score } } } };
  };
}

export function setDimensionText(id: RubricDimensionId, field: 'opinion' | 'lowScoreReason', text: string) {
  return (r: Review): Review => ({
    ...r,
    dimensions: { ...r.dimensions, [id]: { ...(r.dimensions[id] ?? emptyDimension), [field]: text } },
  });
}

export function setLine(lineId: string, patch: Partial<LineReview>) {
  return (r: Review): Review => ({ ...r, investment: { ...r.investment, [lineId]: { ...(r.investment[lineId] ?? emptyLine), ...patch } } });
}

/** null removes the ruling: the pre-check's finding decides again. */
export function setVetoRuling(vetoId: string, ruling: boolean | null) {
  return (r: Review): Review => {
    const { [vetoId]: _, ...rest } = r.vetoRulings;
    return { ...r, vetoRulings: ruling === null ? rest : { ...rest, [vetoId]: ruling } };
  };
}

export function patch(fields: Partial<Review>) {
  return (r: Review): Review => ({ ...r, ...fields });
}
