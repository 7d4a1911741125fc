// Owns extracting the open session's document text (提取文本): one job per opened session, its progress and cancelling,
// and a revision that tells what reads the text (pre-check, search) to ask again.
import { create } from 'zustand';
import type { JobProgress } from '../../shared/domain';
import { ApiError, client } from '../api';
import { t } from '../locale/zh-CN';
import { requestCancel } from './jobs';
import { reportError, reportInfo } from './notices';

interface ExtractState {
  sessionId: string | null;
  /** Set while a job runs. */
  jobId: string | null;
  progress: JobProgress | null;
  cancelling: boolean;
  /** True once every document of the session has been tried; false while running or after a cancel. */
  complete: boolean;
  /** True after the expert cancelled, until extraction runs again. */
  stopped: boolean;
  /** Bumped whenever a job has added text. */
  revision: number;
  /** Extracts what is not yet extracted; returns at once if a job for this session is already running. */
  run(sessionId: string): Promise<void>;
  cancel(): void;
}

export const useExtract = create<ExtractState>((set, get) => ({
  sessionId: null,
  jobId: null,
  progress: null,
  cancelling: false,
  complete: false,
  stopped: false,
  revision: 0,
  async run(sessionId) {
    const running = get();
    if (running.jobId && running.sessionId === sessionId) return;
    // Another session's job is left to its own end; its answer is then ignored.
    const jobId = crypto.randomUUID();
    set({ sessionId, jobId, progress: null, cancelling: false, complete: false, stopped: false });
    const unsubscribe = client.on('job.progress', (progress) => {
      if (progress.jobId !== jobId || get().jobId !== jobId) return;
      // Recognition (OCR) moved on to another file: the one before has its text now, so the pre-check asks again.
      const before = get().progress;
      const recognised = progress.phase === 'ocr' && before?.phase === 'ocr' && before.current !== progress.current;
      set((s) => ({ progress, revision: recognised ? s.revision + 1 : s.revision }));
    });
    try {
      const { extracted, failed } = await client.call('text.extract', { sessionId, jobId });
      if (get().jobId !== jobId) return;
      set((s) => ({ jobId: null, progress: null, complete: true, revision: extracted + failed > 0 ? s.revision + 1 : s.revision }));
      if (failed > 0) reportInfo(t.extract.failed(failed));
    } catch (err) {
      if (get().jobId !== jobId) return;
      // A cancelled job keeps what it extracted before stopping.
      const cancelled = err instanceof ApiError && err.code === 'cancelled';
      set((s) => ({ jobId: null, progress: null, cancelling: false, stopped: cancelled, revision: s.revision + 1 }));
      if (!cancelled) reportError(err);
    } finally {
      unsubscribe();
    }
  },
  cancel() {
    requestCancel(get, set);
  },
}));
