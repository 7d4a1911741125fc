// Owns the worker-thread side of OCR: the models load once per batch, then each document's pages are recognised in turn.
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import type { OcrPage } from '../../../../shared/ocr';
import type { WorkerMessage } from '../../jobs/worker';
import { createEngine, type OrtRuntime } from './engine';
import { recognisePages, type OcrKind } from './recognise';

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

/** Per document: a report that it started (its time limit starts), each page's result, then that it is finished. */
export type OcrProgress = { item: number; started: true } | { item: number; result: OcrPage } | { item: number; finished: true };

const { items, threads } = workerData as OcrJob;
const post = (msg: WorkerMessage<OcrProgress, { count: number }>) => parentPort!.postMessage(msg);

void (async () => {
  try {
    const engine = await createEngine(ort as unknown as OrtRuntime, threads);
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
