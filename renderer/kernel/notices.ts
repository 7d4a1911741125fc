// Owns the queue of non-blocking error notices (toasts) shown over the app.
import { create } from 'zustand';
import { ApiError } from '../api';
import { userMessage } from '../lib/errors';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
  problems: { message: string; path: string }[];
}

interface NoticeState {
  notices: Notice[];
  push(tone: Notice['tone'], message: string, problems?: Notice['problems']): void;
  dismiss(id: number): void;
}

const AUTO_DISMISS_MS = 8000;
let nextId = 1;

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  push(tone, message, problems = []) {
    // The same message twice in a row (e.g. a retried call) is shown once.
    if (get().notices.some((n) => n.message === message)) return;
    const id = nextId++;
    set((s) => ({ notices: [...s.notices.slice(-3), { id, tone, message, problems }] }));
    window.setTimeout(() => get().dismiss(id), AUTO_DISMISS_MS);
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
}));

/** Shows any failure as a toast; call sites stay one line. */
export function reportError(err: unknown): void {
  const problems = err instanceof ApiError ? err.problems : [];
  useNotices.getState().push('error', userMessage(err), problems);
}

export function showError(message: string): void {
  useNotices.getState().push('error', message);
}

export function reportInfo(message: string): void {
  useNotices.getState().push('info', message);
}
