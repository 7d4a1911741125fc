// Owns each project's review state in the open session (未开始 / 评审中 / 已完成 / 回避) for the project list, kept current by the score form.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ReviewState } from '../../shared/scoring';
import { client } from '../api';

interface ReviewStates {
  sessionId: string | null;
  states: Record<string, ReviewState>;
  load(sessionId: string): Promise<void>;
  /** A save, completion or reopening answered with this project's new state. */
  update(sessionId: string, projectId: string, state: ReviewState): void;
}

export const useReviewStates = create<ReviewStates>((set, get) => ({
  sessionId: null,
  states: {},
  async load(sessionId) {
    set({ sessionId, states: {} });
    const overview = await client.call('session.overview', { sessionId });
    if (get().sessionId === sessionId) set({ states: Object.fromEntries(overview.map((p) => [p.projectId, p.state])) });
  },
  update(sessionId, projectId, state) {
    if (get().sessionId === sessionId) set((s) => ({ states: { ...s.states, [projectId]: state } }));
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
