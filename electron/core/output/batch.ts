// Owns generating many documents as one job (批量生成): every chosen template × every project (session-wide ones once) ×
// every chosen format, with progress and cancel; files appear in the folder only when all are made, and are recorded.
import type { JobProgress, SessionDetail } from '../../../shared/domain';
import type { GeneratedDocument, OutputFormat, SkippedDocument } from '../../../shared/output';
import { AppError } from '../kernel/errors';
import { storageError } from '../kernel/storage';
import type { JobRegistry } from '../jobs/registry';
import { transaction, type WriteDb } from '../store/access';
import { recordGeneratedDocument } from '../store/templates';
import { recordProfile } from '../store/profilesInForce';
import { profileInForce } from '../precheck/profiles';
import { sessionProfile } from '../context/session';
import type { ResolvedTemplate } from './catalog';
import { StagedFolder } from './files';
import { sessionPanel, type SessionPanel } from '../panel/panel';
import { fileNameFor, makeDocument, MissingDataError, type DocumentJob, type GenerateDeps } from './generate';

export interface BatchContext extends GenerateDeps {
  db: WriteDb;
  jobs: JobRegistry;
  onProgress: (p: JobProgress) => void;
}

/** The documents a batch makes, in order: per template, per project (or once for a session-wide one), per format. */
export function plannedJobs(
  session: SessionDetail,
  templates: readonly ResolvedTemplate[],
  formats: readonly OutputFormat[],
  projectIds: readonly string[] | null = null,
): DocumentJob[] {
  const projects = session.projects.map((p) => p.id).filter((id) => projectIds === null || projectIds.includes(id));
  if (projectIds?.some((id) => !projects.includes(id))) throw new AppError('not-found', '该评审会中没有所选项目，请刷新后重试。');
  const jobs: DocumentJob[] = [];
  for (const resolved of templates) {
    const subjects = resolved.item.scope === 'session' ? [null] : projects;
    const wanted = resolved.item.formats.filter((f) => formats.includes(f));
    for (const projectId of subjects) for (const format of wanted) jobs.push({ resolved, projectId, format });
  }
  return jobs;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface BatchResult {
  files: GeneratedDocument[];
  skipped: SkippedDocument[];
}

/**
 * Makes the planned documents into `folder`, then records them. A document whose data is not there yet (a project not
 * scored) is skipped with the reason. Cancelled (`job.cancel`) or failed, it leaves nothing in the folder and records
 * nothing; the error names the document that failed.
 */
export async function runBatch(
  ctx: BatchContext,
  session: SessionDetail,
  planned: readonly DocumentJob[],
  folder: string,
  jobId: string,
): Promise<BatchResult> {
  if (!planned.length)
    throw new AppError('invalid-input', '所选模板都不能生成所选格式：请至少选择一种该模板支持的格式（Word、PDF、Excel 或 CSV）。');
  let cancelled = false;
  // Every document of the batch reads the same panel: aggregate it once (on the bureau's machine it parses every result).
  const panels = new Map<string, SessionPanel>();
  const deps: GenerateDeps = {
    ...ctx,
    sessionPanel: (id) => panels.get(id) ?? panels.set(id, sessionPanel(ctx.db, id)).get(id)!,
  };
  const work = async () => {
    const staged = new StagedFolder(folder);
    const made: { job: DocumentJob; name: string }[] = [];
    const skipped: SkippedDocument[] = [];
    try {
      for (const [i, job] of planned.entries()) {
        if (cancelled) throw new AppError('cancelled', '已取消生成，目标文件夹中未留下本次生成的任何文件。');
        ctx.onProgress({ jobId, phase: 'render', done: i, total: planned.length, current: fileNameFor(session, job) });
        let doc;
        try {
          doc = await makeDocument(deps, session, job);
        } catch (err) {
          if (err instanceof MissingDataError) {
            skipped.push({ name: fileNameFor(session, job), reason: err.message });
            continue;
          }
          if (err instanceof AppError) throw err;
          throw new AppError('internal', `生成「${fileNameFor(session, job)}」时出错：${reason(err)}。本次未写入任何文件。`);
        }
        await staged.write(doc.name, doc.bytes);
        made.push({ job, name: doc.name });
      }
      if (cancelled) throw new AppError('cancelled', '已取消生成，目标文件夹中未留下本次生成的任何文件。');
      // planned is not empty and every job was made or skipped: with none made, skipped has them all.
      if (!made.length)
        throw new AppError(
          'invalid-input',
          skipped.length === 1 ? skipped[0]!.reason : `所选文书都缺少内容，未生成任何文件。例如：${skipped[0]!.reason}`,
        );
    } catch (err) {
      await staged.discard();
      if (err instanceof AppError) throw err;
      // A full or read-only disk says what to do (kernel/storage.ts); anything else names the folder.
      throw (
        storageError(err, '生成文书') ??
        new AppError(
          'internal',
          `无法写入文件夹「${folder}」：${reason(err)}。请检查该文件夹是否可写、磁盘空间是否充足。本次未写入任何文件。`,
        )
      );
    }
    let written;
    try {
      written = await staged.commit();
    } catch (err) {
      throw (
        storageError(err, '生成文书') ??
        new AppError(
          'internal',
          `无法把文书放入文件夹「${folder}」：${reason(err)}。如有同名文件正在 Word、WPS 或 Excel 中打开，请关闭后重新生成。`,
        )
      );
    }
    const at = ctx.now().toISOString();
    // The jurisdiction profile the documents were made under, recorded with each (migration 013).
    const profile = sessionProfile(ctx.db, session);
    const inForce = profileInForce(profile);
    const records = transaction(ctx.db, () => {
      recordProfile(ctx.db, inForce, JSON.stringify(profile));
      return written.map((f, i): GeneratedDocument => {
        const { job } = made[i]!; // one file written per document made, in order
        const record = {
          sessionId: session.id,
          projectId: job.projectId,
          templateId: job.resolved.item.id,
          templateVersion: job.resolved.item.version,
          format: job.format,
          path: f.path,
          sha256: f.sha256,
          bytes: f.bytes,
          createdAt: at,
          profile: inForce,
        };
        return { id: recordGeneratedDocument(ctx.db, record), ...record };
      });
    });
    ctx.onProgress({ jobId, phase: 'render', done: planned.length, total: planned.length });
    return { files: records, skipped };
  };
  return ctx.jobs.track(jobId, () => (cancelled = true), work());
}
