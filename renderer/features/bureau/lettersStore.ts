// Owns the 生成文书 job of the bureau: which templates and formats are chosen, the running batch with its progress and cancel, and the last result.
import { create } from 'zustand';
import type { JobProgress } from '../../../shared/domain';
import type { OutputFormat, OutputResult } from '../../../shared/output';
import { ApiError, client } from '../../api';
import { requestCancel } from '../../lib/jobs';
import { t } from '../../locale/zh-CN';
import { reportError, reportInfo } from '../errors/store';

/** 评审意见函 and the session's 评分表 by default; the panel opinion and per-project 评分汇总表 can be ticked. */
export const defaultLetterTemplates = ['opinion-letter', 'session-score-summary', 'score-sheet'];

interface LettersState {
  chosen: string[];
  formats: OutputFormat[];
  jobId: string | null;
  progress: JobProgress | null;
  cancelling: boolean;
  result: OutputResult | null;
  toggle(templateId: string): void;
  toggleFormat(format: OutputFormat): void;
  generate(sessionId: string, destination: 'default' | 'choose'): Promise<void>;
  cancel(): void;
}

const toggled = <T>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

export const useLetters = create<LettersState>((set, get) => ({
  chosen: defaultLetterTemplates,
  formats: ['pdf', 'docx', 'xlsx'],
  jobId: null,
  progress: null,
  cancelling: false,
  result: null,
  toggle(templateId) {
    set((s) => ({ chosen: toggled(s.chosen, templateId) }));
  },
  toggleFormat(format) {
    set((s) => ({ formats: toggled(s.formats, format) }));
  },
  async generate(sessionId, destination) {
    const { chosen, formats, jobId: running } = get();
    if (running) return;
    if (!chosen.length || !formats.length) {
      reportInfo(t.bureau.letters.noneChosen);
      return;
    }
    const jobId = crypto.randomUUID();
    set({ jobId, progress: null, cancelling: false, result: null });
    const off = client.on('job.progress', (progress) => {
      if (progress.jobId === jobId) set({ progress });
    });
    try {
      const result = await client.call('output.batch', { sessionId, jobId, templateIds: chosen, formats, projectIds: null, destination });
      set({ result: result.folder === null ? null : result });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'cancelled') reportInfo(t.bureau.letters.cancelled);
      else reportError(err);
    } finally {
      off();
      set({ jobId: null, progress: null, cancelling: false });
    }
  },
  cancel() {
    requestCancel(get, set);
  },
}));
