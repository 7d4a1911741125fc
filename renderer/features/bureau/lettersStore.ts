// Owns the 生成文书 jobs of the bureau: issuing the letters (签发评审意见函, with the 成文日期 chosen and the 文号 from the
// 发文登记), the letter settings (发文设置), exporting the register, and the batch of the other documents — the chosen
// templates and formats, the running job with its progress and cancel, the last result and opening its folder.
import { create } from 'zustand';
import type { JobProgress } from '../../../shared/domain';
import type { LetterRegisterEntry, LetterSettingsInput } from '../../../shared/bureau';
import type { OutputFormat, OutputResult } from '../../../shared/output';
import { ApiError, client } from '../../api';
import { requestCancel } from '../../kernel/jobs';
import { t } from '../../locale/zh-CN';
import { reportError, reportInfo } from '../../kernel/notices';

/** The session's 评分汇总表 and 评分表 by default; the panel opinion and per-project 评分汇总表 can be ticked (letters are issued, not batched). */
export const defaultLetterTemplates = ['session-score-summary', 'score-sheet'];

export type LetterFormat = 'pdf' | 'docx';

interface LettersState {
  chosen: string[];
  formats: OutputFormat[];
  jobId: string | null;
  progress: JobProgress | null;
  cancelling: boolean;
  result: OutputResult | null;
  /** The letters of the last issue (签发), with their 文号. */
  issued: LetterRegisterEntry[];
  /** Bumped after an issue or a settings save: the letters view (register, settings) is fetched again. */
  revision: number;
  toggle(templateId: string): void;
  /** 签发: the letters of every project, dated `date` (YYYY-MM-DD), in `formats`. */
  issue(sessionId: string, date: string, formats: LetterFormat[], destination: 'default' | 'choose'): Promise<void>;
  saveSettings(input: LetterSettingsInput): Promise<boolean>;
  /** Writes the 发文登记; resolves the file written, or null when nothing was. */
  exportRegister(format: 'xlsx' | 'csv', destination: 'default' | 'choose'): Promise<string | null>;
  toggleFormat(format: OutputFormat): void;
  generate(sessionId: string, destination: 'default' | 'choose'): Promise<void>;
  cancel(): void;
  /** Shows the folder written to in the system's file manager; resolves whether that worked. */
  openFolder(sessionId: string, folder: string): Promise<boolean>;
}

const toggled = <T>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

export const useLetters = create<LettersState>((set, get) => ({
  chosen: defaultLetterTemplates,
  formats: ['pdf', 'docx', 'xlsx'],
  jobId: null,
  progress: null,
  cancelling: false,
  result: null,
  issued: [],
  revision: 0,
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
  async issue(sessionId, date, formats, destination) {
    if (get().jobId) return;
    if (!formats.length) {
      reportInfo(t.bureau.letters.noneChosen);
      return;
    }
    const jobId = crypto.randomUUID();
    set({ jobId, progress: null, cancelling: false, result: null, issued: [] });
    const off = client.on('job.progress', (progress) => {
      if (progress.jobId === jobId) set({ progress });
    });
    try {
      const { letters, ...result } = await client.call('bureau.letters.issue', {
        sessionId,
        jobId,
        date,
        projectIds: null,
        formats,
        destination,
      });
      set({ result: result.folder === null ? null : result, issued: letters });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'cancelled') reportInfo(t.bureau.letters.cancelled);
      else reportError(err);
    } finally {
      off();
      set((s) => ({ jobId: null, progress: null, cancelling: false, revision: s.revision + 1 }));
    }
  },
  async saveSettings(input) {
    try {
      await client.call('bureau.letters.saveSettings', input);
      set((s) => ({ revision: s.revision + 1 }));
      reportInfo(t.bureau.letters.settingsSaved);
      return true;
    } catch (err) {
      reportError(err);
      return false;
    }
  },
  async exportRegister(format, destination) {
    try {
      const { file } = await client.call('bureau.letters.exportRegister', { format, destination });
      if (file) reportInfo(t.bureau.letters.registerWritten(file));
      return file;
    } catch (err) {
      reportError(err);
      return null;
    }
  },
  cancel() {
    requestCancel(get, set);
  },
  async openFolder(sessionId, folder) {
    return (await client.call('output.openFolder', { sessionId, folder })).opened;
  },
}));
