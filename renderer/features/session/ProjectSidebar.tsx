// Owns the left sidebar: the session's projects (name, applicant, type, 总投资, review state) and the selected project's documents;
// collapsed, a narrow rail of project numbers that still switches projects.
import { useEffect, useRef } from 'react';
import type { ProjectInfo } from '../../../shared/domain';
import { fenToWanLabel, fileName, formatFileSize } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { ReviewStateChip } from '../../kernel/ReviewStateChip';
import { useLoadReviewStates } from '../../kernel/reviewStates';
import { DocBadge } from '../../kernel/DocBadge';
import { useSession } from '../../kernel/sessionStore';
import { Icon } from '../../ui/Icon';

interface Props {
  projects: ProjectInfo[];
  project: ProjectInfo | null;
  documentKey: number | null;
  collapsed: boolean;
  onToggle(): void;
}

export function ProjectSidebar({ projects, project, documentKey, collapsed, onToggle }: Props) {
  const selectProject = useSession((s) => s.selectProject);
  const selectDocument = useSession((s) => s.selectDocument);
  useLoadReviewStates(useSession((s) => s.sessionId));
  const navRef = useRef<HTMLElement>(null);

  // A restored selection may sit below the fold of its list: bring it into view.
  useEffect(() => {
    navRef.current?.querySelectorAll('[aria-current="true"]').forEach((el) => el.scrollIntoView({ block: 'nearest' }));
  }, [project?.id, documentKey, collapsed]);

  const toggle = (
    <button
      type="button"
      className="tool-btn sidebar-toggle"
      onClick={onToggle}
      aria-expanded={!collapsed}
      title={collapsed ? t.desk.sidebarExpand : t.desk.sidebarCollapse}
      aria-label={collapsed ? t.desk.sidebarExpand : t.desk.sidebarCollapse}
      data-testid="sidebar-toggle"
    >
      <Icon name={collapsed ? 'right' : 'left'} size={16} />
    </button>
  );

  if (collapsed) {
    return (
      <nav ref={navRef} className="sidebar sidebar-rail" aria-label={t.session.projects(projects.length)}>
        {toggle}
        <ul className="rail-list">
          {projects.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                className={`rail-item${p.id === project?.id ? ' selected' : ''}`}
                aria-current={p.id === project?.id ? 'true' : undefined}
                aria-label={p.name}
                title={p.name}
                onClick={() => selectProject(p.id)}
                data-testid="project-item"
                data-project-id={p.id}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    );
  }

  return (
    <nav ref={navRef} className="sidebar" aria-label={t.session.projects(projects.length)}>
      <section className="sidebar-section sidebar-projects">
        <h2 className="sidebar-heading">
          {t.session.projects(projects.length)}
          {toggle}
        </h2>
        <ul className="project-list">
          {projects.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                className={`project-item${p.id === project?.id ? ' selected' : ''}`}
                aria-current={p.id === project?.id ? 'true' : undefined}
                onClick={() => selectProject(p.id)}
                data-testid="project-item"
                data-project-id={p.id}
              >
                <span className="project-index">{i + 1}</span>
                <span className="project-text">
                  <span className="project-name">{p.name}</span>
                  <span className="project-applicant">{p.applicant}</span>
                  <span className="project-tags">
                    <span className={`tag tag-${p.type}`}>{t.labels.projectTypes[p.type]}</span>
                    <span className="project-amount">{fenToWanLabel(p.totalInvestmentFen)}</span>
                    <ReviewStateChip projectId={p.id} />
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {project && (
        <section key={project.id} className="sidebar-section sidebar-documents">
          <h2 className="sidebar-heading">{t.session.documents(project.documents.length)}</h2>
          {project.documents.length === 0 && <p className="muted sidebar-empty">{t.session.noDocuments}</p>}
          <ul className="document-list">
            {project.documents.map((d) => (
              <li key={d.key}>
                <button
                  type="button"
                  className={`document-item${d.key === documentKey ? ' selected' : ''}`}
                  aria-current={d.key === documentKey ? 'true' : undefined}
                  onClick={() => selectDocument(d.key)}
                  data-testid="document-item"
                  data-document-key={d.key}
                  data-viewer={d.viewer}
                  title={fileName(d.path)}
                >
                  <DocBadge document={d} />
                  <span className="document-text">
                    <span className="document-kind">{t.labels.documentKinds[d.kind]}</span>
                    <span className="document-title">{d.title}</span>
                    <span className="document-size">{formatFileSize(d.bytes)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  );
}
