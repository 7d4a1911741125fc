// Owns the worker-thread side of OCR: the runtime and models load once per batch, then each document's pages are recognised in turn.
import { parentPort, workerData } from 'node:worker_threads';
import type { OcrPage } from '../../../../shared/ocr';
import type { WorkerMessage } from '../../jobs/worker';
import { createEngine } from './engine';
import { recognisePages, type OcrKind } from './recognise';
import { chooseRuntime, type RuntimeName } from './runtime';

export interface OcrRequest {
  file: string;
  kind: OcrKind;
  /** 1-based pages to recognise (an image file: [1]). */
  pages: number[];
}

export interface OcrJob {
  items: OcrRequest[];
  /** ONNX Runtime's threads inside the worker. */
  threads: number;
}

/**
 * First the runtime that loaded (the cache records it); then per document: a report that it started (its time limit
 * starts), each page's result, then that it is finished.
 */
export type OcrProgress =
  { runtime: RuntimeName } | { item: number; started: true } | { item: number; result: OcrPage } | { item: number; finished: true };

const { items, threads } = workerData as OcrJob;
const post = (msg: WorkerMessage<OcrProgress, { count: number }>) => parentPort!.postMessage(msg);

void (async () => {
  try {
    const runtime = await chooseRuntime(threads);
    post({ type: 'progress', progress: { runtime: runtime.name } });
    const engine = await createEngine(runtime.ort, threads);
    for (const [item, request] of items.entries()) {
      post({ type: 'progress', progress: { item, started: true } });
      await recognisePages(engine, request.file, request.kind, request.pages, (result) =>
        post({ type: 'progress', progress: { item, result } }),
      );
      post({ type: 'progress', progress: { item, finished: true } });
    }
    await engine.release();
    post({ type: 'done', result: { count: items.length } });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
})();
