// Owns the bureau mode's state (评审组织方): whether it is open, which screen shows, the draft being prepared (评审会草稿) with its version, and the session the later screens work on.
import { create } from 'zustand';
import type { DraftSummary, DraftView } from '../../../shared/bureau';
import { ApiError, client } from '../../api';
import { t } from '../../locale/zh-CN';
import { reportError, reportInfo } from '../errors/store';

/** 准备评审会 · 收集结果 · 专家组汇总 · 生成文书 · 归档 */
export const bureauTabs = ['prepare', 'results', 'panel', 'letters', 'archive'] as const;
export type BureauTab = (typeof bureauTabs)[number];

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
   * Runs one draft edit against the version shown; a stale version reloads the draft and says so. Resolves with the
   * new view, or null when the edit failed (already reported).
   */
  edit(run: (draftId: string, baseVersion: number) => Promise<DraftView>): Promise<DraftView | null>;
  markExported(sessionId: string): Promise<void>;
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
  async edit(run) {
    const { view, saving } = get();
    if (!view || saving) return null;
    set({ saving: true });
    try {
      const next = await run(view.draft.id, view.version);
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
}));
