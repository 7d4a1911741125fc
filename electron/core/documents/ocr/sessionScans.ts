// Owns recognising a session's scanned documents in the background: which pages need it, the OCR cache by file hash,
// the worker (progress, cancel, a stuck page), and putting the text where search and the pre-check read it.
import os from 'node:os';
import type { JobProgress } from '../../../../shared/domain';
import type { OcrPage } from '../../../../shared/ocr';
import { runWorker, WorkerFailure } from '../../jobs/worker';
import type { WriteDb } from '../../store/access';
import { applyOcrText, loadOcrPages, saveOcrPage, scanPages, touchDocumentText } from '../../store/ocrPages';
import { viewerFor } from '../../store/sessions';
import { ENGINE_ID } from './engine';
import { ocrHeadings } from './headings';
import type { OcrJob, OcrProgress, OcrRequest } from './ocrWorker';
import { imageKind, type OcrKind } from './recognise';
import { engineIdOf } from './runtime';

/** One page takes ~5 s of CPU here; on an old PC under load, a page silent for this long is a hostile image. */
const OCR_IDLE_TIMEOUT_MS = 3 * 60_000;
/** The models' weights and one page's tensors: ~300 MB of native memory, outside the JS heap limit. */
const OCR_HEAP_MB = 768;

export interface ScanContext {
  db: WriteDb;
  now: () => Date;
  fileOf: (documentKey: number) => string;
  onProgress: (p: JobProgress) => void;
}

interface Pending {
  key: number;
  sha256: string;
  name: string;
  kind: OcrKind;
  /** Pages not in the cache yet. */
  pages: number[];
}

/** The session's documents with pages to recognise: PDF pages without a text layer, and PNG/JPEG files not read yet. */
function scannedDocuments(db: WriteDb, sessionId: string): { key: number; sha256: string; path: string; kind: OcrKind; pages: number[] }[] {
  const rows = db
    .prepare(
      `SELECT d.key, d.sha256, d.path, t.status FROM documents d LEFT JOIN document_texts t ON t.document_key = d.key WHERE d.session_id = ? ORDER BY d.key`,
    )
    .all(sessionId) as { key: number; sha256: string; path: string; status: string | null }[];
  return rows.flatMap((r) => {
    if (viewerFor(r.path) === 'pdf' && r.status === 'ok') {
      const pages = scanPages(db, r.key);
      return pages.length ? [{ key: r.key, sha256: r.sha256, path: r.path, kind: 'pdf' as const, pages }] : [];
    }
    const kind = imageKind(r.path);
    return kind && r.status !== 'ok' ? [{ key: r.key, sha256: r.sha256, path: r.path, kind, pages: [1] }] : [];
  });
}

/** Puts a document's recognised pages (those that gave text) into its text, with the headings found on them. */
function apply(ctx: ScanContext, key: number, results: OcrPage[]): void {
  const read = results.filter((r): r is Extract<OcrPage, { text: string }> => 'text' in r && r.text.trim() !== '');
  if (read.length) applyOcrText(ctx.db, key, read, ocrHeadings(read), ctx.now().toISOString());
  else touchDocumentText(ctx.db, key, ctx.now().toISOString());
}

/**
 * Recognises every scanned page of the session not in the cache (pages already recognised — in this session or in
 * any other holding the same file — come from the cache). `cancelHook` receives the function that stops the
 * worker; the pages recognised before a cancel stay cached. Returns how many documents gained text.
 */
export async function recogniseSessionScans(
  ctx: ScanContext,
  sessionId: string,
  jobId: string,
  cancelHook: (cancel: () => void) => void,
): Promise<{ recognised: number }> {
  const at = () => ctx.now().toISOString();
  let recognised = 0;
  const pending: Pending[] = [];
  for (const doc of scannedDocuments(ctx.db, sessionId)) {
    const cached = loadOcrPages(ctx.db, doc.sha256, ENGINE_ID);
    const missing = doc.pages.filter((p) => !cached.has(p));
    if (!missing.length) {
      // Recognised before (in another session holding the same file): its text goes in; pages that gave none stay as they are.
      const results = doc.pages.map((p) => cached.get(p)!);
      if (results.some((r) => 'text' in r && r.text.trim())) {
        apply(ctx, doc.key, results);
        recognised++;
      }
    } else pending.push({ key: doc.key, sha256: doc.sha256, name: doc.path.split('/').pop() ?? doc.path, kind: doc.kind, pages: missing });
  }
  const total = pending.reduce((n, d) => n + d.pages.length, 0);
  let done = 0;
  let cancelled = false;
  // Rows are saved under the runtime the worker loaded; the cache is read for the models whichever ran them (ENGINE_ID).
  let engine = ENGINE_ID;
  cancelHook(() => {
    cancelled = true;
  });
  // A pass ends early only when the worker dies or falls silent on a page: that page is recorded as failed and the
  // next pass carries on after it.
  while (!cancelled) {
    const items = pending.filter((d) => d.pages.length);
    if (!items.length) break;
    let current = 0;
    const job = runWorker<OcrProgress, { count: number }>(
      'ocr',
      {
        items: items.map((d): OcrRequest => ({ file: ctx.fileOf(d.key), kind: d.kind, pages: d.pages })),
        threads: Math.max(1, os.cpus().length),
      } satisfies OcrJob,
      (p) => {
        if ('runtime' in p) {
          engine = engineIdOf(p.runtime);
          return;
        }
        current = p.item;
        const doc = items[p.item]!;
        if ('result' in p) {
          saveOcrPage(ctx.db, doc.sha256, engine, p.result, at());
          doc.pages = doc.pages.filter((n) => n !== p.result.page);
          ctx.onProgress({ jobId, phase: 'ocr', done: ++done, total, current: doc.name });
        } else if ('finished' in p) {
          doc.pages = [];
          const cached = loadOcrPages(ctx.db, doc.sha256, ENGINE_ID);
          apply(ctx, doc.key, [...cached.values()]);
          recognised++;
        }
      },
      OCR_IDLE_TIMEOUT_MS,
      { heapMb: OCR_HEAP_MB },
    );
    cancelHook(() => {
      cancelled = true;
      job.cancel();
    });
    try {
      await job.result;
    } catch (err) {
      if (err instanceof WorkerFailure && err.reason === 'cancelled') break;
      const doc = items[current]!;
      const page = doc.pages[0];
      if (page === undefined) continue;
      const why =
        err instanceof WorkerFailure && err.reason === 'timeout'
          ? '识别超时，已跳过'
          : `识别进程意外结束：${err instanceof Error ? err.message : String(err)}`;
      saveOcrPage(ctx.db, doc.sha256, engine, { page, error: `第 ${page} 页${why}` }, at());
      doc.pages = doc.pages.slice(1);
      ctx.onProgress({ jobId, phase: 'ocr', done: ++done, total, current: doc.name });
      if (!doc.pages.length) apply(ctx, doc.key, [...loadOcrPages(ctx.db, doc.sha256, ENGINE_ID).values()]);
    }
  }
  return { recognised };
}
