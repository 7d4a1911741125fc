// Owns the panel screen's state (专家组汇总): the PanelView of the session as last answered, the project shown, and the chair's decisions sent to the core (each answers with the whole view).
import { create } from 'zustand';
import type { PanelOpinionStatus, PanelView } from '../../../shared/bureau';
import type { Conclusion } from '../../../shared/profile';
import { client } from '../../api';
import { reportError } from '../errors/store';

interface PanelState {
  sessionId: string | null;
  view: PanelView | null;
  projectId: string | null;
  /** 专家组评审意见 per project: frozen (定稿) ones take no decisions until unfrozen. */
  opinions: PanelOpinionStatus[];
  load(sessionId: string): Promise<void>;
  loadOpinions(): Promise<void>;
  showOpinion(status: PanelOpinionStatus): void;
  choose(projectId: string): void;
  /** Each resolves true when the core took it. */
  setLine(projectId: string, lineId: string, approvedFen: number | null, reason: string | null): Promise<boolean>;
  setConclusion(projectId: string, conclusion: Conclusion | null, reason: string | null): Promise<boolean>;
  setDissent(projectId: string, expertPosition: number, reason: string | null): Promise<boolean>;
}

export const usePanel = create<PanelState>((set, get) => {
  const run = async (call: (sessionId: string) => Promise<PanelView>): Promise<boolean> => {
    const { sessionId } = get();
    if (!sessionId) return false;
    try {
      set({ view: await call(sessionId) });
      return true;
    } catch (err) {
      reportError(err);
      return false;
    }
  };
  return {
    sessionId: null,
    view: null,
    projectId: null,
    opinions: [],
    async load(sessionId) {
      if (get().sessionId !== sessionId) set({ sessionId, view: null, projectId: null, opinions: [] });
      void get().loadOpinions();
      try {
        const view = await client.call('bureau.panel.get', { sessionId });
        const current = get().projectId;
        set({ view, projectId: current && view.aggregate.projects.some((p) => p.projectId === current) ? current : (view.aggregate.ranking[0]?.projectId ?? null) });
      } catch (err) {
        reportError(err);
      }
    },
    async loadOpinions() {
      const { sessionId } = get();
      if (!sessionId) return;
      try {
        const opinions = await client.call('bureau.panel.opinions', { sessionId });
        if (get().sessionId === sessionId) set({ opinions });
      } catch (err) {
        reportError(err);
      }
    },
    showOpinion(status) {
      set((s) => ({ opinions: s.opinions.some((o) => o.projectId === status.projectId) ? s.opinions.map((o) => (o.projectId === status.projectId ? status : o)) : [...s.opinions, status] }));
    },
    choose(projectId) {
      set({ projectId });
    },
    setLine(projectId, lineId, approvedFen, reason) {
      return run((sessionId) => client.call('bureau.panel.setLine', { sessionId, projectId, lineId, approvedFen, reason }));
    },
    setConclusion(projectId, conclusion, reason) {
      return run((sessionId) => client.call('bureau.panel.setConclusion', { sessionId, projectId, conclusion, reason }));
    },
    setDissent(projectId, expertPosition, reason) {
      return run((sessionId) => client.call('bureau.panel.setDissent', { sessionId, projectId, expertPosition, reason }));
    },
  };
});

/** Whether the project's panel opinion is fixed (定稿): its decisions are then refused by the core. */
export const useFrozen = (projectId: string) => usePanel((s) => s.opinions.some((o) => o.projectId === projectId && o.frozen !== null));
