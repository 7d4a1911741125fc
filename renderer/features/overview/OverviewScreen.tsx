// Owns the session overview (评审概览) in place of the document area: each project's state, total, conclusion and radar chart; a row opens that project's 评分 tab.
import type { KeyboardEvent } from 'react';
import type { ProjectInfo } from '../../../shared/domain';
import { reviewStateLabels, type ProjectOverview } from '../../../shared/scoring';
import { userMessage } from '../../lib/errors';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { useSession } from '../../kernel/sessionStore';
import { RadarChart } from '../../ui/RadarChart';

export function OverviewScreen({ sessionId, projects }: { sessionId: string; projects: ProjectInfo[] }) {
  const overview = useRemote('session.overview', { sessionId });
  const names = new Map(projects.map((p) => [p.id, p.name]));
  return (
    <section className="overview" aria-labelledby="overview-title" data-testid="overview">
      <div className="overview-toolbar">
        <h2 id="overview-title" className="overview-title">
          {t.overview.title}
        </h2>
        <button type="button" className="btn" onClick={() => window.print()} data-testid="overview-print">
          {t.overview.print}
        </button>
        <button type="button" className="btn" onClick={() => useSession.getState().setOverviewOpen(false)} data-testid="overview-close">
          <Icon name="close" />
          {t.overview.close}
        </button>
      </div>
      {overview.state === 'loading' && <p className="panel-message">{t.common.loading}</p>}
      {overview.state === 'error' && <p className="panel-message text-error">{userMessage(overview.error)}</p>}
      {overview.state === 'ready' && (
        <table className="overview-table">
          <thead>
            <tr>
              {t.overview.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.value.map((row, i) => (
              <OverviewRow key={row.projectId} index={i + 1} row={row} name={names.get(row.projectId) ?? row.projectId} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function OverviewRow({ index, row, name }: { index: number; row: ProjectOverview; name: string }) {
  const open = () => useSession.getState().openReview(row.projectId);
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    open();
  };
  const scored = row.state !== 'not-started' && row.state !== 'recused';
  return (
    <tr
      className="overview-row"
      tabIndex={0}
      onClick={open}
      onKeyDown={onKeyDown}
      title={t.overview.openHint}
      data-testid="overview-row"
      data-project={row.projectId}
      data-state={row.state}
    >
      <td className="overview-index">{index}</td>
      <td className="overview-name">{name}</td>
      <td>
        <span className={`review-state review-state-${row.state}`} data-testid="overview-state">
          {reviewStateLabels[row.state]}
        </span>
      </td>
      <td className="overview-total" data-testid="overview-total" data-total={row.total}>
        {scored ? (
          <>
            {row.total}
            <small> / {row.totalPoints}</small>
          </>
        ) : (
          t.common.none
        )}
      </td>
      <td className={`overview-conclusion conclusion-${row.conclusion ?? 'none'}`}>
        {row.conclusion ? t.overview.conclusions[row.conclusion] : t.common.none}
      </td>
      <td className="overview-chart">
        {row.state === 'recused' ? (
          <span className="muted">{t.overview.recused}</span>
        ) : (
          <RadarChart axes={row.dimensions} label={t.overview.chartLabel(name)} />
        )}
      </td>
    </tr>
  );
}
