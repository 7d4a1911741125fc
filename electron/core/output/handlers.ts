// Owns the generated-document calls (生成文书): the template list, editing a built-in's texts as a new version, the
// bureau's .docx upload, PDF preview, generating one document or a batch into a folder, the record, opening the folder.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SessionDetail } from '../../../shared/domain';
import type { TemplateDetail, UploadResult } from '../../../shared/output';
import { AppError } from '../kernel/errors';
import { chooseFolder } from '../kernel/files';
import type { HandlerMap, Host } from '../kernel/handlers';
import { sessionOrThrow } from '../context/session';
import type { JobRegistry } from '../jobs/registry';
import type { WriteDb } from '../store/access';
import { generatedDocuments, saveDocxTemplate, saveTemplateVersion } from '../store/templates';
import { runBatch, plannedJobs, type BatchContext } from './batch';
import { applyTextEdits, editableTexts, listTemplates, resolveTemplate, uploadedItem, type ResolvedTemplate } from './catalog';
import { listDocxPlaceholders } from './docx/template';
import { defaultExportFolder } from './files';
import { fillFor } from './generate';
import { documentFonts, prefetchFonts } from './pdf/fonts';
import { renderPdf } from './pdf/render';
import { knownPlaceholders } from './template/placeholders';

/** A bureau template is a letterhead and a few pages; anything larger is not a template. */
const MAX_DOCX_TEMPLATE_BYTES = 20 * 1024 * 1024;

type OutputMethods =
  | 'templates.list'
  | 'templates.get'
  | 'templates.save'
  | 'templates.upload'
  | 'output.preview'
  | 'output.generate'
  | 'output.batch'
  | 'output.list'
  | 'output.openFolder'
  | 'output.fonts';

export function outputHandlers(db: WriteDb, host: Host, jobs: JobRegistry, now: () => Date): HandlerMap<OutputMethods> {
  const ctx: BatchContext = { db, now, jobs, onProgress: (p) => host.emit('job.progress', p) };
  void prefetchFonts();

  function builtinOrThrow(templateId: string): Extract<ResolvedTemplate, { kind: 'builtin' }> {
    const resolved = resolveTemplate(db, templateId);
    if (resolved.kind !== 'builtin')
      throw new AppError('invalid-input', `「${resolved.item.name}」不是内置模板，不能在应用内修改文字；请在 Word 中修改后重新上传。`);
    return resolved;
  }

  function checkProject(session: SessionDetail, resolved: ResolvedTemplate, projectId: string | null): string | null {
    if (resolved.item.scope === 'session') return null;
    if (projectId === null) throw new AppError('invalid-input', `「${resolved.item.name}」按项目生成，请先在左侧选择一个项目。`);
    if (!session.projects.some((p) => p.id === projectId)) throw new AppError('not-found', '该评审会中没有这个项目，请刷新后重试。');
    return projectId;
  }

  /** The folder to write to (kernel/files chooseFolder); null when the user closed the dialog. */
  const folderFor = (session: SessionDetail, destination: 'default' | 'choose') =>
    chooseFolder(host, destination, defaultExportFolder(host.dataDir, session.title), '选择文书保存位置');

  return {
    'templates.list'() {
      return listTemplates(db);
    },
    'templates.get'({ templateId }): TemplateDetail {
      const { item, template } = builtinOrThrow(templateId);
      return { template: item, texts: editableTexts(template), placeholders: knownPlaceholders() };
    },
    'templates.save'({ templateId, baseVersion, edits }) {
      const { item, template } = builtinOrThrow(templateId);
      if (baseVersion !== item.version) {
        throw new AppError(
          'stale-version',
          `模板「${item.name}」已更新为第 ${item.version} 版（您修改的是第 ${baseVersion} 版）。请重新打开模板再修改。`,
        );
      }
      const edited = applyTextEdits(template, edits);
      if (JSON.stringify(edited) === JSON.stringify(template)) return item;
      saveTemplateVersion(db, templateId, baseVersion, (version) => JSON.stringify({ ...edited, version }), now().toISOString());
      return resolveTemplate(db, templateId).item;
    },
    async 'templates.upload'({ name, bytes }): Promise<UploadResult> {
      if (bytes.byteLength > MAX_DOCX_TEMPLATE_BYTES)
        throw new AppError('invalid-input', `模板文件「${name}」超过 20 MB，不像是文书模板。请上传 Word（.docx）模板文件。`);
      let placeholders: string[];
      try {
        ({ placeholders } = await listDocxPlaceholders(bytes, name));
      } catch (err) {
        throw new AppError(
          'invalid-input',
          err instanceof Error ? err.message : `无法读取「${name}」，请在 Word 或 WPS 中另存为 .docx 后重新上传。`,
        );
      }
      const known = new Set(knownPlaceholders());
      const stored = saveDocxTemplate(db, name.replace(/\.docx$/i, ''), bytes, placeholders, now().toISOString());
      return {
        template: uploadedItem(stored),
        placeholders: { known: placeholders.filter((p) => known.has(p)), unknown: placeholders.filter((p) => !known.has(p)) },
      };
    },
    async 'output.preview'({ sessionId, projectId, templateId, edits }) {
      const session = sessionOrThrow(db, sessionId);
      const resolved = resolveTemplate(db, templateId);
      if (resolved.kind !== 'builtin')
        throw new AppError('invalid-input', `「${resolved.item.name}」不能在应用内预览，请生成后用 Word 或 Excel 打开查看。`);
      const template = applyTextEdits(resolved.template, edits);
      return new Uint8Array(await renderPdf(fillFor({ db, now }, template, session.id, checkProject(session, resolved, projectId))));
    },
    async 'output.generate'({ sessionId, projectId, templateId, format, destination, includePrecheck }) {
      const session = sessionOrThrow(db, sessionId);
      const resolved = resolveTemplate(db, templateId);
      const subject = checkProject(session, resolved, projectId);
      const folder = await folderFor(session, destination);
      if (folder === null) return { folder: null, files: [], skipped: [] };
      return {
        folder,
        ...(await runBatch(
          { ...ctx, includePrecheck },
          session,
          [{ resolved, projectId: subject, format }],
          folder,
          `generate-${randomUUID()}`,
        )),
      };
    },
    async 'output.batch'({ sessionId, jobId, templateIds, formats, projectIds, destination, includePrecheck }) {
      const session = sessionOrThrow(db, sessionId);
      const planned = plannedJobs(
        session,
        templateIds.map((id) => resolveTemplate(db, id)),
        formats,
        projectIds,
      );
      const folder = await folderFor(session, destination);
      if (folder === null) return { folder: null, files: [], skipped: [] };
      return { folder, ...(await runBatch({ ...ctx, includePrecheck }, session, planned, folder, jobId)) };
    },
    'output.list'({ sessionId }) {
      sessionOrThrow(db, sessionId);
      return generatedDocuments(db, sessionId);
    },
    async 'output.openFolder'({ sessionId, folder }) {
      const session = sessionOrThrow(db, sessionId);
      // Only a folder this app wrote the session's documents to: the call cannot be used to open arbitrary paths.
      const known = new Set([
        defaultExportFolder(host.dataDir, session.title),
        ...generatedDocuments(db, sessionId).map((d) => path.dirname(d.path)),
      ]);
      if (!known.has(path.resolve(folder))) throw new AppError('not-found', '该文件夹不是本评审会文书的保存位置，请重新生成后再打开。');
      return { opened: await host.openFolder(path.resolve(folder)) };
    },

    'output.fonts'() {
      return documentFonts();
    },
  };
}
