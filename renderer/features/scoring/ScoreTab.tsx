// Owns the 评分 form: the whole review of the selected project in the order the expert works (declaration, dimensions, vetoes, chapters, investment, overall opinion, conclusion, completion), and its undo / redo keys; the dimensions
// as sections in the side column, or as the full-width score table (ScoreTable.tsx).
import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import type { ProjectInfo } from '../../../shared/domain';
import { scoreTotals } from '../../../shared/reviewTotals';
import type { ReviewView } from '../../../shared/scoring';
import type { BudgetVerdict } from '../../kernel/VerdictChip';
import { isMod } from '../../lib/keys';
import { userMessage } from '../../lib/errors';
import { t } from '../../locale/zh-CN';
import { CompletionBar } from './CompletionBar';
import { ConclusionSection } from './ConclusionSection';
import { DeclarationSection } from './DeclarationSection';
import { DimensionSection } from './DimensionSection';
import { InvestmentSection } from './InvestmentSection';
import { ChapterOpinions, OverallOpinion, VetoSection } from './OpinionSections';
import { SaveStatus } from './SaveStatus';
import { ScoreTable } from './ScoreTable';
import { useScoring } from './store';

interface Props {
  sessionId: string;
  project: ProjectInfo;
  /** The pre-check's verdicts on the budget lines, shown in 投资审核; absent until its report has arrived. */
  verdicts: BudgetVerdict[] | undefined;
  /** What closes the form: the 签名 bar of the review (signing is another feature, so the panel passes it in). */
  sealBar(view: ReviewView): ReactNode;
  /** `table`: the full-width view, dimensions as one table; `panel`: the side column. */
  layout: 'panel' | 'table';
  /** The switch between the two views, shown in the form's toolbar (the app owns the layout). */
  viewSwitch: ReactNode;
}

export function ScoreTab({ sessionId, project, verdicts, sealBar, layout, viewSwitch }: Props) {
  const view = useScoring((s) => (s.projectId === project.id && s.sessionId === sessionId ? s.view : null));
  const draft = useScoring((s) => (s.projectId === project.id && s.sessionId === sessionId ? s.draft : null));
  const loadStatus = useScoring((s) => s.loadStatus);
  const loadError = useScoring((s) => s.loadError);

  useEffect(() => {
    void useScoring.getState().load(sessionId, project.id);
  }, [sessionId, project.id]);

  // Leaving the page (reload, close) sends what the debounce still holds; a failure then has nobody to tell.
  useEffect(() => {
    const save = () =>
      void useScoring
        .getState()
        .flush()
        .catch(() => undefined);
    window.addEventListener('pagehide', save);
    return () => window.removeEventListener('pagehide', save);
  }, []);

  if (!view || !draft) {
    if (loadStatus === 'error') {
      return (
        <div className="panel-message" role="alert">
          <p className="text-error">{t.scoring.failed}</p>
          <p className="muted">{userMessage(loadError)}</p>
          <button type="button" className="btn" onClick={() => void useScoring.getState().load(sessionId, project.id)}>
            {t.scoring.retry}
          </button>
        </div>
      );
    }
    return (
      <div className="panel-message" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        <p>{t.scoring.loading}</p>
      </div>
    );
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!isMod(e.nativeEvent) || e.key.toLowerCase() !== 'z') return;
    e.preventDefault();
    if (e.shiftKey) useScoring.getState().redo();
    else useScoring.getState().undo();
  };

  const rubric = view.rubric.rubric;
  const totals = scoreTotals(draft, rubric);
  const locked = view.completedAt !== null;
  const lines = view.reductions.lines.map((l) => ({ id: l.lineId, name: l.name, amountFen: l.requestedFen }));
  return (
    <div
      className={`score-form score-form-${layout}`}
      onKeyDown={onKeyDown}
      data-testid="score-form"
      data-state={view.state}
      data-layout={layout}
    >
      <SaveStatus>{viewSwitch}</SaveStatus>
      <DeclarationSection review={draft} disabled={locked} />
      {draft.conflict?.hasConflict === false && (
        <>
          {layout === 'table' ? (
            <ScoreTable rubric={rubric} totals={totals.dimensions} dimensions={draft.dimensions} disabled={locked} />
          ) : (
            rubric.dimensions.map((d, i) => (
              <DimensionSection key={d.id} dimension={d} total={totals.dimensions[i]!} entry={draft.dimensions[d.id]} disabled={locked} />
            ))
          )}
          <VetoSection vetoes={view.vetoes} rulings={draft.vetoRulings} disabled={locked} />
          <ChapterOpinions chapters={view.chapters} opinions={draft.chapterOpinions} disabled={locked} />
          {lines.length > 0 && <InvestmentSection lines={lines} verdicts={verdicts} investment={draft.investment} disabled={locked} />}
          <OverallOpinion text={draft.overallOpinion} disabled={locked} />
          <ConclusionSection review={draft} rubric={rubric} totals={totals} suggestion={view.suggestion} disabled={locked} />
        </>
      )}
      {draft.conflict !== null && <CompletionBar sessionId={sessionId} view={view} />}
      {sealBar(view)}
    </div>
  );
}
