// Owns the worker-thread side of document conversion, so a slow or hostile DOCX/XLSX/DOC/XLS/OFD never blocks the main process.
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderedDocument } from '../../../shared/domain';
import type { WorkerMessage } from '../jobs/worker';
import { docxToHtml, xlsxToSheets, type RenderableKind } from './convert';
import { legacySheetToDisplay, ofdToDisplay, wordToDisplay } from './readers/display';

export interface RenderRequest {
  file: string;
  viewer: RenderableKind;
}

const converters: Record<RenderableKind, (file: string) => Promise<RenderedDocument>> = {
  docx: docxToHtml,
  xlsx: xlsxToSheets,
  doc: wordToDisplay,
  xls: legacySheetToDisplay,
  ofd: ofdToDisplay,
};

const request = workerData as RenderRequest;
const post = (msg: WorkerMessage<never, RenderedDocument>) => parentPort!.postMessage(msg);

converters[request.viewer](request.file).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
