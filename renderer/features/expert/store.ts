// Owns the expert's profile (专家信息) on the renderer side: loading it once, saving it, and whether its form is open for editing;
// and accepting a session's 专家承诺书.
import { create } from 'zustand';
import type { ExpertProfile, SessionCommitment } from '../../../shared/expert';
import { client } from '../../api';
import { reportError } from '../../kernel/notices';

interface ExpertState {
  /** undefined while loading; null before the first save. */
  profile: ExpertProfile | null | undefined;
  editing: boolean;
  load(): Promise<void>;
  /** Saves; the error (a Chinese message) is thrown for the form to show. */
  save(profile: ExpertProfile): Promise<void>;
  setEditing(editing: boolean): void;
  /** Accepts the session's 专家承诺书 in the expert's name; the core answers with the signed line. */
  acceptCommitment(sessionId: string): Promise<SessionCommitment>;
}

export const useExpert = create<ExpertState>((set) => ({
  profile: undefined,
  editing: false,
  async load() {
    try {
      set({ profile: await client.call('expert.get', {}) });
    } catch (err) {
      // Asking again is the way on: the form's save reports what still fails.
      reportError(err);
      set({ profile: null });
    }
  },
  async save(profile) {
    set({ profile: await client.call('expert.save', profile), editing: false });
  },
  setEditing(editing) {
    set({ editing });
  },
  acceptCommitment(sessionId) {
    return client.call('session.commitment.accept', { sessionId });
  },
}));
