// Owns the 项目信息 tab: the selected project's facts and its budget lines, with the pre-check's verdicts when the panel has them.
import type { ProjectInfo } from '../../../shared/domain';
import type { BudgetVerdict } from '../../kernel/VerdictChip';
import { fenToWanLabel } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { BudgetTable } from './BudgetTable';

export function ProjectInfoTab({ project, verdicts }: { project: ProjectInfo; verdicts: BudgetVerdict[] | undefined }) {
  return (
    <>
      <section className="panel-section">
        <h3 className="panel-heading">{t.panel.title}</h3>
        <ProjectFacts project={project} />
      </section>
      <section className="panel-section">
        <h3 className="panel-heading">
          {t.panel.budgetTitle}
          <span className="panel-heading-note">{t.panel.budgetUnitNote}</span>
        </h3>
        <BudgetTable lines={project.budgetLines} verdicts={verdicts} />
      </section>
    </>
  );
}

function ProjectFacts({ project }: { project: ProjectInfo }) {
  const f = t.panel.facts;
  const rows: [string, string][] = [
    [f.applicant, project.applicant],
    [f.supervisor, project.supervisor ?? t.common.none],
    [f.type, t.labels.projectTypes[project.type]],
    [f.totalInvestment, fenToWanLabel(project.totalInvestmentFen)],
    [f.fundingSource, project.fundingSource || t.common.none],
    [f.period, project.periodMonths ? f.periodMonths(project.periodMonths) : t.common.none],
    [f.inAnnualPlan, project.inAnnualPlan ? t.common.yes : t.common.no],
  ];
  return (
    <>
      <p className="facts-project-name">{project.name}</p>
      <dl className="facts" data-testid="project-facts">
        {rows.map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {project.summary && (
        <div className="facts-summary">
          <h4>{f.summary}</h4>
          <p>{project.summary}</p>
        </div>
      )}
    </>
  );
}
