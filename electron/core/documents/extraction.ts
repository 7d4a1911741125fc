// Owns extracting a session's document text in a worker into the store's page cache and search index, resuming past a stuck file.
import type { JobProgress } from '../../../shared/domain';
import { DEFAULT_WORKER_HEAP_MB, runWorker, WorkerFailure } from '../jobs/worker';
import { workerDeathReason } from './isolatedText';
import { recogniseSessionScans } from './ocr/sessionScans';
import type { JobRegistry } from '../jobs/registry';
import type { WriteDb } from '../store/access';
import { findDocument, viewerFor } from '../store/sessions';
import { documentsWithoutText, saveDocumentText } from '../store/texts';
import { isTextKind } from './text';
import type { TextBatchProgress, TextRequest } from './textWorker';

/** One page of a large scanned PDF on an old PC can take long; a worker silent for this long is stuck on a hostile file. */
const EXTRACT_IDLE_TIMEOUT_MS = 2 * 60_000;

export interface ExtractionContext {
  db: WriteDb;
  jobs: JobRegistry;
  now: () => Date;
  fileOf: (documentKey: number) => string;
  onProgress: (p: JobProgress) => void;
}

export async function extractSessionText(
  ctx: ExtractionContext,
  sessionId: string,
  jobId: string,
): Promise<{ extracted: number; failed: number }> {
  const at = () => ctx.now().toISOString();
  const total = documentsWithoutText(ctx.db, sessionId).length;
  const counts = { extracted: 0, failed: 0 };
  let cancelled = false;
  let cancelWorker: () => void = () => undefined;
  const settled = () => total - documentsWithoutText(ctx.db, sessionId).length;

  const run = async () => {
    // Each pass extracts what is still missing; a pass ends early only when the worker dies or falls silent on a file,
    // which is then recorded as failed so the next pass moves past it.
    while (!cancelled) {
      const pending = documentsWithoutText(ctx.db, sessionId).map((key) => ({ key, doc: findDocument(ctx.db, key)! }));
      for (const { key } of pending.filter(({ doc }) => !isExtractable(doc.path)))
        saveDocumentText(ctx.db, key, null, 'unsupported', null, at());
      const batch = pending.filter(({ doc }) => isExtractable(doc.path));
      if (!batch.length) break;
      let current = 0;
      const items: TextRequest[] = batch.map(({ key, doc }) => ({
        file: ctx.fileOf(key),
        kind: viewerFor(doc.path) as TextRequest['kind'],
        documentId: String(key),
      }));
      const job = runWorker<TextBatchProgress, { count: number }>(
        'text',
        { items },
        (p) => {
          current = p.item;
          // The worker reports by index into the items it was given, which are `batch` in order.
          const { key, doc } = batch[p.item]!;
          if ('text' in p) {
            saveDocumentText(ctx.db, key, p.text, 'ok', null, at());
            counts.extracted++;
          } else if ('error' in p) {
            saveDocumentText(ctx.db, key, null, 'failed', p.error.slice(0, 300), at());
            counts.failed++;
          }
          ctx.onProgress({ jobId, phase: 'extract', done: settled(), total, current: doc.path.split('/').pop() });
        },
        EXTRACT_IDLE_TIMEOUT_MS,
      );
      cancelWorker = job.cancel;
      try {
        await job.result;
      } catch (err) {
        if (err instanceof WorkerFailure && err.reason === 'cancelled') break;
        const { key } = batch[current]!;

        // Out of memory (the worker's heap limit) or silent past the idle limit: the file is unreadable, the app lives on.
        saveDocumentText(
          ctx.db,
          key,
          null,
          'failed',
          workerDeathReason(err, { documentTimeoutMs: EXTRACT_IDLE_TIMEOUT_MS, heapMb: DEFAULT_WORKER_HEAP_MB }).slice(0, 300),
          at(),
        );
        counts.failed++;
      }
    }
    ctx.onProgress({ jobId, phase: 'extract', done: settled(), total });
    // Then the pages without a text layer (scans) and image files, recognised by OCR; a document that gains text
    // counts as extracted, so what reads the text (pre-check, search) asks again.
    if (!cancelled) {
      const { recognised } = await recogniseSessionScans(ctx, sessionId, jobId, (cancel) => (cancelWorker = cancel));
      counts.extracted += recognised;
    }
    return counts;
  };
  return ctx.jobs.track(
    jobId,
    () => {
      cancelled = true;
      cancelWorker();
    },
    run(),
  );
}

function isExtractable(path: string): boolean {
  return isTextKind(viewerFor(path));
}
