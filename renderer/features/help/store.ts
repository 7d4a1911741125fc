// Owns whether the keyboard-shortcut help overlay is shown.
import { create } from 'zustand';

interface HelpState {
  open: boolean;
  toggle(): void;
  close(): void;
}

export const useHelp = create<HelpState>((set) => ({
  open: false,
  toggle: () => set((s) => ({ open: !s.open })),
  close: () => set({ open: false }),
}));
