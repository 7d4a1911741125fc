// Owns the roster check (名单核对) of the open session as the screens share it: the identity-first gate in the centre pane and the
// 评分 tab's gate read one answer, so confirming in either settles both.
import { create } from 'zustand';
import type { RosterCheck } from '../../../shared/signing';
import { client } from '../../api';

interface RosterState {
  sessionId: string | null;
  /** The last answer for `sessionId`; null until it arrives. */
  check: RosterCheck | null;
  /** Asks the core again (on opening, and when the signing identity changes). */
  load(sessionId: string): Promise<void>;
  /** Records the expert's roster entry (null: the package has none) and keeps the answer. */
  confirm(sessionId: string, position: number | null): Promise<RosterCheck>;
}

/** Each call's turn: an answer older than the last call (a load overtaken by a confirmation) is dropped. */
let latest = 0;

export const useRoster = create<RosterState>((set, get) => ({
  sessionId: null,
  check: null,
  async load(sessionId) {
    const turn = ++latest;
    if (get().sessionId !== sessionId) set({ sessionId, check: null });
    const check = await client.call('session.roster.get', { sessionId });
    if (turn === latest && get().sessionId === sessionId) set({ check });
  },
  async confirm(sessionId, position) {
    const turn = ++latest;
    const check = await client.call('session.roster.confirm', { sessionId, position });
    if (turn === latest && get().sessionId === sessionId) set({ check });
    return check;
  },
}));
