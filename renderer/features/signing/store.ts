// Owns the signing screens' state on the renderer side: which signing screen is open, this machine's identity as last loaded, and the seals of the open review;
// and the signing actions those screens send (create the identity, save the handwritten signature, seal a review, export, verify).
import { create } from 'zustand';
import type { Input, Output } from '../../../shared/api';
import type { JobProgress } from '../../../shared/domain';
import type { IdentityView, SealView, SignatureAlgorithmName } from '../../../shared/signing';
import { client } from '../../api';
import { withProgress } from '../../kernel/jobs';
import { reportError } from '../../kernel/notices';

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
  /** Creates (or replaces) this machine's identity, then shows it; throws what the core refused. */
  createIdentity(algorithm: SignatureAlgorithmName, passphrase: string, replace: boolean): Promise<void>;
  /** Saves the handwritten signature (PNG bytes), then shows the identity with it; throws what the core refused. */
  saveImage(png: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Seals the completed review (签名) and adds the seal; throws a wrong passphrase and the like. */
  sign(sessionId: string, projectId: string, passphrase: string): Promise<void>;
  /** 导出签名文件 as one job, reporting its progress; resolves with where the files went (folder null: the user cancelled the dialog). */
  exportFiles(
    input: Omit<Input<'signing.export'>, 'jobId'>,
    onProgress: (progress: JobProgress) => void,
  ): Promise<Output<'signing.export'>>;
  /** Shows the export folder in the system's file manager; false when that did not work. */
  openFolder(folder: string): Promise<boolean>;
  verify(input: Input<'signing.verify'>): Promise<Output<'signing.verify'>>;
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
    set({
      seals: {
        sessionId: seal.sessionId,
        projectId: seal.projectId,
        list: [...list.filter((s) => s.sealVersion !== seal.sealVersion), seal],
      },
    });
  },
  async createIdentity(algorithm, passphrase, replace) {
    await client.call('signing.identity.create', { algorithm, passphrase, replace });
    await get().loadIdentity();
  },
  async saveImage(png) {
    await client.call('signing.image.save', { png });
    await get().loadIdentity();
  },
  async sign(sessionId, projectId, passphrase) {
    get().addSeal(await client.call('review.sign', { sessionId, projectId, passphrase }));
  },
  exportFiles(input, onProgress) {
    return withProgress(onProgress, (jobId) => client.call('signing.export', { ...input, jobId }));
  },
  async openFolder(folder) {
    return (await client.call('signing.openFolder', { folder })).opened;
  },
  verify(input) {
    return client.call('signing.verify', input);
  },
}));
