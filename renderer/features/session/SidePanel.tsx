// Owns the collapsible right panel: the selected project's facts, its budget lines, and the placeholder for the score form.
import type { ProjectInfo } from '../../../shared/domain';
import { fenToWanLabel } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { BudgetTable } from './BudgetTable';
import { useSession } from './store';

export function SidePanel({ project }: { project: ProjectInfo | null }) {
  const collapsed = useSession((s) => s.panelCollapsed);
  const togglePanel = useSession((s) => s.togglePanel);
  const label = collapsed ? t.panel.expand : t.panel.collapse;
  const toggle = (
    <button
      type="button"
      className="tool-btn panel-toggle"
      onClick={togglePanel}
      aria-expanded={!collapsed}
      title={label}
      aria-label={label}
      data-testid="panel-toggle"
    >
      <Icon name={collapsed ? 'left' : 'right'} size={16} />
    </button>
  );

  if (collapsed) {
    return (
      <aside className="side-panel collapsed" data-testid="side-panel" aria-label={t.panel.heading}>
        {toggle}
        <span className="side-panel-vertical" aria-hidden="true">
          {t.panel.heading}
        </span>
      </aside>
    );
  }
  return (
    <aside className="side-panel" data-testid="side-panel" aria-label={t.panel.heading}>
      <div className="side-panel-header">
        <h2 className="side-panel-title">{t.panel.heading}</h2>
        {toggle}
      </div>
      {project && (
        <div className="side-panel-content">
          <section className="panel-section">
            <h3 className="panel-heading">{t.panel.title}</h3>
            <ProjectFacts project={project} />
          </section>
          <section className="panel-section">
            <h3 className="panel-heading">
              {t.panel.budgetTitle}
              <span className="panel-heading-note">{t.panel.budgetUnitNote}</span>
            </h3>
            <BudgetTable lines={project.budgetLines} />
          </section>
          <section className="panel-section">
            <h3 className="panel-heading">{t.panel.scoreTitle}</h3>
            <p className="placeholder-note">{t.panel.scoreNote}</p>
          </section>
        </div>
      )}
    </aside>
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
