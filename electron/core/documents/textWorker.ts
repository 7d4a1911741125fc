// Owns the worker-thread side of text extraction, so a slow or hostile PDF, DOCX or XLSX never blocks the main process.
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentText } from '../../../shared/precheck';
import type { WorkerMessage } from '../jobs/worker';
import { extractText, type TextKind, type TextProgress } from './text';

export interface TextRequest {
  file: string;
  kind: TextKind;
  documentId: string;
}

const request = workerData as TextRequest;
const post = (msg: WorkerMessage<TextProgress, DocumentText>) => parentPort!.postMessage(msg);

extractText(request.file, request.kind, request.documentId, (progress) => post({ type: 'progress', progress })).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
