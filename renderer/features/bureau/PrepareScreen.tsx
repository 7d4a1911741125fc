// Owns the 准备评审会 screen of an open draft: 基本信息 (summary or the session form), the project list with 添加项目,
// the chosen project's form, documents and 概算表, and the pre-check and export steps with what still blocks export.
import { useState } from 'react';
import { isBuiltInJurisdiction } from '../../../shared/manifest';
import { formatDate, fenToWanLabel } from '../../lib/format';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { BudgetEditor } from './BudgetEditor';
import { DocumentsEditor } from './DocumentsEditor';
import { ExportPanel } from './ExportPanel';
import { ProjectForm } from './ProjectForm';
import { SessionForm } from './SessionForm';
import { useBureau } from './store';

export function PrepareScreen() {
  const view = useBureau((s) => s.view)!;
  const [editingSession, setEditingSession] = useState(false);
  /** A project id, 'new' for the empty form, or null. */
  const [projectId, setProjectId] = useState<string | null>(view.draft.projects[0]?.id ?? 'new');
  const { session, projects } = view.draft;
  const project = projects.find((p) => p.id === projectId) ?? null;
  return (
    <div className="bureau-prepare">
      <section className="bureau-card" aria-labelledby="bureau-session-h">
        <div className="bureau-toolbar">
          <h2 id="bureau-session-h" className="bureau-h2">
            {t.bureau.step.session}
          </h2>
          {!editingSession && (
            <button type="button" className="btn btn-small" onClick={() => setEditingSession(true)} data-testid="session-edit">
              {t.bureau.edit}
            </button>
          )}
        </div>
        {editingSession ? (
          <SessionForm view={view} onDone={() => setEditingSession(false)} />
        ) : (
          <dl className="bureau-summary" data-testid="session-summary">
            <dt>{t.bureau.session.jurisdiction}</dt>
            <dd>
              {isBuiltInJurisdiction(session.jurisdiction)
                ? t.bureau.jurisdictions[session.jurisdiction]
                : t.profiles.draft.summary(session.jurisdiction, session.profileVersion)}
            </dd>
            <dt>{t.bureau.session.issuer}</dt>
            <dd>{session.issuer}</dd>
            <dt>{t.bureau.session.date}</dt>
            <dd>{formatDate(session.date)}</dd>
            <dt>{t.bureau.session.location}</dt>
            <dd>{session.location || t.common.none}</dd>
            <dt>{t.bureau.session.roster}</dt>
            <dd>
              {session.experts.map((e) => e.name + (e.name === session.chair ? t.bureau.session.chairMark : '')).join('、') ||
                t.common.none}
            </dd>
          </dl>
        )}
      </section>

      <section className="bureau-card" aria-labelledby="bureau-projects-h">
        <div className="bureau-toolbar">
          <h2 id="bureau-projects-h" className="bureau-h2">
            {t.bureau.step.projects}
          </h2>
          <button type="button" className="btn btn-small" onClick={() => setProjectId('new')} data-testid="project-add">
            <Icon name="plus" />
            {t.bureau.project.add}
          </button>
        </div>
        <div className="bureau-projects">
          <ul className="bureau-project-list" aria-label={t.bureau.step.projects}>
            {projects.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className={`bureau-project-item${p.id === projectId ? ' current' : ''}`}
                  aria-current={p.id === projectId || undefined}
                  onClick={() => setProjectId(p.id)}
                  data-testid="bureau-project-item"
                >
                  <strong>{p.name}</strong>
                  <span className="muted">
                    {p.applicant} · {fenToWanLabel(p.investmentFen)} · {t.bureau.project.docCount(p.documents.length)} ·{' '}
                    {t.bureau.project.lineCount(p.budgetLines.length)}
                  </span>
                </button>
              </li>
            ))}
            {projectId === 'new' && <li className="bureau-project-item current muted">{t.bureau.project.newItem}</li>}
          </ul>
          <div className="bureau-project-editor">
            <ProjectForm
              key={project?.id ?? 'new'}
              project={project}
              existingIds={projects.map((p) => p.id)}
              onSaved={(id) => setProjectId(id)}
              onRemoved={() => setProjectId(projects.find((p) => p.id !== projectId)?.id ?? 'new')}
            />
            {project && <DocumentsEditor project={project} />}
            {project && <BudgetEditor key={`b-${project.id}`} project={project} />}
          </div>
        </div>
      </section>

      <ExportPanel />
    </div>
  );
}
