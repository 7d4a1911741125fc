// Owns the header's one primary action, chosen by the selected project's review state: 开始评分 (not started) → 完成评审
// (in progress: opens the form and asks it to complete) → 签名并导出 (complete: the signing feature's export); none when recused.
import { useReviewStates } from '../../kernel/reviewStates';
import { useSession } from '../../kernel/sessionStore';
import { useScoring } from '../../features/scoring/store';
import { useSigning } from '../../features/signing/store';
import { t } from '../../locale/zh-CN';

export function PrimaryAction({ sessionId }: { sessionId: string }) {
  const projectId = useSession((s) => s.projectId);
  const state = useReviewStates((s) => (projectId ? (s.states[projectId] ?? 'not-started') : null));
  const p = t.desk.primary;
  if (!projectId || state === null || state === 'recused') return null;

  const action =
    state === 'not-started'
      ? { label: p.start, title: p.startTitle, run: () => useSession.getState().openReview(projectId) }
      : state === 'in-progress'
        ? {
            label: p.complete,
            title: p.completeTitle,
            run: () => {
              useSession.getState().openReview(projectId);
              useScoring.getState().requestComplete(true);
            },
          }
        : { label: p.sign, title: p.signTitle, run: () => useSigning.getState().open('export', sessionId) };
  return (
    <button
      type="button"
      className="btn btn-primary btn-header-primary"
      title={action.title}
      onClick={action.run}
      data-testid="primary-action"
      data-state={state}
    >
      {action.label}
    </button>
  );
}
