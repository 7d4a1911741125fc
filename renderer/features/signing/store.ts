// Owns the signing screens' state on the renderer side: which signing screen is open, this machine's identity as last loaded, and the seals of the open review.
import { create } from 'zustand';
import type { IdentityView, SealView } from '../../../shared/signing';
import { client } from '../../api';
import { reportError } from '../errors/store';

export type SigningScreen = 'identity' | 'verify' | 'export' | null;

interface SigningState {
  screen: SigningScreen;
  /** The session the screens were opened from (roster check, export); null from the start screen. */
  sessionId: string | null;
  /** undefined until loaded; null when this machine has none yet. */
  identity: IdentityView | null | undefined;
  /** Sealed versions of the review open in the 评分 tab, oldest first. */
  seals: { sessionId: string; projectId: string; list: SealView[] } | null;
  open(screen: Exclude<SigningScreen, null>, sessionId: string | null): void;
  close(): void;
  loadIdentity(): Promise<void>;
  loadSeals(sessionId: string, projectId: string): Promise<void>;
  addSeal(seal: SealView): void;
}

export const useSigning = create<SigningState>((set, get) => ({
  screen: null,
  sessionId: null,
  identity: undefined,
  seals: null,
  open(screen, sessionId) {
    set({ screen, sessionId });
    void get().loadIdentity();
  },
  close() {
    set({ screen: null });
  },
  async loadIdentity() {
    try {
      set({ identity: await client.call('signing.identity.get', { sessionId: get().sessionId }) });
    } catch (err) {
      reportError(err);
    }
  },
  async loadSeals(sessionId, projectId) {
    try {
      const list = await client.call('review.seals', { sessionId, projectId });
      set({ seals: { sessionId, projectId, list } });
    } catch (err) {
      reportError(err);
    }
  },
  addSeal(seal) {
    const current = get().seals;
    const list = current && current.sessionId === seal.sessionId && current.projectId === seal.projectId ? current.list : [];
    set({ seals: { sessionId: seal.sessionId, projectId: seal.projectId, list: [...list.filter((s) => s.sealVersion !== seal.sealVersion), seal] } });
  },
}));
