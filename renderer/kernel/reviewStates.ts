// Owns each project's review state in the open session (未开始 / 评审中 / 已完成 / 回避, then 已签名 / 已导出) for the project list, kept current by the score form and the signing.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ReviewState } from '../../shared/scoring';
import type { SigningStage } from '../../shared/signing';
import { client } from '../api';

interface ReviewStates {
  sessionId: string | null;
  states: Record<string, ReviewState>;
  /** 已签名 / 已导出 of completed reviews (signing.plan); a project whose review changes drops out until signed again. */
  stages: Record<string, SigningStage>;
  load(sessionId: string): Promise<void>;
  /** A save, completion or reopening answered with this project's new state. */
  update(sessionId: string, projectId: string, state: ReviewState): void;
  /** Signing or exporting answered with every project's stage. */
  setStages(sessionId: string, stages: { projectId: string; stage: SigningStage }[]): void;
}

const byProject = (stages: { projectId: string; stage: SigningStage }[]) => Object.fromEntries(stages.map((p) => [p.projectId, p.stage]));

export const useReviewStates = create<ReviewStates>((set, get) => ({
  sessionId: null,
  states: {},
  stages: {},
  async load(sessionId) {
    set({ sessionId, states: {}, stages: {} });
    // 已签名 / 已导出 only add to the states: a signing identity that cannot be read must not take the states with it.
    const [overview, plan] = await Promise.all([
      client.call('session.overview', { sessionId }),
      client.call('signing.plan', { sessionId }).catch(() => null),
    ]);
    if (get().sessionId === sessionId)
      set({ states: Object.fromEntries(overview.map((p) => [p.projectId, p.state])), stages: byProject(plan?.projects ?? []) });
  },
  update(sessionId, projectId, state) {
    if (get().sessionId !== sessionId) return;
    set((s) => {
      const { [projectId]: _, ...stages } = s.stages;
      return { states: { ...s.states, [projectId]: state }, stages };
    });
  },
  setStages(sessionId, stages) {
    if (get().sessionId === sessionId) set({ stages: byProject(stages) });
  },
}));

/** Loads the states when a session opens. They only decorate the list: if they cannot be read, the list shows none. */
export function useLoadReviewStates(sessionId: string | null): void {
  useEffect(() => {
    if (sessionId)
      void useReviewStates
        .getState()
        .load(sessionId)
        .catch(() => undefined);
  }, [sessionId]);
}
