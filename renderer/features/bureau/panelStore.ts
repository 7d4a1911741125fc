// Owns the panel screen's state (专家组汇总): the PanelView of the session as last answered, the project shown, and the chair's decisions sent to the core (each answers with the whole view).
import { create } from 'zustand';
import type { PanelView } from '../../../shared/bureau';
import type { Conclusion } from '../../../shared/profile';
import { client } from '../../api';
import { reportError } from '../errors/store';

interface PanelState {
  sessionId: string | null;
  view: PanelView | null;
  projectId: string | null;
  load(sessionId: string): Promise<void>;
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
    async load(sessionId) {
      if (get().sessionId !== sessionId) set({ sessionId, view: null, projectId: null });
      try {
        const view = await client.call('bureau.panel.get', { sessionId });
        const current = get().projectId;
        set({ view, projectId: current && view.aggregate.projects.some((p) => p.projectId === current) ? current : (view.aggregate.ranking[0]?.projectId ?? null) });
      } catch (err) {
        reportError(err);
      }
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
