// Owns the 文书 screen in place of the document area: the template list with versions, formats, generating for the current
// project or the whole session with progress and cancel, the result with 打开文件夹, upload, and the preview / text editor.
import { lazy, Suspense } from 'react';
import type { ProjectInfo, SessionDetail } from '../../../shared/domain';
import { outputFormats, type TemplateListItem } from '../../../shared/output';
import { useNativeDialogs } from '../../kernel/shell';
import { useSession } from '../../kernel/sessionStore';
import { userMessage } from '../../lib/errors';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { Icon } from '../../ui/Icon';
import { GeneratedHistory } from './GeneratedHistory';
import { GenerateStatus } from './GenerateStatus';
import { draftEdits, useDocuments } from './store';
import { TemplateEditor } from './TemplateEditor';
import { UploadTemplate } from './UploadTemplate';
import { usePreview } from './usePreview';

// pdf.js is most of the bundle: like the reader, the preview loads it on first use.
const PdfPreview = lazy(() => import('../../ui/pdf/PdfPreview').then((m) => ({ default: m.PdfPreview })));

export function DocumentsScreen({ detail, project }: { detail: SessionDetail; project: ProjectInfo | null }) {
  const revision = useDocuments((s) => s.revision);
  const fetched = useRemote('templates.list', {}, [revision]);
  // After a save or an upload the list is fetched again; the previous one stays meanwhile, so the preview does not flash.
  const templates = fetched.state === 'loading' && fetched.previous ? { state: 'ready' as const, value: fetched.previous } : fetched;
  const previewId = useDocuments((s) => s.previewId);
  const editing = useDocuments((s) => s.editing);
  const previewed = templates.state === 'ready' ? (templates.value.find((x) => x.id === previewId) ?? null) : null;

  return (
    <section className="documents" aria-labelledby="documents-title" data-testid="documents">
      <div className="overview-toolbar">
        <h2 id="documents-title" className="overview-title">
          {t.documents.title}
        </h2>
        <button type="button" className="btn" onClick={() => useSession.getState().setDocumentsOpen(false)} data-testid="documents-close">
          <Icon name="close" />
          {t.documents.close}
        </button>
      </div>
      <div className="documents-body">
        {/* While a template's text is edited, the form takes the list's place beside its live preview. */}
        <div className="documents-side">
          {editing && previewed ? (
            <TemplateEditor key={previewed.id} />
          ) : (
            <>
              {templates.state === 'loading' && <p className="panel-message">{t.common.loading}</p>}
              {templates.state === 'error' && <p className="panel-message text-error">{userMessage(templates.error)}</p>}
              {templates.state === 'ready' && <TemplateList items={templates.value} />}
              <FormatPicker />
              <GenerateActions sessionId={detail.id} project={project} />
              <GenerateStatus sessionId={detail.id} />
              <UploadTemplate />
              {templates.state === 'ready' && <GeneratedHistory sessionId={detail.id} templates={templates.value} />}
            </>
          )}
        </div>
        <PreviewPane detail={detail} project={project} template={previewed} edited={editing ? draftEdits(editing) : []} />
      </div>
    </section>
  );
}

