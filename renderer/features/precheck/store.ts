// Owns the selected project's pre-check report (形式审查): loading it, keeping it on screen while it refreshes (after text
// extraction, after a mark), and saving the expert's marks.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { FindingMark, PrecheckReport } from '../../../shared/precheck';
import { client } from '../../api';
import { reportError } from '../../kernel/notices';
import { useExtract } from '../../kernel/extract';

interface PrecheckState {
  sessionId: string | null;
  projectId: string | null;
  report: PrecheckReport | null;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** Fetches the report; the same project's report stays shown meanwhile. */
  load(sessionId: string, projectId: string): Promise<void>;
  /** Saves a mark (null clears it) and refreshes; false if it could not be saved (a toast says why). */
  mark(ruleId: string, mark: FindingMark | null, note: string): Promise<boolean>;
}

let latest = 0;

export const usePrecheck = create<PrecheckState>((set, get) => ({
  sessionId: null,
  projectId: null,
  report: null,
  status: 'loading',
  error: null,
  async load(sessionId, projectId) {
    const request = ++latest;
    const same = get().sessionId === sessionId && get().projectId === projectId;
    if (!same) set({ sessionId, projectId, report: null, status: 'loading', error: null });
    else if (!get().report) set({ status: 'loading', error: null });
    try {
      const report = await client.call('precheck.project', { sessionId, projectId });
      if (request === latest) set({ report, status: 'ready', error: null });
    } catch (error) {
      if (request !== latest) return;
      if (get().report) reportError(error);
      else set({ status: 'error', error });
    }
  },
  async mark(ruleId, mark, note) {
    const { sessionId, projectId } = get();
    if (!sessionId || !projectId) return false;
    try {
      await client.call('precheck.mark', { sessionId, projectId, ruleId, mark, note });
    } catch (err) {
      reportError(err);
      return false;
    }
    await get().load(sessionId, projectId);
    return true;
  },
}));

/** Keeps the report of the selected project loaded, and loads it again whenever more text has been extracted. */
export function usePrecheckReport(sessionId: string, projectId: string | null): void {
  const revision = useExtract((s) => s.revision);
  useEffect(() => {
    if (projectId) void usePrecheck.getState().load(sessionId, projectId);
  }, [sessionId, projectId, revision]);
}
