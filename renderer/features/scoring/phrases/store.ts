// Owns the phrase library (常用评审意见) as the renderer holds it: loaded once per open session (the starter set is that
// session's jurisdiction's phrases and the neutral ones), its personal part replaced by the core's answer to every change.
import { create } from 'zustand';
import type { Phrase, PhraseLibrary } from '../../../../shared/scoring';
import { client } from '../../../api';
import { useSession } from '../../../kernel/sessionStore';

interface PhrasesState {
  library: PhraseLibrary | null;
  /** The session whose starter set `library` holds. */
  sessionId: string | null;
  /** Loads the library unless it is already here for the open session. */
  ensure(): Promise<void>;
  save(id: string | null, group: string, text: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Moves a personal phrase one place up (-1) or down (+1). */
  move(id: string, by: -1 | 1): Promise<void>;
}

export const usePhrases = create<PhrasesState>((set, get) => ({
  library: null,
  sessionId: null,
  async ensure() {
    const sessionId = useSession.getState().sessionId;
    if (get().library && get().sessionId === sessionId) return;
    const library = await client.call('phrases.list', sessionId ? { sessionId } : {});
    set({ library, sessionId });
  },
  async save(id, group, text) {
    await get().ensure();
    set({ library: keepStarter(get().library, await client.call('phrases.save', { id, group, text })) });
  },
  async remove(id) {
    await get().ensure();
    set({ library: keepStarter(get().library, await client.call('phrases.delete', { id })) });
  },
  async move(id, by) {
    await get().ensure();
    const ids = (get().library?.personal ?? []).map((p) => p.id);
    const from = ids.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];

    set({ library: keepStarter(get().library, await client.call('phrases.reorder', { ids })) });
  },
}));

/**
 * A change answers with the whole library, its starter set every jurisdiction's; the starter set stays the session's one
 * already held (each change ensures it is held first), so other districts' phrases never reach the picker.
 */
const keepStarter = (held: PhraseLibrary | null, answer: PhraseLibrary): PhraseLibrary =>
  held ? { ...answer, starter: held.starter } : answer;

/** Personal phrases first (the expert's own order), then the starter set. */
export const allPhrases = (library: PhraseLibrary | null): Phrase[] => (library ? [...library.personal, ...library.starter] : []);
