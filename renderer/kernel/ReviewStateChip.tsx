// Owns the small review-state chip (评审中 / 已完成 / 回避) beside a project in the project list; a project not yet started shows none.
import { reviewStateLabels } from '../../shared/scoring';
import { useReviewStates } from './reviewStates';

export function ReviewStateChip({ projectId }: { projectId: string }) {
  const state = useReviewStates((s) => s.states[projectId]);
  if (!state || state === 'not-started') return null;
  return (
    <span className={`review-state review-state-${state}`} data-testid="review-state" data-state={state}>
      {reviewStateLabels[state]}
    </span>
  );
}
