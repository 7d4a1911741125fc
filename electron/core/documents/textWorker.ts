// Owns the worker-thread side of text extraction: one worker reads a list of documents, so pdf.js loads once per batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentText } from '../../../shared/precheck';
import type { WorkerMessage } from '../jobs/worker';
import { extractText, type TextKind } from './text';

export interface TextRequest {
  file: string;
  kind: TextKind;
  documentId: string;
}

/** Per document: page progress, then its text or why it could not be read. */
export type TextBatchProgress =
  | { item: number; started: true }
  | { item: number; done: number; total: number }
  | { item: number; text: DocumentText }
  | { item: number; error: string };

const { items } = workerData as { items: TextRequest[] };
const post = (msg: WorkerMessage<TextBatchProgress, { count: number }>) => parentPort!.postMessage(msg);

void (async () => {
  for (const [item, request] of items.entries()) {
    // Each document starts with a report, so its caller's time limit counts from here, not from the worker's start-up.
    post({ type: 'progress', progress: { item, started: true } });
    try {
      const text = await extractText(request.file, request.kind, request.documentId, (p) =>
        post({ type: 'progress', progress: { item, ...p } }),
      );
      post({ type: 'progress', progress: { item, text } });
    } catch (err) {
      post({ type: 'progress', progress: { item, error: err instanceof Error ? err.message : String(err) } });
    }
  }
  post({ type: 'done', result: { count: items.length } });
})();
