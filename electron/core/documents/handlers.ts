// Owns the document calls: raw bytes for in-app viewers, converted DOCX/XLSX, the system app for other formats, text and search.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RenderedDocument } from '../../../shared/domain';
import { AppError } from '../kernel/errors';
import type { HandlerMap, Host } from '../kernel/handlers';
import { runWorker, WorkerFailure } from '../jobs/worker';
import type { JobRegistry } from '../jobs/registry';
import { sessionFilesDir } from '../package/importer';
import type { WriteDb } from '../store/access';
import { recognisedLines } from '../store/ocrPages';
import { findDocument, viewerFor, type StoredDocument } from '../store/sessions';
import { searchWithThesaurus } from '../store/thesaurus';
import { isRenderable } from './convert';
import { extractSessionText } from './extraction';
import type { RenderRequest } from './renderWorker';

const RENDER_TIMEOUT_MS = 60_000;

type DocumentMethods =
  'document.content' | 'document.render' | 'document.openExternal' | 'document.recognisedLines' | 'text.extract' | 'search.session';

export function documentHandlers(db: WriteDb, host: Host, jobs: JobRegistry, now: () => Date): HandlerMap<DocumentMethods> {
  function documentOf(documentKey: number): StoredDocument {
    const doc = findDocument(db, documentKey);
    if (!doc) throw new AppError('not-found', '找不到该文件，可能评审包已被移除。请重新打开评审包。');
    return doc;
  }

  /** The file of an imported document; its path was checked at import, and must still resolve inside the session folder. */
  function fileOf(documentKey: number): string {
    const doc = documentOf(documentKey);
    const root = sessionFilesDir(host.dataDir, doc.sessionId);
    const file = path.resolve(root, ...doc.path.split('/'));
    if (!file.startsWith(root + path.sep)) throw new AppError('not-found', '文件路径无效。');
    return file;
  }

  return {
    async 'document.content'({ documentKey }) {
      const file = fileOf(documentKey);
      try {
        return new Uint8Array(await fs.readFile(file));
      } catch {
        throw new AppError('not-found', `文件已从本机数据目录中丢失：${path.basename(file)}。请重新导入评审包。`);
      }
    },
    async 'document.render'({ documentKey }): Promise<RenderedDocument> {
      const file = fileOf(documentKey);
      const viewer = viewerFor(file);
      if (!isRenderable(viewer)) throw new AppError('invalid-input', '此类文件不需要转换，可直接查看。');
      const job = runWorker<never, RenderedDocument>(
        'render',
        { file, viewer } satisfies RenderRequest,
        () => undefined,
        RENDER_TIMEOUT_MS,
      );
      try {
        return await jobs.track(randomUUID(), job.cancel, job.result);
      } catch (err) {
        const why = err instanceof WorkerFailure && err.reason === 'timeout' ? '转换超时' : '文件可能已损坏或格式不受支持';
        throw new AppError('internal', `无法在评审工作台内显示 ${path.basename(file)}（${why}）。可尝试用系统默认程序打开。`);
      }
    },
    async 'document.openExternal'({ documentKey }) {
      return { opened: await host.openPath(fileOf(documentKey)) };
    },
    'document.recognisedLines'({ documentKey, page }) {
      return recognisedLines(db, documentOf(documentKey).sha256, page);
    },
    'text.extract'({ sessionId, jobId }) {
      return extractSessionText({ db, jobs, now, fileOf, onProgress: (p) => host.emit('job.progress', p) }, sessionId, jobId);
    },
    'search.session'({ sessionId, query }) {
      return searchWithThesaurus(db, sessionId, query);
    },
  };
}
