// Owns the renderer's side of the core's jobs: running one call as a job with its progress passed on, and asking the core
// to cancel a running job (取消): once per job, with the `cancelling` flag a store shows on its button.
import type { JobProgress } from '../../shared/domain';
import { client } from '../api';
import { reportError } from './notices';

/** Calls `run` with a fresh job id, passing that job's progress events on while it runs. */
export async function withProgress<T>(onProgress: (progress: JobProgress) => void, run: (jobId: string) => Promise<T>): Promise<T> {
  const jobId = crypto.randomUUID();
  const off = client.on('job.progress', (p) => p.jobId === jobId && onProgress(p));
  try {
    return await run(jobId);
  } finally {
    off();
  }
}

interface CancellableState {
  jobId: string | null;
  cancelling: boolean;
}

/**
 * Sends `job.cancel` for the store's running job unless one is already on its way. The job's own pending call then
 * settles with code 'cancelled', which the store handles where it started the job.
 */
export function requestCancel(get: () => CancellableState, set: (patch: Pick<CancellableState, 'cancelling'>) => void): void {
  const { jobId, cancelling } = get();
  if (!jobId || cancelling) return;
  set({ cancelling: true });
  client.call('job.cancel', { jobId }).catch((err: unknown) => {
    set({ cancelling: false });
    reportError(err);
  });
}
