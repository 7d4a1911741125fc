// Owns the score form's state: the review being edited (草稿), its undo/redo snapshots, autosave (within 300 ms of a change, one save in flight, the newest draft wins), the fields holding refused input (kept per review for a reload, invalidDrafts.ts) or a typed value not yet committed, and completing / reopening the review.
//
// The core's answer (ReviewView) carries the stored version; every save names it, so a save from a stale window is
// refused rather than silently overwriting. Undo and redo are edits like any other: they are saved too.
import { create } from 'zustand';
import type { Review, ReviewView } from '../../../shared/scoring';
import { ApiError, client } from '../../api';
import { useReviewStates } from '../../kernel/reviewStates';
import {
  browserStorage,
  readInvalidDrafts,
  withInvalidDraft,
  writeInvalidDrafts,
  type InvalidDraft,
  type InvalidDrafts,
} from './invalidDrafts';

const SAVE_DELAY_MS = 300;
/** Keystrokes in one field within this long make one undo step, not one per character. */
const COALESCE_MS = 1000;
const MAX_UNDO = 200;

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface ScoringState {
  sessionId: string | null;
  projectId: string | null;
  view: ReviewView | null;
  draft: Review | null;
  past: Review[];
  future: Review[];
  loadStatus: 'loading' | 'ready' | 'error';
  loadError: unknown;
  saveStatus: SaveStatus;
  saveError: unknown;
  /** ISO time of the last acknowledged save. */
  savedAt: string | null;
  /** Fields holding a value the rubric refuses (field key → text and where): not in the review, so not saved. */
  invalid: InvalidDrafts;
  /** A field's text is refused (`draft`) or acceptable again (null); kept for a reload of this review. */
  setInvalid(field: string, draft: InvalidDraft | null): void;
  /** Fields whose valid typed value waits for the expert's pause before it enters the draft (typedCommit.ts). */
  typing: string[];
  setTyping(field: string, typing: boolean): void;
  load(sessionId: string, projectId: string): Promise<void>;
  /** Applies a change; `field` names what is typed into, so one field's keystrokes coalesce into one undo step. */
  edit(change: (review: Review) => Review, field: string): void;
  undo(): void;
  redo(): void;
  /** Saves now whatever is pending; resolves when the draft is stored (or the save failed). */
  flush(): Promise<void>;
  /** Replaces the view after complete / reopen, which the core answers with the new state. */
  setView(view: ReviewView): void;
  /** 完成评审: saves what is pending, then asks the core; throws its refusal (the view's `missing` then says what is missing). */
  complete(key: ReviewKey): Promise<void>;
  /** Set when 完成评审 is asked for from outside the form (the header's primary action); the completion bar runs it. */
  completeRequested: boolean;
  requestComplete(requested: boolean): void;
  /** Reopens a completed review with the reason the history keeps. */
  reopen(key: ReviewKey, reason: string): Promise<void>;
}

