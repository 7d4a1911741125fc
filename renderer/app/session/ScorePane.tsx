// Owns the 评分 form as the session screen places it: behind the roster check (确认身份) and the commitment gate, with the pre-check's verdicts and the
// 签名 bar handed in, and the switch between the side column and the full-width score table.
import type { ProjectInfo } from '../../../shared/domain';
import { CommitmentGate } from '../../features/expert/CommitmentGate';
import { useExpert } from '../../features/expert/store';
import { usePrecheck } from '../../features/precheck/store';
import { ScoreTab } from '../../features/scoring/ScoreTab';
import { RosterGate } from '../../features/signing/RosterGate';
import { SignBar } from '../../features/signing/SignBar';
import { t } from '../../locale/zh-CN';
import { useDeskLayout, type ScoreView } from './deskLayout';

const VIEWS: ScoreView[] = ['side', 'table'];

export function ScorePane({ sessionId, project }: { sessionId: string; project: ProjectInfo }) {
  const verdicts = usePrecheck((s) => (s.sessionId === sessionId && s.projectId === project.id ? s.report?.budgetLines : undefined));
  const scoreView = useDeskLayout((s) => s.scoreView);
  return (
    <RosterGate sessionId={sessionId} onNameChange={() => void useExpert.getState().load()}>
      <CommitmentGate sessionId={sessionId}>
        <ScoreTab
          sessionId={sessionId}
          project={project}
          verdicts={verdicts}
          sealBar={(view) => <SignBar sessionId={sessionId} view={view} />}
          layout={scoreView === 'table' ? 'table' : 'panel'}
          viewSwitch={<ScoreViewSwitch />}
        />
      </CommitmentGate>
    </RosterGate>
  );
}

function ScoreViewSwitch() {
  const scoreView = useDeskLayout((s) => s.scoreView);
  const setScoreView = useDeskLayout((s) => s.setScoreView);
  return (
    <span className="view-switch" role="group" aria-label={t.desk.viewsLabel}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          className={`view-switch-btn${v === scoreView ? ' active' : ''}`}
          aria-pressed={v === scoreView}
          title={t.desk.viewTitles[v]}
          onClick={() => setScoreView(v)}
          data-testid={`score-view-${v}`}
        >
          {t.desk.views[v]}
        </button>
      ))}
    </span>
  );
}
