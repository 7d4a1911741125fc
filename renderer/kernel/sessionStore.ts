// Owns which session, project and document are open (or the session overview or the 文书 screen instead of a document), and the side panel's state: collapsed, and which tab shows
// (UI state only; data comes from the client); the open place is remembered across restarts (ui.restore / ui.save).
import { create } from 'zustand';
import { client } from '../api';
import { reportError } from './notices';

export type PanelTab = 'info' | 'precheck' | 'score';

interface SessionState {
  /** False until ui.restore has answered; nothing is saved before that, so a slow start cannot overwrite the saved place. */
  restored: boolean;
  sessionId: string | null;
  projectId: string | null;
  documentKey: number | null;
  /** Bumped whenever a session is (re)opened, so its detail is fetched again after a re-import. */
  generation: number;
  panelCollapsed: boolean;
  /** Kept while the expert moves between projects, so the 形式审查 of one project after another reads on. */
  panelTab: PanelTab;
  /** The session overview (评审概览) shows in place of the document area. */
  overviewOpen: boolean;
  /** The 文书 screen (generated documents) shows in place of the document area. */
  documentsOpen: boolean;
  /** Counts the user's asks to see a document (the list, a search hit, evidence), the one already selected included. */
  documentAsks: number;
  restore(place: { sessionId: string | null; projectId: string | null; documentKey: number | null }): void;
  /** Asks the core where the user was (ui.restore) and goes there; if that fails, starts with nothing open. */
  restoreSaved(): Promise<void>;
  /** Remembers the open session, project and document (ui.save); a failure is reported, not thrown. */
  savePlace(): Promise<void>;
  openSession(sessionId: string): void;
  closeSession(): void;
  selectProject(projectId: string): void;
  selectDocument(documentKey: number): void;
  /** Opens a document of any project of the session (a search hit, a finding's evidence). */
  openDocument(projectId: string, documentKey: number): void;
  togglePanel(): void;
  setPanelTab(tab: PanelTab): void;
  setOverviewOpen(open: boolean): void;
  setDocumentsOpen(open: boolean): void;
  /** Leaves the overview for a project's 评分 tab. */
  openReview(projectId: string): void;
}

export const useSession = create<SessionState>((set, get) => ({
  restored: false,
  sessionId: null,
  projectId: null,
  documentKey: null,
  generation: 0,
  panelCollapsed: false,
  panelTab: 'info',
  overviewOpen: false,
  documentsOpen: false,
  documentAsks: 0,
  restore(place) {
    set({ ...place, restored: true });
  },
  async restoreSaved() {
    try {
      get().restore(await client.call('ui.restore', {}));
    } catch (err) {
      reportError(err);
      get().restore({ sessionId: null, projectId: null, documentKey: null });
    }
  },
  async savePlace() {
    const { sessionId, projectId, documentKey } = get();
    await client.call('ui.save', { sessionId, projectId, documentKey }).catch(reportError);
  },
  openSession(sessionId) {
    set((s) => ({
      sessionId,
      projectId: null,
      documentKey: null,
      overviewOpen: false,
      documentsOpen: false,
      generation: s.generation + 1,
    }));
  },
  closeSession() {
    set({ sessionId: null, projectId: null, documentKey: null, overviewOpen: false, documentsOpen: false });
  },
  selectProject(projectId) {
    if (get().projectId === projectId) return;
    set({ projectId, documentKey: null });
  },
  selectDocument(documentKey) {
    set((s) => ({ documentKey, overviewOpen: false, documentsOpen: false, documentAsks: s.documentAsks + 1 }));
  },
  openDocument(projectId, documentKey) {
    set((s) => ({ projectId, documentKey, overviewOpen: false, documentsOpen: false, documentAsks: s.documentAsks + 1 }));
  },
  togglePanel() {
    set((s) => ({ panelCollapsed: !s.panelCollapsed }));
  },
  setPanelTab(panelTab) {
    set({ panelTab });
  },
  setOverviewOpen(overviewOpen) {
    set(overviewOpen ? { overviewOpen, documentsOpen: false } : { overviewOpen });
  },
  setDocumentsOpen(documentsOpen) {
    set(documentsOpen ? { documentsOpen, overviewOpen: false } : { documentsOpen });
  },
  openReview(projectId) {
    if (get().projectId !== projectId) set({ projectId, documentKey: null });
    set({ panelTab: 'score', panelCollapsed: false, overviewOpen: false, documentsOpen: false });
  },
}));
