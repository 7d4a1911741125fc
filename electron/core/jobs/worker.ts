// Owns running long work in a worker thread: progress messages, cancellation (terminate), a time limit, and finding the worker file.
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerName = 'stage' | 'render' | 'text' | 'ocr' | 'budget';

/** Messages a worker posts; `error.detail` is structured-cloned (e.g. a PackageError's problems). */
export type WorkerMessage<P, R> =
  { type: 'progress'; progress: P } | { type: 'done'; result: R } | { type: 'error'; message: string; detail?: unknown };

const sourceFiles: Record<WorkerName, string> = {
  stage: '../package/stageWorker.ts',
  render: '../documents/renderWorker.ts',
  text: '../documents/textWorker.ts',
  ocr: '../documents/ocr/ocrWorker.ts',
  budget: '../bureau/budgetWorker.ts',
};

/**
 * Bundled builds run dist/workers/<name>.cjs — from inside app.asar, which Electron's worker_threads read directly,
 * so the worker resolves its packages in the same asar; from source (tests, tsx) the TypeScript worker is loaded
 * through tsx's require hook.
 */
function spawn(name: WorkerName, workerData: unknown, resourceLimits: ResourceLimits): Worker {
  if (__filename.endsWith('.cjs')) return new Worker(path.join(__dirname, 'workers', `${name}.cjs`), { workerData, resourceLimits });
  const file = path.resolve(__dirname, sourceFiles[name]);
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData, resourceLimits });
}

/**
 * Every worker runs with a bounded heap: a parser that runs its heap out (a DOCX whose XML inflates to hundreds of
 * megabytes) ends its worker with ERR_WORKER_OUT_OF_MEMORY, which rejects the job — the process lives on.
 */
export const DEFAULT_WORKER_HEAP_MB = 512;

export interface WorkerOptions {
  /** The worker's old-generation heap, in MiB (default DEFAULT_WORKER_HEAP_MB). */
  heapMb?: number;
  /** Ends the worker after this long whatever it reports (no limit when absent): a parser that keeps going on a hostile file. */
  totalTimeoutMs?: number;
}

export interface WorkerJob<R> {
  result: Promise<R>;
  cancel(): void;
}

export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly detail: unknown,
    readonly reason: 'error' | 'cancelled' | 'timeout' | 'memory',
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** `idleTimeoutMs`: the worker is ended when it has posted nothing for this long. */
export function runWorker<P, R>(
  name: WorkerName,
  workerData: unknown,
  onProgress: (p: P) => void,
  idleTimeoutMs: number,
  options: WorkerOptions = {},
): WorkerJob<R> {
  const timeoutMs = idleTimeoutMs;
  const heapMb = options.heapMb ?? DEFAULT_WORKER_HEAP_MB;
  const worker = spawn(name, workerData, {
    maxOldGenerationSizeMb: heapMb,
    maxYoungGenerationSizeMb: Math.min(64, Math.max(8, heapMb / 8)),
  });
  let settled = false;
  let cancel: () => void = () => undefined;
  const result = new Promise<R>((resolve, reject) => {
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(total);
      void worker.terminate();
      fn();
    };
    // An idle limit, not a total one: a worker that keeps reporting progress is working, one that falls silent is stuck.
    let timer = setTimeout(() => finish(() => reject(new WorkerFailure('timeout', undefined, 'timeout'))), timeoutMs);
    const stillAlive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(() => reject(new WorkerFailure('timeout', undefined, 'timeout'))), timeoutMs);
    };
    const total =
      options.totalTimeoutMs === undefined
        ? undefined
        : setTimeout(() => finish(() => reject(new WorkerFailure('timeout', undefined, 'timeout'))), options.totalTimeoutMs);
    cancel = () => finish(() => reject(new WorkerFailure('cancelled', undefined, 'cancelled')));
    worker.on('message', (msg: WorkerMessage<P, R>) => {
      if (msg.type === 'progress') {
        stillAlive();
        onProgress(msg.progress);
      } else if (msg.type === 'done') finish(() => resolve(msg.result));
      else finish(() => reject(new WorkerFailure(msg.message, msg.detail, 'error')));
    });
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() => reject(new WorkerFailure(err.message, undefined, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'error'))),
    );
    worker.on('exit', (code) => finish(() => reject(new WorkerFailure(`worker exited with code ${code}`, undefined, 'error'))));
  });
  return { result, cancel: () => cancel() };
}
