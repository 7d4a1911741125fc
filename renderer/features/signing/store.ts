// Owns the signing screens' state on the renderer side: which signing screen is open, this machine's identity as last loaded, whether its key is
// unlocked and until when, and the seals of the open review; and the signing actions those screens send (create the identity, save the handwritten
// signature, unlock and lock, seal a review, 签名并导出, verify). After a signing it refreshes the project list's 已签名 / 已导出.
import { create } from 'zustand';
import type { Input, Output } from '../../../shared/api';
import type { JobProgress } from '../../../shared/domain';
import type { ExportPlan, IdentityView, SealView, SignatureAlgorithmName } from '../../../shared/signing';
import { client } from '../../api';
import { withProgress } from '../../kernel/jobs';
import { reportError } from '../../kernel/notices';
import { useReviewStates } from '../../kernel/reviewStates';

export type SigningScreen = 'identity' | 'verify' | 'export' | null;

interface SigningState {
  screen: SigningScreen;
  /** The session the screens were opened from (roster check, export); null from the start screen. */
  sessionId: string | null;
  /** undefined until loaded; null when this machine has none yet. */
  identity: IdentityView | null | undefined;
  /** Sealed versions of the review open in the 评分 tab, oldest first. */
  seals: { sessionId: string; projectId: string; list: SealView[] } | null;
  /** When the unlocked key locks itself (ISO 8601), as the core last said; null while locked. */
  locksAt: string | null;
  open(screen: Exclude<SigningScreen, null>, sessionId: string | null): void;
  close(): void;
  loadIdentity(): Promise<void>;
  loadSeals(sessionId: string, projectId: string): Promise<void>;
  addSeal(seal: SealView): void;
  /** Creates (or replaces) this machine's identity, then shows it; throws what the core refused. */
  createIdentity(algorithm: SignatureAlgorithmName, passphrase: string, replace: boolean): Promise<void>;
  /** Saves the handwritten signature (PNG bytes), then shows the identity with it; throws what the core refused. */
  saveImage(png: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Seals the completed review (签名) and adds the seal; without a passphrase with the unlocked key; throws a wrong passphrase, a locked key and the like. */
  sign(sessionId: string, projectId: string, passphrase?: string): Promise<void>;
  /** What 签名并导出 will do and what blocks it; also refreshes 已签名 / 已导出 in the project list. */
  plan(sessionId: string): Promise<ExportPlan>;
  /** 锁定: the core forgets the unlocked key. */
  lock(): Promise<void>;
  /** 签名并导出 as one job, reporting its progress; resolves with where the files went (folder null: the user cancelled the dialog). */
  signAndExport(
    input: Omit<Input<'signing.signAndExport'>, 'jobId'>,
    onProgress: (progress: JobProgress) => void,
  ): Promise<Output<'signing.signAndExport'>>;
  /** Shows the export folder in the system's file manager; false when that did not work. */
  openFolder(folder: string): Promise<boolean>;
  verify(input: Input<'signing.verify'>): Promise<Output<'signing.verify'>>;
}

/** Clears `locksAt` when the core's key locks itself, so 锁定 and the passphrase field follow without asking the core. */
let relock: ReturnType<typeof setTimeout> | undefined;

export const useSigning = create<SigningState>((set, get) => ({
  screen: null,
  sessionId: null,
  identity: undefined,
  seals: null,
  locksAt: null,
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
    await get().plan(sessionId);
  },
  async plan(sessionId) {
    const plan = await client.call('signing.plan', { sessionId });
    clearTimeout(relock);
    if (plan.locksAt) relock = setTimeout(() => set({ locksAt: null }), Date.parse(plan.locksAt) - Date.now());
    set({ locksAt: plan.locksAt });
    useReviewStates.getState().setStages(sessionId, plan.projects);
    return plan;
  },
  async lock() {
    await client.call('signing.lock', {});
    set({ locksAt: null });
  },
  async signAndExport(input, onProgress) {
    try {
      return await withProgress(onProgress, (jobId) => client.call('signing.signAndExport', { ...input, jobId }));
    } finally {
      // Signed projects stay signed even when the export failed after signing: the list (states and 已签名 / 已导出) and the unlock say so either way.
      await Promise.all([get().plan(input.sessionId), useReviewStates.getState().load(input.sessionId)]).catch(reportError);
    }
  },
  async openFolder(folder) {
    return (await client.call('signing.openFolder', { folder })).opened;
  },
  verify(input) {
    return client.call('signing.verify', input);
  },
}));
