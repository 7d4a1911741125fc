// Owns the worker-thread side of package import: verifies and stages a package, posting progress to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from '../jobs/worker';
import { errorCode, storageFault } from '../kernel/storage';
import { PackageError } from './errors';
import { verifyPackage, type VerifiedPackage, type VerifyProgress } from './verify';

export interface StageRequest {
  location: string;
  stagingDir: string;
}

const request = workerData as StageRequest;
const post = (msg: WorkerMessage<VerifyProgress, VerifiedPackage>) => parentPort!.postMessage(msg);

let last = 0;
verifyPackage(request.location, {
  stagingDir: request.stagingDir,
  onProgress: (progress) => {
    // Throttle: a 200 MB package yields thousands of chunks; the UI needs ~20 updates a second.
    const now = Date.now();
    if (now - last < 50 && progress.done !== progress.total) return;
    last = now;
    post({ type: 'progress', progress });
  },
}).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) =>
    post(
      err instanceof PackageError
        ? { type: 'error', message: err.message, detail: err.problems }
        : // A full or read-only disk keeps its code across the thread, so the importer can say so in Chinese.
          {
            type: 'error',
            message: err instanceof Error ? err.message : String(err),
            detail: storageFault(err) ? { code: errorCode(err) } : undefined,
          },
    ),
);
