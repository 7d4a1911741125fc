// Owns 生成文书 for the bureau's session: issuing the letters (IssueLetters.tsx: 成文日期, 发文设置, 发文登记), choosing the
// panel's other templates (专家组评审意见, 评分汇总表, 评分表) and formats, the batch with progress and 取消, the files written
// with 打开文件夹, and a PDF preview of one project's letter or other document.
import { lazy, Suspense, useState } from 'react';
import { outputFormats } from '../../../shared/output';
import { reportError } from '../../kernel/notices';
import { useDesktop, useNativeDialogs } from '../../kernel/shell';
import { userMessage } from '../../lib/errors';
import { useRemote } from '../../lib/useRemote';
import { t } from '../../locale/zh-CN';
import { FileLink } from '../../ui/FileLink';
import { GenerationProgress } from '../../ui/GenerationProgress';
import { IssueLetters } from './IssueLetters';
import { useLetters } from './lettersStore';

const PdfPreview = lazy(() => import('../../ui/pdf/PdfPreview').then((m) => ({ default: m.PdfPreview })));
/** The templates the panel's documents are made from: the panel kind and the session's score sheet. */
const panelTemplates = new Set([
  'opinion-letter',
  'panel-opinion',
  'score-summary',
  'session-score-summary',
  'score-sheet',
  'project-score-sheet',
]);

export function LettersScreen({ sessionId }: { sessionId: string }) {
  const templates = useRemote('templates.list', {});
  const detail = useRemote('session.get', { sessionId });
  const nativeDialogs = useNativeDialogs();
  const desktop = useDesktop();
  const { chosen, formats, jobId, progress, cancelling, result } = useLetters();
  const [choose, setChoose] = useState(false);
  const [preview, setPreview] = useState<{ projectId: string; templateId: string } | null>(null);
  const offered = templates.state === 'ready' ? templates.value.filter((x) => panelTemplates.has(x.id) || x.kind === 'docx') : [];
  // The letter is issued (签发, with its 文号), not batched; it stays in the preview.
  const batched = offered.filter((x) => x.id !== 'opinion-letter');
  const projects = detail.state === 'ready' ? detail.value.projects : [];

  return (
    <div className="bureau-letters">
      <IssueLetters sessionId={sessionId} />
      <section className="bureau-card" aria-labelledby="letters-h">
        <h2 id="letters-h" className="bureau-h2">
          {t.bureau.letters.title}
        </h2>
        <fieldset className="bureau-group">
          <legend>{t.bureau.letters.templates}</legend>
          {templates.state === 'error' && <p className="bureau-error">{userMessage(templates.error)}</p>}
          {batched.map((x) => (
            <label key={x.id} className="bureau-check">
              <input
                type="checkbox"
                checked={chosen.includes(x.id)}
                onChange={() => useLetters.getState().toggle(x.id)}
                data-testid={`letters-template-${x.id}`}
              />
              {x.name}
              <small className="muted">{x.scope === 'session' ? t.documents.scopeSession : t.documents.scopeProject}</small>
            </label>
          ))}
        </fieldset>
        <fieldset className="bureau-group">
          <legend>{t.documents.formats}</legend>
          {outputFormats.map((f) => (
            <label key={f} className="bureau-check">
              <input
                type="checkbox"
                checked={formats.includes(f)}
                onChange={() => useLetters.getState().toggleFormat(f)}
                data-testid={`letters-format-${f}`}
              />
              {t.documents.formatLabels[f]}
            </label>
          ))}
          {nativeDialogs && (
            <label className="bureau-check">
              <input type="checkbox" checked={choose} onChange={(e) => setChoose(e.target.checked)} />
              {t.documents.chooseFolder}
            </label>
          )}
        </fieldset>
        <button
          type="button"
          className="btn btn-primary"
          disabled={jobId !== null}
          onClick={() => void useLetters.getState().generate(sessionId, choose ? 'choose' : 'default')}
          data-testid="letters-generate"
        >
          {t.bureau.letters.generate}
        </button>
        {jobId !== null && (
          <GenerationProgress
            progress={progress}
            cancelling={cancelling}
            onCancel={() => useLetters.getState().cancel()}
            testId="letters-progress"
            cancelTestId="letters-cancel"
          />
        )}
        {result && result.folder && (
          <div className="bureau-path" role="status" data-testid="letters-result" data-count={result.files.length}>
            <p>
              {t.documents.done(result.files.length)}
              {desktop && <code data-testid="letters-folder">{result.folder}</code>}
            </p>
            {desktop && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => useLetters.getState().openFolder(sessionId, result.folder!).catch(reportError)}
              >
                {t.documents.openFolder}
              </button>
            )}
            <ul>
              {result.files.map((f) => (
                <li key={f.id}>
                  <FileLink file={f.path} testId="letters-file" />
                </li>
              ))}
            </ul>
            {result.skipped.length > 0 && (
              <ul className="bureau-warning" data-testid="letters-skipped">
                {result.skipped.map((s) => (
                  <li key={s.name}>{t.bureau.letters.skipped(s.name, s.reason)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
      <section className="bureau-card bureau-preview" aria-labelledby="letters-preview-h">
        <h2 id="letters-preview-h" className="bureau-h2">
          {t.bureau.letters.previewTitle}
        </h2>
        <div className="bureau-row">
          <select
            aria-label={t.bureau.letters.previewTemplate}
            value={preview?.templateId ?? ''}
            onChange={(e) =>
              setPreview(e.target.value ? { projectId: preview?.projectId ?? projects[0]?.id ?? '', templateId: e.target.value } : null)
            }
            data-testid="letters-preview-template"
          >
            <option value="">{t.bureau.letters.previewPick}</option>
            {offered
              .filter((x) => x.previewable)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
          </select>
          <select
            aria-label={t.bureau.letters.previewProject}
            value={preview?.projectId ?? projects[0]?.id ?? ''}
            onChange={(e) => preview && setPreview({ ...preview, projectId: e.target.value })}
            data-testid="letters-preview-project"
          >
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {preview && preview.projectId && <Preview sessionId={sessionId} projectId={preview.projectId} templateId={preview.templateId} />}
      </section>
    </div>
  );
}

function Preview({ sessionId, projectId, templateId }: { sessionId: string; projectId: string; templateId: string }) {
  const bytes = useRemote('output.preview', { sessionId, projectId, templateId });
  if (bytes.state === 'loading')
    return (
      <p className="panel-message" role="status">
        {t.documents.previewLoading}
      </p>
    );
  if (bytes.state === 'error')
    return (
      <p className="panel-message text-error" role="alert">
        {userMessage(bytes.error)}
      </p>
    );
  return (
    <div className="bureau-pdf" data-testid="letters-preview">
      <Suspense fallback={<p className="panel-message">{t.documents.previewLoading}</p>}>
        <PdfPreview bytes={bytes.value} label={t.documents.previewAria} />
      </Suspense>
    </div>
  );
}
