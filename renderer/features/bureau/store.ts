// Owns the bureau mode's state (评审组织方): whether it is open, which screen shows, the draft being prepared (评审会草稿) with its version, and the session the later screens work on;
// and the bureau's actions on drafts, results and archives that the screens send.
import { create } from 'zustand';
import type { Input, MethodName, Output } from '../../../shared/api';
import type { DraftSession, DraftSummary, DraftView } from '../../../shared/bureau';
import type { JobProgress } from '../../../shared/domain';
import { ApiError, client } from '../../api';
import { withProgress } from '../../kernel/jobs';
import { reportError, reportInfo } from '../../kernel/notices';
import type { UploadSource } from '../../lib/upload';
import { t } from '../../locale/zh-CN';

/** 准备评审会 · 收集结果 · 专家组汇总 · 生成文书 · 归档 */
export const bureauTabs = ['prepare', 'results', 'panel', 'letters', 'archive'] as const;
export type BureauTab = (typeof bureauTabs)[number];

/** The calls that change a draft: each names the draft and the version it was made against, and answers with the new view. */
type DraftEdit = {
  [K in MethodName]: Input<K> extends { draftId: string; baseVersion: number } ? (Output<K> extends DraftView ? K : never) : never;
}[MethodName];
type Destination = 'default' | 'choose';

interface BureauState {
  open: boolean;
  /** The draft list is shown when both are null. */
  draftId: string | null;
  view: DraftView | null;
  /** The exported session (its id is the draft's) or one imported from an archive; null until a package was exported. */
  sessionId: string | null;
  sessionTitle: string;
  tab: BureauTab;
  drafts: DraftSummary[] | null;
  /** A draft edit is on its way: edits wait for it, so each names the version the previous one produced. */
  saving: boolean;
  enter(): void;
  leave(): void;
  loadDrafts(): Promise<void>;
  openDraft(draftId: string): Promise<void>;
  /** A session without a draft on this machine (imported from an archive). */
  openSession(sessionId: string, title: string): void;
  backToList(): void;
  setTab(tab: BureauTab): void;
  /** Shows a draft the core answered with. */
  show(view: DraftView): void;
  /**
   * Sends one draft edit against the version shown; a stale version reloads the draft and says so. Resolves with the
   * new view, or null when the edit failed (already reported).
   */
  edit<K extends DraftEdit>(name: K, input: Omit<Input<K>, 'draftId' | 'baseVersion'>): Promise<DraftView | null>;
  markExported(sessionId: string): Promise<void>;
  /** 新建评审会: a new draft from the session form, then shown. */
  create(session: DraftSession): Promise<void>;
  /** Reopens an exported .rpkg as a draft, then shows it. */
  reopenPackage(source: UploadSource): Promise<void>;
  /** Reads a 概算表 workbook under a column mapping (null: detected) without changing the draft. */
  previewBudget(input: Input<'bureau.budget.preview'>): Promise<Output<'bureau.budget.preview'>>;
  /** Exports a draft as a package (one job, its progress reported); file null when the user cancelled the dialog. */
  exportDraft(
    draftId: string,
    destination: Destination,
    onProgress: (progress: JobProgress) => void,
  ): Promise<Output<'bureau.draft.export'>>;
  /** One copy of the exported package per expert (分发副本). */
  writeCopies(draftId: string, destination: Destination): Promise<Output<'bureau.draft.copies'>>;
  /** Imports the experts' result files into the session; each file's outcome is answered. */
  importResults(sessionId: string, sources: Input<'bureau.results.import'>['sources']): Promise<Output<'bureau.results.import'>>;
  /** 确认签名证书: binds the key of a held result (待确认) to its expert, after reading its fingerprint with them. */
  confirmResultKey(sessionId: string, pendingId: number): Promise<Output<'bureau.results.confirmKey'>>;
  /** 归档: the whole session as one archive file. */
  exportArchive(sessionId: string, destination: Destination): Promise<Output<'bureau.archive.export'>>;
  /** 导入归档 (one job, its progress reported): verified, then a session of this machine. */
  importArchive(
    source: UploadSource,
    bureauFingerprint: string | null,
    onProgress: (progress: JobProgress) => void,
  ): Promise<Output<'bureau.archive.import'>>;
  /** Opens a session imported from an archive (its title read from the core); a failure is reported. */
  openArchivedSession(sessionId: string): Promise<void>;
}

