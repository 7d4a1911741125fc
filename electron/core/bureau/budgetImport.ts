// Owns where the 概算表 import (budgetXlsx.ts) parses: a compound file (.xls, .et) in a worker with a heap and time limit, an XLSX in process.
//
// SheetJS's BIFF parser is the new surface a hostile file reaches, so it runs where it can only end its worker. The XLSX
// path stays in process as before (ZIP-bomb checked first, docs/security.md §10): a worker costs each preview the
// start-up of exceljs, and the preview runs again on every change of the column mapping.
import type { ApiErrorCode } from '../../../shared/api';
import type { BudgetMapping, BudgetPreview } from '../../../shared/bureau';
import { DEFAULT_WORKER_HEAP_MB, runWorker, WorkerFailure } from '../jobs/worker';
import { isCfb } from '../documents/readers/limits';
import { AppError } from '../kernel/errors';
import type { BudgetRequest } from './budgetWorker';
import { readBudget } from './budgetXlsx';

/** A 20 MB workbook reads in a few seconds; one silent for this long is stuck on a hostile structure. */
const BUDGET_TIMEOUT_MS = 60_000;

export async function previewBudget(name: string, bytes: Uint8Array, mapping?: BudgetMapping): Promise<BudgetPreview> {
  if (!isCfb(bytes)) return readBudget(name, bytes, mapping);
  const job = runWorker<never, BudgetPreview>(
    'budget',
    { name, bytes, mapping } satisfies BudgetRequest,
    () => undefined,
    BUDGET_TIMEOUT_MS,
  );
  try {
    return await job.result;
  } catch (err) {
    if (!(err instanceof WorkerFailure)) throw err;
    if (err.reason === 'error' && typeof err.detail === 'string') throw new AppError(err.detail as ApiErrorCode, err.message);
    const why =
      err.reason === 'timeout'
        ? `读取超过 ${BUDGET_TIMEOUT_MS / 1000} 秒仍未完成`
        : err.reason === 'memory'
          ? `读取时内存超出上限（${DEFAULT_WORKER_HEAP_MB} MB）`
          : '读取文件的进程意外结束';
    throw new AppError('invalid-input', `“${name}”${why}，文件可能已损坏或是恶意构造的。请用 Excel 或 WPS 打开后重新保存再导入。`);
  }
}