interface ReviewKey {
  sessionId: string;
  projectId: string;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<void> | null = null;
let dirty = false;
let lastEdit = { field: '', at: 0 };
let latestLoad = 0;

export const useScoring = create<ScoringState>((set, get) => {
  // The timer starts at the first unsaved change and is not pushed back by later ones, so steady typing is still
  // stored within SAVE_DELAY_MS of each keystroke; the save then carries the newest draft.
  const schedule = () => {
    dirty = true;
    set({ saveStatus: 'saving' });
    if (timer) return;
    // A failed save shows in the status (保存失败（重试）); nothing else to do with the rejection here.
    timer = setTimeout(
      () =>
        void get()
          .flush()
          .catch(() => undefined),
      SAVE_DELAY_MS,
    );
  };

  const saveOnce = async () => {
    const { sessionId, projectId, draft, view } = get();
    if (!sessionId || !projectId || !draft || !view) return;
    dirty = false;
    set({ saveStatus: 'saving' });
    try {
      const next = await client.call('review.save', { sessionId, projectId, review: draft, baseVersion: view.version });
      if (get().projectId !== projectId || get().sessionId !== sessionId) return;
      set({ view: next, savedAt: next.savedAt, saveStatus: dirty ? 'saving' : 'saved', saveError: null });
      useReviewStates.getState().update(sessionId, projectId, next.state);
    } catch (error) {
      dirty = true;
      set({ saveStatus: 'failed', saveError: error });
      // Another window saved first: take its version so 重试 stores this draft over it.
      if (error instanceof ApiError && error.code === 'stale-version') {
        const fresh = await client.call('review.get', { sessionId, projectId }).catch(() => null);
        if (fresh && get().projectId === projectId) set({ view: fresh });
      }
      throw error;
    }
  };

  return {
    sessionId: null,
    projectId: null,
    view: null,
    draft: null,
    past: [],
    future: [],
    loadStatus: 'loading',
    loadError: null,
    saveStatus: 'idle',
    saveError: null,
    savedAt: null,
    invalid: {},
    typing: [],
    completeRequested: false,

    async load(sessionId, projectId) {
      if (get().sessionId === sessionId && get().projectId === projectId && get().view) return;
      await get()
        .flush()
        .catch(() => undefined);
      const request = ++latestLoad;
      set({
        sessionId,
        projectId,
        view: null,
        draft: null,
        past: [],
        future: [],
        loadStatus: 'loading',
        loadError: null,
        saveStatus: 'idle',
        saveError: null,
        savedAt: null,
        invalid: readInvalidDrafts(browserStorage(), sessionId, projectId),
        typing: [],
      });
      try {
        const view = await client.call('review.get', { sessionId, projectId });
        if (request === latestLoad) set({ view, draft: view.review, savedAt: view.savedAt, loadStatus: 'ready' });
      } catch (error) {
        if (request === latestLoad) set({ loadStatus: 'error', loadError: error });
      }
    },

    setInvalid(field, draft) {
      const { sessionId, projectId, invalid } = get();
      const next = withInvalidDraft(invalid, field, draft);
      if (next === invalid || !sessionId || !projectId) return;
      set({ invalid: next });
      writeInvalidDrafts(browserStorage(), sessionId, projectId, next);
    },

    setTyping(field, typing) {
      const held = get().typing;
      if (typing === held.includes(field)) return;
      set({ typing: typing ? [...held, field] : held.filter((f) => f !== field) });
    },

    edit(change, field) {
      const { draft, past } = get();
      if (!draft) return;
      const next = change(draft);
      const now = Date.now();
      const coalesce = lastEdit.field === field && now - lastEdit.at < COALESCE_MS;
      lastEdit = { field, at: now };
      set({ draft: next, past: coalesce ? past : [...past, draft].slice(-MAX_UNDO), future: [] });
      schedule();
    },

    undo() {
      const { draft, past, future } = get();
      if (!draft || past.length === 0) return;
      lastEdit = { field: '', at: 0 };
      set({ draft: past[past.length - 1], past: past.slice(0, -1), future: [draft, ...future] });
      schedule();
    },

    redo() {
      const { draft, past, future } = get();
      if (!draft || future.length === 0) return;
      lastEdit = { field: '', at: 0 };
      set({ draft: future[0], past: [...past, draft], future: future.slice(1) });
      schedule();
    },

    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      while (inFlight) await inFlight.catch(() => undefined);
      if (!dirty) return;
      inFlight = saveOnce().finally(() => (inFlight = null));
      await inFlight;
      if (dirty) await get().flush();
    },

    setView(view) {
      set({ view, draft: view.review, savedAt: view.savedAt, past: [], future: [] });
      const { sessionId, projectId } = get();
      if (sessionId && projectId) useReviewStates.getState().update(sessionId, projectId, view.state);
    },

    async complete(key) {
      // Completing with a refused value on screen would lock a form that shows what is not stored.
      const refused = Object.values(get().invalid).map((d) => d.where);
      if (refused.length > 0)
        throw new ApiError({ code: 'invalid-input', message: `${refused.length} 处输入无效，未保存，请先改正：${refused.join('；')}` });
      await get().flush();
      get().setView(await client.call('review.complete', key));
    },

    requestComplete(completeRequested) {
      set({ completeRequested });
    },

    async reopen(key, reason) {
      get().setView(await client.call('review.reopen', { ...key, reason }));
    },
  };
});
