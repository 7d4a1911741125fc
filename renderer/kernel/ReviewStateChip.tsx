// Owns the small review-state chip (评审中 / 已完成 / 已签名 / 已导出 / 回避) beside a project in the project list; a project not yet started shows none.
import { reviewStateLabels } from '../../shared/scoring';
import { t } from '../locale/zh-CN';
import { useReviewStates } from './reviewStates';

export function ReviewStateChip({ projectId }: { projectId: string }) {
  const state = useReviewStates((s) => s.states[projectId]);
  const stage = useReviewStates((s) => s.stages[projectId]);
  if (!state || state === 'not-started') return null;
  if (state === 'complete' && (stage === 'signed' || stage === 'exported'))
    return (
      <span className={`review-state review-state-${stage}`} data-testid="review-state" data-state={stage}>
        {t.signing.stages[stage]}
      </span>
    );
  return (
    <span className={`review-state review-state-${state}`} data-testid="review-state" data-state={state}>
      {reviewStateLabels[state]}
    </span>
  );
}
