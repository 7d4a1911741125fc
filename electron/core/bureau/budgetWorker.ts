// Owns the worker-thread side of the 概算表 import: the workbook (exceljs or SheetJS) is parsed off the main process, so a hostile .xls/.xlsx can only end its worker.
import { parentPort, workerData } from 'node:worker_threads';
import type { BudgetMapping, BudgetPreview } from '../../../shared/bureau';
import type { WorkerMessage } from '../jobs/worker';
import { AppError } from '../kernel/errors';
import { readBudget } from './budgetXlsx';

export interface BudgetRequest {
  name: string;
  bytes: Uint8Array;
  mapping?: BudgetMapping;
}

const { name, bytes, mapping } = workerData as BudgetRequest;
const post = (msg: WorkerMessage<never, BudgetPreview>) => parentPort!.postMessage(msg);

readBudget(name, bytes, mapping).then(
  (result) => post({ type: 'done', result }),
  // An AppError's code crosses the thread with its message, so the caller throws the same error.
  (err: unknown) =>
    post({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
      detail: err instanceof AppError ? err.code : undefined,
    }),
);
