// Owns the phrase library (常用评审意见) as the renderer holds it: loaded once, replaced by the core's answer to every change.
import { create } from 'zustand';
import type { Phrase, PhraseLibrary } from '../../../shared/scoring';
import { client } from '../../api';

interface PhrasesState {
  library: PhraseLibrary | null;
  /** Loads the library unless it is already here. */
  ensure(): Promise<void>;
  save(id: string | null, group: string, text: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Moves a personal phrase one place up (-1) or down (+1). */
  move(id: string, by: -1 | 1): Promise<void>;
}

export const usePhrases = create<PhrasesState>((set, get) => ({
  library: null,
  async ensure() {
    if (!get().library) set({ library: await client.call('phrases.list', {}) });
  },
  async save(id, group, text) {
    set({ library: await client.call('phrases.save', { id, group, text }) });
  },
  async remove(id) {
    set({ library: await client.call('phrases.delete', { id }) });
  },
  async move(id, by) {
    const ids = (get().library?.personal ?? []).map((p) => p.id);
    const from = ids.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    set({ library: await client.call('phrases.reorder', { ids }) });
  },
}));

/** Personal phrases first (the expert's own order), then the starter set. */
export const allPhrases = (library: PhraseLibrary | null): Phrase[] => (library ? [...library.personal, ...library.starter] : []);
