// Owns the worker-thread side of document conversion, so a slow or hostile DOCX/XLSX never blocks the main process.
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderedDocument } from '../../../shared/domain';
import type { WorkerMessage } from '../jobs/worker';
import { docxToHtml, xlsxToSheets } from './convert';

export interface RenderRequest {
  file: string;
  viewer: 'docx' | 'xlsx';
}

const request = workerData as RenderRequest;
const post = (msg: WorkerMessage<never, RenderedDocument>) => parentPort!.postMessage(msg);

(request.viewer === 'docx' ? docxToHtml(request.file) : xlsxToSheets(request.file)).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
