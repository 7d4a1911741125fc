// Owns extracting a session's document text, one worker per document, into the store's page cache and search index.
import type { JobProgress } from '../../../shared/domain';
import type { DocumentText } from '../../../shared/precheck';
import { runWorker, WorkerFailure } from '../jobs/worker';
import type { JobRegistry } from '../jobs/registry';
import type { Db } from '../store/db';
import { findDocument, viewerFor } from '../store/sessions';
import { documentsWithoutText, saveDocumentText } from '../store/texts';
import type { TextProgress } from './text';
import type { TextRequest } from './textWorker';

/** A 300-page scanned PDF on an old PC can take minutes; a parser stuck longer than this is ended. */
const EXTRACT_TIMEOUT_MS = 5 * 60_000;

export interface ExtractionContext {
  db: Db;
  jobs: JobRegistry;
  now: () => Date;
  fileOf: (documentKey: number) => string;
  onProgress: (p: JobProgress) => void;
}

export async function extractSessionText(ctx: ExtractionContext, sessionId: string, jobId: string): Promise<{ extracted: number; failed: number }> {
  const pending = documentsWithoutText(ctx.db, sessionId);
  let cancelled = false;
  let cancelCurrent = () => undefined as void;
  let extracted = 0;
  let failed = 0;
  const run = async () => {
    for (const [index, key] of pending.entries()) {
      if (cancelled) break;
      const doc = findDocument(ctx.db, key)!;
      const kind = viewerFor(doc.path);
      const at = () => ctx.now().toISOString();
      ctx.onProgress({ jobId, phase: 'extract', done: index, total: pending.length, current: doc.path.split('/').pop() });
      if (kind !== 'pdf' && kind !== 'docx' && kind !== 'xlsx') {
        saveDocumentText(ctx.db, key, null, 'unsupported', null, at());
        continue;
      }
      const job = runWorker<TextProgress, DocumentText>('text', { file: ctx.fileOf(key), kind, documentId: String(key) } satisfies TextRequest, () => undefined, EXTRACT_TIMEOUT_MS);
      cancelCurrent = job.cancel;
      try {
        saveDocumentText(ctx.db, key, await job.result, 'ok', null, at());
        extracted++;
      } catch (err) {
        if (err instanceof WorkerFailure && err.reason === 'cancelled') break;
        // A document that cannot be read is recorded, so the pre-check can say so instead of retrying it forever.
        saveDocumentText(ctx.db, key, null, 'failed', err instanceof Error ? err.message.slice(0, 300) : String(err), at());
        failed++;
      }
    }
    ctx.onProgress({ jobId, phase: 'extract', done: pending.length, total: pending.length });
    return { extracted, failed };
  };
  return ctx.jobs.track(
    jobId,
    () => {
      cancelled = true;
      cancelCurrent();
    },
    run(),
  );
}
