// Owns reading documents' text for callers outside the app's extraction job (the `check` command, the bureau's draft pre-check, test runs): every parser in a worker with a heap and time limit, a worker's death a document that could not be read.
import type { DocumentText } from '../../../shared/precheck';
import { DEFAULT_WORKER_HEAP_MB, runWorker, WorkerFailure } from '../jobs/worker';
import type { TextBatchProgress, TextRequest } from './textWorker';

export interface TextLimits {
  /** One document may take this long, whatever progress it reports. */
  documentTimeoutMs: number;
  /** The worker's heap, in MiB. */
  heapMb: number;
}

/** A 300-page scanned PDF reads in well under a minute; a content stream inflating to hundreds of megabytes does not. */
export const DEFAULT_TEXT_LIMITS: TextLimits = { documentTimeoutMs: 120_000, heapMb: DEFAULT_WORKER_HEAP_MB };

export type IsolatedText = { text: DocumentText } | { error: string };

/** Why a worker's death leaves its document unread, in the words the pre-check shows. */
export function workerDeathReason(err: unknown, limits: TextLimits): string {
  if (err instanceof WorkerFailure && err.reason === 'memory')
    return `读取时内存超出上限（${limits.heapMb} MB），文件可能是压缩炸弹或构造异常，已停止读取`;
  if (err instanceof WorkerFailure && err.reason === 'timeout')
    return `读取超时（超过 ${Math.round(limits.documentTimeoutMs / 1000)} 秒），已停止读取`;
  return `读取文件的进程意外结束：${err instanceof Error ? err.message : String(err)}`;
}

/**
 * Reads each item's text in one worker per batch (pdf.js loads once); when the worker dies or a document runs past
 * its time limit, that document is recorded as unreadable and a new worker takes the rest. Items not reached when
 * `signal` aborts are absent from the answer (the caller reports them skipped).
 */
export async function extractTextsIsolated(
  items: TextRequest[],
  limits: TextLimits = DEFAULT_TEXT_LIMITS,
  signal?: AbortSignal,
): Promise<Map<string, IsolatedText>> {
  const results = new Map<string, IsolatedText>();
  while (!signal?.aborted) {
    const batch = items.filter((i) => !results.has(i.documentId));
    if (!batch.length) break;
    let current = 0;
    let itemTimer: NodeJS.Timeout | undefined;
    let itemTimedOut = false;
    const job = runWorker<TextBatchProgress, { count: number }>(
      'text',
      { items: batch },
      (p) => {
        if (p.item !== current || !itemTimer) startItem(p.item);
        if ('text' in p || 'error' in p) clearTimeout(itemTimer);
        const { documentId } = batch[p.item]!;
        if ('text' in p) results.set(documentId, { text: p.text });
        else if ('error' in p) results.set(documentId, { error: p.error });
      },
      limits.documentTimeoutMs,
      { heapMb: limits.heapMb },
    );
    // The first document's limit starts when the worker reports it (start-up, e.g. loading pdf.js, is under the idle limit).
    const startItem = (item: number) => {
      current = item;
      clearTimeout(itemTimer);
      itemTimer = setTimeout(() => {
        itemTimedOut = true;
        job.cancel();
      }, limits.documentTimeoutMs);
    };
    const abort = () => job.cancel();
    signal?.addEventListener('abort', abort);
    try {
      await job.result;
    } catch (err) {
      // The document being read when the worker ended is the one that ended it; one that settled just before is not.
      const first = batch.findIndex((i) => !results.has(i.documentId));
      const culprit = batch[Math.max(current, first)] ?? batch[first];
      if (signal?.aborted && !itemTimedOut) break;
      const reason = itemTimedOut
        ? workerDeathReason(new WorkerFailure('timeout', undefined, 'timeout'), limits)
        : workerDeathReason(err, limits);
      if (culprit) results.set(culprit.documentId, { error: reason });
    } finally {
      clearTimeout(itemTimer);
      signal?.removeEventListener('abort', abort);
    }
  }
  return results;
}
