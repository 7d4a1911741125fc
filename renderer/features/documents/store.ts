// Owns the 文书 screen's state: which templates and formats are chosen, which template is previewed or edited (with the
// unsaved draft), the running generation job with its progress and cancel, the last result and the last upload.
import { create } from 'zustand';
import type { JobProgress } from '../../../shared/domain';
import type { OutputFormat, OutputResult, TemplateDetail, TextEdit, UploadResult } from '../../../shared/output';
import { ApiError, client } from '../../api';
import { requestCancel } from '../../kernel/jobs';
import { reportError, reportInfo } from '../../kernel/notices';
import { uploadSource } from '../../lib/upload';
import { t } from '../../locale/zh-CN';

interface Editing {
  detail: TemplateDetail;
  /** path → text as the user has it now. */
  draft: Record<string, string>;
  saving: boolean;
}

interface DocumentsState {
  /** Template ids ticked for generation. */
  chosen: string[];
  formats: OutputFormat[];
  chooseFolder: boolean;
  /** Attach the automated pre-check (附：形式审查结论) to the expert's opinion form; off unless the expert asks. */
  includePrecheck: boolean;
  /** The template shown in the preview pane. */
  previewId: string | null;
  editing: Editing | null;
  jobId: string | null;
  progress: JobProgress | null;
  cancelling: boolean;
  result: OutputResult | null;
  upload: UploadResult | null;
  /** Bumped when the template list changed (a save, an upload). */
  revision: number;
  toggleTemplate(id: string): void;
  toggleFormat(format: OutputFormat): void;
  setChooseFolder(choose: boolean): void;
  setIncludePrecheck(include: boolean): void;
  setPreview(id: string): void;
  startEdit(templateId: string): Promise<void>;
  setDraft(path: string, value: string): void;
  discardEdit(): void;
  saveEdit(): Promise<void>;
  /** Generates the chosen templates for `projectIds` (null: every project of the session). */
  generate(sessionId: string, projectIds: string[] | null): Promise<void>;
  cancel(): void;
  uploadTemplate(file: File): Promise<void>;
  /** Shows the folder written to in the system's file manager; false when that did not work. */
  openFolder(sessionId: string, folder: string): Promise<boolean>;
}

/** The draft as edits: only the texts that differ from the version being edited. */
export function draftEdits(editing: Editing | null): TextEdit[] {
  if (!editing) return [];
  return editing.detail.texts
    .filter((x) => editing.draft[x.path] !== x.value)
    .map((x) => ({ path: x.path, value: editing.draft[x.path]! })); // the draft starts with every text's path
}

const toggled = <T>(list: T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export const useDocuments = create<DocumentsState>((set, get) => ({
  chosen: ['expert-opinion'],
  formats: ['docx', 'pdf'],
  chooseFolder: false,
  includePrecheck: false,
  previewId: 'expert-opinion',
  editing: null,
  jobId: null,
  progress: null,
  cancelling: false,
  result: null,
  upload: null,
  revision: 0,
  toggleTemplate(id) {
    set((s) => ({ chosen: toggled(s.chosen, id) }));
  },
  toggleFormat(format) {
    set((s) => ({ formats: toggled(s.formats, format) }));
  },
  setChooseFolder(chooseFolder) {
    set({ chooseFolder });
  },
  setIncludePrecheck(includePrecheck) {
    set({ includePrecheck });
  },
  setPreview(previewId) {
    const { editing } = get();
    set({ previewId, editing: editing && editing.detail.template.id === previewId ? editing : null });
  },
  async startEdit(templateId) {
    try {
      const detail = await client.call('templates.get', { templateId });
      set({
        previewId: templateId,
        editing: { detail, draft: Object.fromEntries(detail.texts.map((x) => [x.path, x.value])), saving: false },
      });
    } catch (err) {
      reportError(err);
    }
  },
  setDraft(path, value) {
    const { editing } = get();
    if (editing) set({ editing: { ...editing, draft: { ...editing.draft, [path]: value } } });
  },
  discardEdit() {
    set({ editing: null });
  },
  async saveEdit() {
    const { editing } = get();
    if (!editing || editing.saving) return;
    const edits = draftEdits(editing);
    if (!edits.length) {
      reportInfo(t.documents.unchanged);
      return;
    }
    set({ editing: { ...editing, saving: true } });
    try {
      const item = await client.call('templates.save', {
        templateId: editing.detail.template.id,
        baseVersion: editing.detail.template.version,
        edits,
      });
      set((s) => ({ editing: null, revision: s.revision + 1 }));
      reportInfo(t.documents.saved(item.version));
    } catch (err) {
      const current = get().editing;
      if (current) set({ editing: { ...current, saving: false } });
      reportError(err);
    }
  },
  async generate(sessionId, projectIds) {
    const { chosen, formats, chooseFolder, includePrecheck, jobId: running } = get();
    if (running) return;
    if (!chosen.length || !formats.length) {
      reportInfo(t.documents.noneChosen);
      return;
    }
    const jobId = crypto.randomUUID();
    set({ jobId, progress: null, cancelling: false, result: null });
    const unsubscribe = client.on('job.progress', (progress) => {
      if (progress.jobId === jobId && get().jobId === jobId) set({ progress });
    });
    try {
      const result = await client.call('output.batch', {
        sessionId,
        jobId,
        templateIds: chosen,
        formats,
        projectIds,
        destination: chooseFolder ? 'choose' : 'default',
        includePrecheck,
      });
      set({ result: result.folder === null ? null : result });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'cancelled') reportInfo(t.documents.cancelled);
      else reportError(err);
    } finally {
      unsubscribe();
      set({ jobId: null, progress: null, cancelling: false });
    }
  },
  cancel() {
    requestCancel(get, set);
  },
  async uploadTemplate(file) {
    try {
      const { name, bytes } = await uploadSource(file);
      const upload = await client.call('templates.upload', { name, bytes });
      set((s) => ({ upload, revision: s.revision + 1 }));
      reportInfo(t.documents.uploadDone(upload.template.name, upload.template.version));
    } catch (err) {
      reportError(err);
    }
  },
  async openFolder(sessionId, folder) {
    return (await client.call('output.openFolder', { sessionId, folder })).opened;
  },
}));
