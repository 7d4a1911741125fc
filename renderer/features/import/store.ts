// Owns the import job's UI state (progress, cancelling, failure) and runs one import: subscribe to progress, call, open the session.
import { create } from 'zustand';
import type { Input } from '../../../shared/api';
import type { JobProgress } from '../../../shared/domain';
import { ApiError, client } from '../../api';
import { userMessage } from '../../lib/errors';
import { useSession } from '../../kernel/sessionStore';

type PackageSource = Input<'package.import'>['source'];

export interface ImportFailure {
  message: string;
  problems: { message: string; path: string }[];
  /** The package itself is defective (not this machine): the organiser has to rebuild it. */
  packageDefect: boolean;
}

interface ImportState {
  status: 'idle' | 'running' | 'failed';
  jobId: string | null;
  progress: JobProgress | null;
  cancelling: boolean;
  failure: ImportFailure | null;
  run(source: PackageSource): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

export const useImport = create<ImportState>((set, get) => ({
  status: 'idle',
  jobId: null,
  progress: null,
  cancelling: false,
  failure: null,
  async run(source) {
    if (get().status === 'running') return;
    const jobId = crypto.randomUUID();
    set({ status: 'running', jobId, progress: null, cancelling: false, failure: null });
    const unsubscribe = client.on('job.progress', (progress) => {
      if (progress.jobId === jobId && get().jobId === jobId) set({ progress });
    });
    try {
      const session = await client.call('package.import', { jobId, source });
      set({ status: 'idle', jobId: null, progress: null, cancelling: false });
      useSession.getState().openSession(session.id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'cancelled') {
        set({ status: 'idle', jobId: null, progress: null, cancelling: false });
      } else {
        const problems = err instanceof ApiError ? err.problems : [];
        const packageDefect = err instanceof ApiError && err.code === 'package-invalid';
        set({ status: 'failed', jobId: null, cancelling: false, failure: { message: userMessage(err), problems, packageDefect } });
      }
    } finally {
      unsubscribe();
    }
  },
  cancel() {
    const { jobId, cancelling } = get();
    if (!jobId || cancelling) return;
    set({ cancelling: true });
    // The pending package.import call settles with code 'cancelled', which closes the dialog.
    client.call('job.cancel', { jobId }).catch(() => set({ cancelling: false }));
  },
  dismiss() {
    set({ status: 'idle', failure: null, progress: null });
  },
}));
