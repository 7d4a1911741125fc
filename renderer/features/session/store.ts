// Owns which session, project and document are open, and the side panel's state: collapsed, and which tab shows
// (UI state only; data comes from the client).
import { create } from 'zustand';

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
  restore(place: { sessionId: string | null; projectId: string | null; documentKey: number | null }): void;
  openSession(sessionId: string): void;
  closeSession(): void;
  selectProject(projectId: string): void;
  selectDocument(documentKey: number): void;
  /** Opens a document of any project of the session (a search hit, a finding's evidence). */
  openDocument(projectId: string, documentKey: number): void;
  togglePanel(): void;
  setPanelTab(tab: PanelTab): void;
}

export const useSession = create<SessionState>((set, get) => ({
  restored: false,
  sessionId: null,
  projectId: null,
  documentKey: null,
  generation: 0,
  panelCollapsed: false,
  panelTab: 'info',
  restore(place) {
    set({ ...place, restored: true });
  },
  openSession(sessionId) {
    set((s) => ({ sessionId, projectId: null, documentKey: null, generation: s.generation + 1 }));
  },
  closeSession() {
    set({ sessionId: null, projectId: null, documentKey: null });
  },
  selectProject(projectId) {
    if (get().projectId === projectId) return;
    set({ projectId, documentKey: null });
  },
  selectDocument(documentKey) {
    set({ documentKey });
  },
  openDocument(projectId, documentKey) {
    set({ projectId, documentKey });
  },
  togglePanel() {
    set((s) => ({ panelCollapsed: !s.panelCollapsed }));
  },
  setPanelTab(panelTab) {
    set({ panelTab });
  },
}));
