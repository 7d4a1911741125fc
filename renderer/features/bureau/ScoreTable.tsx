// Owns the panel's score table of one project: experts × dimensions (and the total), scores dropped by trimming marked,
// deviation warnings (评分偏离提醒) highlighted, then mean, median, trimmed mean, standard deviation and the value in force with its rule.
import type { DimensionAggregate, Figure, ProjectAggregate } from '../../../shared/panelAggregate';
import { t } from '../../locale/zh-CN';

const stats = ['mean', 'median', 'trimmedMean', 'stdDev', 'inForce'] as const;

export function ScoreTable({ project }: { project: ProjectAggregate }) {
  const series: DimensionAggregate[] = [...project.dimensions, project.total];
  const warned = new Set(project.deviations.map((d) => `${d.seriesId}:${d.expertId}`));
  const dropped = new Set(series.flatMap((s) => s.dropped.map((d) => `${s.id}:${d.expertId}`)));
  const figure = (f: Figure | null) => f?.text ?? t.common.none;
  return (
    <div className="bureau-scroll">
      <table className="bureau-table bureau-scores" data-testid="score-table">
        <thead>
          <tr>
            <th>{t.bureau.panel.expert}</th>
            {series.map((s) => (
              <th key={s.id} className="num">
                {s.name}
                <small className="muted">{t.bureau.panel.max(s.maxPoints)}</small>
              </th>
            ))}
            <th>{t.bureau.panel.expertConclusion}</th>
          </tr>
        </thead>
        <tbody>
          {project.roster.map((m) => (
            <tr key={m.expertId} className={m.recused ? 'recused' : undefined} data-testid="score-row">
              <th scope="row">{m.name}</th>
              {series.map((s) => {
                if (m.recused)
                  return (
                    <td key={s.id} className="num muted">
                      {t.bureau.panel.recusedCell}
                    </td>
                  );
                const score = s.scores.find((x) => x.expertId === m.expertId)?.score;
                const key = `${s.id}:${m.expertId}`;
                const cls = ['num', warned.has(key) ? 'warned' : '', dropped.has(key) ? 'dropped' : ''].filter(Boolean).join(' ');
                return (
                  <td
                    key={s.id}
                    className={cls}
                    title={warned.has(key) ? t.bureau.panel.deviationTitle : dropped.has(key) ? t.bureau.panel.droppedTitle : undefined}
                    data-testid={`score-${s.id}`}
                  >
                    {score ?? t.common.none}
                  </td>
                );
              })}
              <td>{m.conclusion ? t.overview.conclusions[m.conclusion] : t.common.none}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {stats.map((k) => (
            <tr key={k} className={`stat-${k}`} data-testid={`stat-${k}`}>
              <th scope="row">{t.bureau.panel.stats[k]}</th>
              {series.map((s) => (
                <td
                  key={s.id}
                  className="num"
                  data-testid={`stat-${k}-${s.id}`}
                  title={k === 'inForce' ? t.bureau.panel.rules[s.inForceRule] : undefined}
                >
                  {figure(s[k])}
                </td>
              ))}
              <td className="muted">{k === 'inForce' ? t.bureau.panel.rules[project.total.inForceRule] : ''}</td>
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
