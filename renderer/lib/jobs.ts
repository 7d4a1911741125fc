// Owns asking the core to cancel a running job (取消): once per job, with the `cancelling` flag a store shows on its button.
import { client } from '../api';
import { reportError } from '../features/errors/store';

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
