// Owns 专家组汇总: the ranking (轻重缓急) as the project chooser, and for the chosen project the score table, the charts,
// the approved amounts with 核减, the calculation trace, the conclusion and the dissents, and the panel's opinion text.
import { useEffect } from 'react';
import { fenToWanLabel } from '../../lib/format';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { formatBasisPoints } from '../../../shared/scoring';
import { RadarChart } from '../../ui/RadarChart';
import { ConclusionPanel } from './ConclusionPanel';
import { LinesTable } from './LinesTable';
import { PanelOpinionEditor } from './PanelOpinionEditor';
import { PanelSigning } from './PanelSigning';
import { usePanel } from './panelStore';
import { ScoreTable } from './ScoreTable';
import { StripPlot } from './StripPlot';

export function PanelScreen({ sessionId }: { sessionId: string }) {
  const view = usePanel((s) => s.view);
  const projectId = usePanel((s) => s.projectId);
  const detail = useRemote('session.get', { sessionId });
  useEffect(() => {
    void usePanel.getState().load(sessionId);
  }, [sessionId]);
  if (!view || view.sessionId !== sessionId) return <p className="panel-message">{t.common.loading}</p>;
  const { aggregate } = view;
  const project = aggregate.projects.find((p) => p.projectId === projectId) ?? null;
  const decided = view.projects.find((p) => p.projectId === projectId) ?? null;
  const roster = detail.state === 'ready' ? detail.value.experts.map((e) => e.name) : [];
  return (
    <div className="bureau-stack" data-testid="panel-screen">
      <section className="bureau-card" aria-labelledby="ranking-h">
        <h2 id="ranking-h" className="bureau-h2">
          {t.bureau.panel.rankingTitle}
        </h2>
        <table className="bureau-table" data-testid="ranking">
          <thead>
            <tr>
              <th className="num">{t.bureau.panel.rank}</th>
              <th>{t.bureau.panel.project}</th>
              <th className="num">{t.bureau.panel.total}</th>
              <th>{t.bureau.panel.conclusion}</th>
              <th className="num">{t.bureau.panel.reduction}</th>
            </tr>
          </thead>
          <tbody>
            {aggregate.ranking.map((r) => {
              const a = aggregate.projects.find((p) => p.projectId === r.projectId)!;
              const c = view.projects.find((p) => p.projectId === r.projectId)?.conclusion;
              return (
                <tr key={r.projectId} className={r.projectId === projectId ? 'current' : undefined} data-testid="ranking-row">
                  <td className="num">{r.rank ?? t.common.none}</td>
                  <td>
                    <button
                      type="button"
                      className="link-btn"
                      aria-current={r.projectId === projectId || undefined}
                      onClick={() => usePanel.getState().choose(r.projectId)}
                      data-testid="ranking-open"
                    >
                      {r.name}
                    </button>
                  </td>
                  <td className="num" data-testid="ranking-total">
                    {r.total?.text ?? t.common.none}
                  </td>
                  <td>{c?.label ?? t.bureau.panel.undecided}</td>
                  <td className="num">{fenToWanLabel(a.reduction.reductionFen)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>{t.bureau.panel.sessionReduction}</td>
              <td className="num" data-testid="session-reduction">
                {fenToWanLabel(aggregate.reduction.reductionFen)}
                {aggregate.reduction.reductionRateBp !== null && `（${formatBasisPoints(aggregate.reduction.reductionRateBp)}）`}
              </td>
            </tr>
          </tfoot>
        </table>
      </section>

      {project && decided && (
        <>
          <section className="bureau-card" aria-labelledby="scores-h" data-testid="panel-project" data-project={project.projectId}>
            <h2 id="scores-h" className="bureau-h2">
              {t.bureau.panel.scoresTitle(project.name)}
            </h2>
            <p className="muted">
              {t.bureau.panel.members(project.n, decided.members.length)}
              {project.recused.length > 0 && t.bureau.panel.recused(project.recused.map((r) => r.name).join('、'))}
              {decided.missing.length > 0 && t.bureau.panel.missing(decided.missing.join('、'))}
            </p>
            <ScoreTable project={project} />
            {project.deviations.length > 0 && (
              <ul className="bureau-deviations" role="status" data-testid="deviations">
                {project.deviations.map((d) => (
                  <li key={`${d.seriesId}-${d.expertId}`} className="bureau-warning">
                    {d.message}
                  </li>
                ))}
              </ul>
            )}
            <div className="bureau-charts">
              <figure>
                <RadarChart
                  axes={project.dimensions.map((d) => ({ id: d.id, name: d.name, score: d.inForce?.value ?? 0, max: d.maxPoints }))}
                  label={t.bureau.panel.radarLabel(project.name)}
                />
                <figcaption>{t.bureau.panel.radarCaption}</figcaption>
              </figure>
              <figure>
                <StripPlot
                  dimensions={project.dimensions}
                  warned={new Set(project.deviations.map((d) => `${d.seriesId}:${d.expertId}`))}
                  label={t.bureau.panel.stripLabel(project.name)}
                />
                <figcaption>{t.bureau.panel.stripCaption}</figcaption>
              </figure>
            </div>
            <details className="bureau-details" data-testid="trace">
              <summary>{t.bureau.panel.traceTitle}</summary>
              <ol className="bureau-trace">
                {project.trace.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
            </details>
          </section>
          <LinesTable project={project} />
          <ConclusionPanel projectId={project.projectId} decided={decided} roster={roster} roll={project.roster} />
          <PanelOpinionEditor sessionId={sessionId} projectId={project.projectId} />
          <PanelSigning sessionId={sessionId} projectId={project.projectId} />
        </>
      )}
    </div>
  );
}