function TemplateList({ items }: { items: TemplateListItem[] }) {
  const chosen = useDocuments((s) => s.chosen);
  const previewId = useDocuments((s) => s.previewId);
  const kindLabel = { builtin: t.documents.builtin, docx: t.documents.uploaded, sheet: t.documents.sheet };
  return (
    <fieldset className="documents-group">
      <legend>{t.documents.templates}</legend>
      <ul className="template-list" data-testid="template-list">
        {items.map((item) => (
          <li
            key={item.id}
            className={`template-item${item.id === previewId ? ' current' : ''}`}
            data-testid="template-item"
            data-template={item.id}
          >
            <label className="template-check">
              <input
                type="checkbox"
                checked={chosen.includes(item.id)}
                onChange={() => useDocuments.getState().toggleTemplate(item.id)}
                aria-label={t.documents.include(item.name)}
                data-testid="template-choose"
              />
              <span className="template-name">{item.name}</span>
            </label>
            <span className="template-meta">
              <span className="template-version" data-testid="template-version">
                {t.documents.version(item.version)}
              </span>
              {item.editedAt && item.kind === 'builtin' && <span className="template-badge">{t.documents.edited}</span>}
              <span className="muted">
                {kindLabel[item.kind]} · {item.scope === 'session' ? t.documents.scopeSession : t.documents.scopeProject}
              </span>
            </span>
            <span className="template-actions">
              {item.previewable && (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => useDocuments.getState().setPreview(item.id)}
                  data-testid="template-preview"
                >
                  {t.documents.preview}
                </button>
              )}
              {item.kind === 'builtin' && (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void useDocuments.getState().startEdit(item.id)}
                  data-testid="template-edit"
                >
                  {t.documents.edit}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function FormatPicker() {
  const formats = useDocuments((s) => s.formats);
  const chooseFolder = useDocuments((s) => s.chooseFolder);
  const includePrecheck = useDocuments((s) => s.includePrecheck);
  const nativeDialogs = useNativeDialogs();
  return (
    <fieldset className="documents-group">
      <legend>{t.documents.formats}</legend>
      <div className="format-list">
        {outputFormats.map((f) => (
          <label key={f} className="format-check">
            <input
              type="checkbox"
              checked={formats.includes(f)}
              onChange={() => useDocuments.getState().toggleFormat(f)}
              data-testid={`format-${f}`}
            />
            {t.documents.formatLabels[f]}
          </label>
        ))}
      </div>
      {nativeDialogs && (
        <label className="format-check">
          <input
            type="checkbox"
            checked={chooseFolder}
            onChange={(e) => useDocuments.getState().setChooseFolder(e.target.checked)}
            data-testid="choose-folder"
          />
          {t.documents.chooseFolder}
        </label>
      )}
      <label className="format-check" title={t.documents.includePrecheckHint}>
        <input
          type="checkbox"
          checked={includePrecheck}
          onChange={(e) => useDocuments.getState().setIncludePrecheck(e.target.checked)}
          data-testid="include-precheck"
        />
        {t.documents.includePrecheck}
      </label>
    </fieldset>
  );
}

function GenerateActions({ sessionId, project }: { sessionId: string; project: ProjectInfo | null }) {
  const running = useDocuments((s) => s.jobId !== null);
  const generate = useDocuments((s) => s.generate);
  return (
    <div className="documents-actions">
      <button
        type="button"
        className="btn"
        disabled={running || !project}
        onClick={() => project && void generate(sessionId, [project.id])}
        title={project ? t.documents.generateProjectTitle(project.name) : undefined}
        data-testid="generate-project"
      >
        {t.documents.generateProject}
      </button>
      <button
        type="button"
        className="btn btn-primary"
        disabled={running}
        onClick={() => void generate(sessionId, null)}
        title={t.documents.generateAllTitle}
        data-testid="generate-all"
      >
        {t.documents.generateAll}
      </button>
    </div>
  );
}

function PreviewPane({
  detail,
  project,
  template,
  edited,
}: {
  detail: SessionDetail;
  project: ProjectInfo | null;
  template: TemplateListItem | null;
  edited: ReturnType<typeof draftEdits>;
}) {
  const subjectId = template?.scope === 'session' ? null : (project?.id ?? null);
  const wanted = template?.previewable && (template.scope === 'session' || project) ? template : null;
  const preview = usePreview(wanted ? { sessionId: detail.id, projectId: subjectId, templateId: wanted.id, edits: edited } : null);
  const subject = template?.scope === 'session' ? t.documents.sessionWide : (project?.name ?? '');
  let body;
  if (!template) body = <p className="panel-message">{t.documents.previewPick}</p>;
  else if (!template.previewable) body = <p className="panel-message">{t.documents.previewNone}</p>;
  else if (preview.state === 'error')
    body = (
      <p className="panel-message text-error" role="alert">
        {userMessage(preview.error)}
      </p>
    );
  else if (preview.state === 'ready' || (preview.state === 'loading' && preview.bytes)) {
    body = (
      <Suspense fallback={<p className="panel-message">{t.documents.previewLoading}</p>}>
        <PdfPreview bytes={preview.state === 'ready' ? preview.bytes : preview.bytes!} label={t.documents.previewAria} />
      </Suspense>
    );
  } else body = <p className="panel-message">{t.documents.previewLoading}</p>;
  return (
    <div
      className="documents-preview"
      data-testid="documents-preview"
      data-state={preview.state}
      aria-busy={preview.state === 'loading' || undefined}
    >
      {template && <div className="documents-preview-title">{t.documents.previewTitle(template.name, subject)}</div>}
      {body}
    </div>
  );
}
