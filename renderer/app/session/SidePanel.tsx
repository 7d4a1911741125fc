// Owns the collapsible right panel and its three tabs: 项目信息 (the selected project's facts, budget lines with the
// pre-check's verdicts), 形式审查 (the pre-check report) and 评分 (the expert's review form, ScorePane.tsx).
import type { KeyboardEvent } from 'react';
import type { ProjectInfo } from '../../../shared/domain';
import { PrecheckTab } from '../../features/precheck/PrecheckTab';
import { usePrecheck } from '../../features/precheck/store';
import { ProjectInfoTab } from '../../features/session/ProjectInfoTab';
import { useSession, type PanelTab } from '../../kernel/sessionStore';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { ScorePane } from './ScorePane';

const TABS: PanelTab[] = ['info', 'precheck', 'score'];

interface Props {
  sessionId: string;
  projects: ProjectInfo[];
  project: ProjectInfo | null;
}

export function SidePanel({ sessionId, projects, project }: Props) {
  const collapsed = useSession((s) => s.panelCollapsed);
  const togglePanel = useSession((s) => s.togglePanel);
  const tab = useSession((s) => s.panelTab);
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
          {t.panel.tabs[tab]}
        </span>
      </aside>
    );
  }
  return (
    <aside className="side-panel" data-testid="side-panel" aria-label={t.panel.heading}>
      <div className="side-panel-header">
        <PanelTabs />
        {toggle}
      </div>
      {project && (
        <div
          className="side-panel-content"
          role="tabpanel"
          id={`panel-${tab}`}
          aria-labelledby={`panel-tab-${tab}`}
          // The panel scrolls: reachable by Tab so the keyboard can scroll text that has no control in it.
          tabIndex={0}
        >
          {tab === 'info' && <InfoTab project={project} />}
          {tab === 'precheck' && <PrecheckTab sessionId={sessionId} projects={projects} project={project} />}
          {tab === 'score' && <ScorePane sessionId={sessionId} project={project} />}
        </div>
      )}
    </aside>
  );
}

/** ARIA tabs: one tab stop, ← / → move between them. */
function PanelTabs() {
  const tab = useSession((s) => s.panelTab);
  const setPanelTab = useSession((s) => s.setPanelTab);
  const fails = usePrecheck((s) => s.report?.findings.filter((f) => f.status === 'fail').length ?? 0);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length]!;

    setPanelTab(next);
    e.currentTarget.querySelector<HTMLButtonElement>(`#panel-tab-${next}`)?.focus();
  };

  return (
    <div className="panel-tabs" role="tablist" aria-label={t.panel.tabsLabel} onKeyDown={onKeyDown}>
      {TABS.map((id) => (
        <button
          key={id}
          id={`panel-tab-${id}`}
          type="button"
          role="tab"
          aria-selected={id === tab}
          aria-controls={`panel-${id}`}
          tabIndex={id === tab ? 0 : -1}
          className={`panel-tab${id === tab ? ' active' : ''}`}
          onClick={() => setPanelTab(id)}
          data-testid={`panel-tab-${id}`}
        >
          {t.panel.tabs[id]}
          {id === 'precheck' && fails > 0 && (
            <span className="panel-tab-count" title={t.panel.failCount(fails)} aria-label={t.panel.failCount(fails)}>
              {fails}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

function InfoTab({ project }: { project: ProjectInfo }) {
  const report = usePrecheck((s) => (s.report?.projectId === project.id ? s.report : null));
  return <ProjectInfoTab project={project} verdicts={report?.budgetLines} />;
}