export const useBureau = create<BureauState>((set, get) => ({
  open: false,
  draftId: null,
  view: null,
  sessionId: null,
  sessionTitle: '',
  tab: 'prepare',
  drafts: null,
  saving: false,
  enter() {
    set({ open: true, draftId: null, view: null, sessionId: null, tab: 'prepare' });
    void get().loadDrafts();
  },
  leave() {
    set({ open: false, draftId: null, view: null, sessionId: null });
  },
  async loadDrafts() {
    try {
      set({ drafts: await client.call('bureau.draft.list', {}) });
    } catch (err) {
      reportError(err);
    }
  },
  async openDraft(draftId) {
    try {
      get().show(await client.call('bureau.draft.get', { draftId }));
      set({ tab: 'prepare' });
    } catch (err) {
      reportError(err);
    }
  },
  openSession(sessionId, title) {
    set({ draftId: null, view: null, sessionId, sessionTitle: title, tab: 'results' });
  },
  backToList() {
    set({ draftId: null, view: null, sessionId: null, tab: 'prepare' });
    void get().loadDrafts();
  },
  setTab(tab) {
    set({ tab });
  },
  show(view) {
    set({ view, draftId: view.draft.id, sessionId: view.exported ? view.draft.id : null, sessionTitle: view.draft.session.title });
  },
  async edit(name, input) {
    const { view, saving } = get();
    if (!view || saving) return null;
    set({ saving: true });
    try {
      // The mapped type cannot follow `K` through the spread; DraftEdit guarantees both fields and the answer.
      const next = (await client.call(name, { ...input, draftId: view.draft.id, baseVersion: view.version } as Input<
        typeof name
      >)) as DraftView;
      get().show(next);
      return next;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'stale-version') {
        reportInfo(t.bureau.staleReloaded);
        await get().openDraft(view.draft.id);
      } else reportError(err);
      return null;
    } finally {
      set({ saving: false });
    }
  },
  async markExported(sessionId) {
    const { draftId } = get();
    if (draftId) await get().openDraft(draftId);
    set({ sessionId });
  },
  async create(session) {
    get().show(await client.call('bureau.draft.create', { session }));
  },
  async reopenPackage(source) {
    get().show(await client.call('bureau.draft.open', { source }));
  },
  previewBudget(input) {
    return client.call('bureau.budget.preview', input);
  },
  exportDraft(draftId, destination, onProgress) {
    return withProgress(onProgress, (jobId) => client.call('bureau.draft.export', { draftId, jobId, destination }));
  },
  writeCopies(draftId, destination) {
    return client.call('bureau.draft.copies', { draftId, destination });
  },
  importResults(sessionId, sources) {
    return client.call('bureau.results.import', { sessionId, sources });
  },
  confirmResultKey(sessionId, pendingId) {
    return client.call('bureau.results.confirmKey', { sessionId, pendingId });
  },
  exportArchive(sessionId, destination) {
    return client.call('bureau.archive.export', { sessionId, destination });
  },
  importArchive(source, bureauFingerprint, onProgress) {
    return withProgress(onProgress, (jobId) => client.call('bureau.archive.import', { jobId, source, bureauFingerprint }));
  },
  async openArchivedSession(sessionId) {
    try {
      const detail = await client.call('session.get', { sessionId });
      get().openSession(detail.id, detail.title);
    } catch (err) {
      reportError(err);
    }
  },
}));
