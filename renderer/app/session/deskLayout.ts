// Owns how the expert's session screen is laid out on this machine: documents and form side by side or the full-width
// score table (全宽评分表), the width of the form column, and whether the project list is collapsed.
//
// Kept in localStorage, not in the database: it belongs to this screen (a 1366 px laptop and a 1920 px monitor want
// different widths), it is not review data, and it must apply before the first paint without a round trip.
import { create } from 'zustand';

export type ScoreView = 'side' | 'table';

export interface DeskLayout {
  scoreView: ScoreView;
  /** Width of the side panel (form column) in side-by-side view, in CSS px. */
  formWidth: number;
  sidebarCollapsed: boolean;
}

const STORAGE_KEY = 'rd.desk-layout';
export const FORM_MIN = 320;
/** The document pane keeps at least this much, so a dragged-wide form never hides it. */
export const DOCUMENT_MIN = 360;
export const SIDEBAR_WIDTH = { open: 256, collapsed: 44 } as const;
/** 560 px: the form's room at 1366 px (issue 15) while the document keeps about 540 px; the project list folds for more. */
const DEFAULT_LAYOUT: DeskLayout = { scoreView: 'side', formWidth: 560, sidebarCollapsed: false };

/** The form width the window can give: between FORM_MIN and what leaves the sidebar and DOCUMENT_MIN for the rest. */
export function clampFormWidth(width: number, windowWidth: number, sidebarCollapsed: boolean): number {
  const sidebar = sidebarCollapsed ? SIDEBAR_WIDTH.collapsed : SIDEBAR_WIDTH.open;
  const max = Math.max(FORM_MIN, windowWidth - sidebar - DOCUMENT_MIN);
  return Math.round(Math.min(max, Math.max(FORM_MIN, Number.isFinite(width) ? width : DEFAULT_LAYOUT.formWidth)));
}

/** The stored layout; anything unreadable falls back field by field to the defaults. */
export function parseDeskLayout(raw: string | null): DeskLayout {
  let stored: unknown;
  try {
    stored = raw ? JSON.parse(raw) : null;
  } catch {
    stored = null;
  }
  const s = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    scoreView: s.scoreView === 'table' ? 'table' : 'side',
    formWidth: typeof s.formWidth === 'number' && Number.isFinite(s.formWidth) ? s.formWidth : DEFAULT_LAYOUT.formWidth,
    sidebarCollapsed: s.sidebarCollapsed === true,
  };
}

const storage = (): Pick<Storage, 'getItem' | 'setItem'> | null => (typeof localStorage === 'undefined' ? null : localStorage);

function persist(layout: DeskLayout): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // A refused storage only forgets the layout for the next start.
  }
}

interface DeskLayoutState extends DeskLayout {
  setScoreView(view: ScoreView): void;
  /** Sets the form width while dragging; `done` (pointer up, key press) also remembers it. */
  setFormWidth(width: number, done: boolean): void;
  toggleSidebar(): void;
}

function readStored(): DeskLayout {
  try {
    return parseDeskLayout(storage()?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export const useDeskLayout = create<DeskLayoutState>((set, get) => {
  const snapshot = (): DeskLayout => {
    const { scoreView, formWidth, sidebarCollapsed } = get();
    return { scoreView, formWidth, sidebarCollapsed };
  };
  return {
    ...readStored(),
    setScoreView(scoreView) {
      set({ scoreView });
      persist(snapshot());
    },
    setFormWidth(formWidth, done) {
      set({ formWidth });
      if (done) persist(snapshot());
    },
    toggleSidebar() {
      set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed }));
      persist(snapshot());
    },
  };
});
