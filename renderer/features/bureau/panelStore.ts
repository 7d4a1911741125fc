// Owns the panel screen's state (专家组汇总): the PanelView of the session as last answered, the project shown, and the chair's decisions sent to the core (each answers with the whole view);
// and the panel opinion's actions: saving a section's wording, 定稿 / 撤销定稿, the file to sign and the members' signatures.
import { create } from 'zustand';
import type { Input, Output } from '../../../shared/api';
import type { PanelOpinionStatus, PanelView } from '../../../shared/bureau';
import type { Conclusion } from '../../../shared/profile';
import { client } from '../../api';
import { reportError } from '../../kernel/notices';
import type { UploadSource } from '../../lib/upload';

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
  /** Saves the chair's wording of one section against the version shown; answers with the whole opinion text. */
  saveOpinionText(input: Input<'bureau.panel.opinionText.save'>): Promise<Output<'bureau.panel.opinionText.save'>>;
  /** 定稿 / 撤销定稿 of a project's panel opinion; each answers with its new status, which is then shown. */
  freeze(sessionId: string, projectId: string): Promise<void>;
  unfreeze(sessionId: string, projectId: string): Promise<void>;
  /** Writes the frozen opinion's PDF for the members to sign; resolves with its path (null: not written). */
  writeOpinionFile(sessionId: string, projectId: string): Promise<string | null>;
  /** Imports the members' .sig.json files; answers each file's outcome. */
  importSignatures(sessionId: string, sources: UploadSource[]): Promise<Output<'bureau.panel.importSignatures'>>;
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
        set({
          view,
          projectId:
            current && view.aggregate.projects.some((p) => p.projectId === current)
              ? current
              : (view.aggregate.ranking[0]?.projectId ?? null),
        });
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
      set((s) => ({
        opinions: s.opinions.some((o) => o.projectId === status.projectId)
          ? s.opinions.map((o) => (o.projectId === status.projectId ? status : o))
          : [...s.opinions, status],
      }));
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
    saveOpinionText(input) {
      return client.call('bureau.panel.opinionText.save', input);
    },
    async freeze(sessionId, projectId) {
      get().showOpinion(await client.call('bureau.panel.freeze', { sessionId, projectId }));
    },
    async unfreeze(sessionId, projectId) {
      get().showOpinion(await client.call('bureau.panel.unfreeze', { sessionId, projectId }));
    },
    async writeOpinionFile(sessionId, projectId) {
      return (await client.call('bureau.panel.opinionFile', { sessionId, projectId, destination: 'default' })).file;
    },
    importSignatures(sessionId, sources) {
      return client.call('bureau.panel.importSignatures', { sessionId, sources });
    },
  };
});

/** Whether the project's panel opinion is fixed (定稿): its decisions are then refused by the core. */
export const useFrozen = (projectId: string) => usePanel((s) => s.opinions.some((o) => o.projectId === projectId && o.frozen !== null));
