// Owns the open document's viewer UI state that toolbars and shortcuts share: zoom, page, thumbnails, find query and its results count
// (the pending request to show a place is the kernel's, kernel/showPlace.ts); and what the reader sends: the reading position, 用系统默认程序打开.
import { create } from 'zustand';
import type { ReadingPosition } from '../../../shared/domain';
import { client } from '../../api';

const MIN_ZOOM = 0.25;
const MAX_ZOOM = 5;
const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];

interface ViewerState {
  /** 1 = the document's natural size (PDF: 100 %, as in a desktop reader). */
  zoom: number;
  /** True while zoom follows the pane width (适合宽度). */
  fitWidth: boolean;
  page: number;
  pageCount: number;
  thumbnails: boolean;
  query: string;
  hitCount: number;
  /** Index of the current hit, or -1. */
  hitIndex: number;
  /** Pages searched so far while a search runs; null when idle. */
  searchProgress: { done: number; total: number } | null;
  /** Bumped by Ctrl+F so the open viewer's find box takes focus. */
  findFocusRequest: number;
  /** Called when a document opens: everything but the thumbnails preference starts afresh. */
  reset(zoom: number | null): void;
  setZoom(zoom: number): void;
  zoomBy(direction: 1 | -1): void;
  setFitWidth(fit: boolean): void;
  setPage(page: number, pageCount?: number): void;
  toggleThumbnails(): void;
  setQuery(query: string): void;
  setHits(hitCount: number, hitIndex: number): void;
  /** Makes the next (1) or previous (-1) hit current, round the end; from none, the first or the last. */
  stepHit(by: 1 | -1): void;
  setSearchProgress(progress: { done: number; total: number } | null): void;
  requestFindFocus(): void;
  /** Stores where the reader is in a document (阅读位置). */
  savePosition(documentKey: number, position: ReadingPosition): Promise<void>;
  /** Opens the document with the system's default program; false when the shell could not. */
  openExternal(documentKey: number): Promise<boolean>;
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export const useViewer = create<ViewerState>((set, get) => ({
  zoom: 1,
  fitWidth: true,
  page: 1,
  pageCount: 0,
  thumbnails: false,
  query: '',
  hitCount: 0,
  hitIndex: -1,
  searchProgress: null,
  findFocusRequest: 0,
  reset(zoom) {
    set({
      zoom: zoom ?? 1,
      fitWidth: zoom === null,
      page: 1,
      pageCount: 0,
      query: '',
      hitCount: 0,
      hitIndex: -1,
      searchProgress: null,
    });
  },
  setZoom(zoom) {
    set({ zoom: clampZoom(zoom), fitWidth: false });
  },
  zoomBy(direction) {
    const { zoom } = get();
    const next = direction > 0 ? ZOOM_STEPS.find((z) => z > zoom + 0.001) : [...ZOOM_STEPS].reverse().find((z) => z < zoom - 0.001);
    set({ zoom: clampZoom(next ?? zoom), fitWidth: false });
  },
  setFitWidth(fit) {
    set({ fitWidth: fit });
  },
  setPage(page, pageCount) {
    set(pageCount === undefined ? { page } : { page, pageCount });
  },
  toggleThumbnails() {
    set((s) => ({ thumbnails: !s.thumbnails }));
  },
  setQuery(query) {
    set({ query });
  },
  setHits(hitCount, hitIndex) {
    set({ hitCount, hitIndex });
  },
  stepHit(by) {
    const { hitCount, hitIndex: at } = get();
    if (hitCount === 0) return;
    set({ hitIndex: at < 0 ? (by > 0 ? 0 : hitCount - 1) : (at + by + hitCount) % hitCount });
  },
  setSearchProgress(searchProgress) {
    set({ searchProgress });
  },
  requestFindFocus() {
    set((s) => ({ findFocusRequest: s.findFocusRequest + 1 }));
  },
  async savePosition(documentKey, position) {
    await client.call('reading.save', { documentKey, position });
  },
  async openExternal(documentKey) {
    return (await client.call('document.openExternal', { documentKey })).opened;
  },
}));
