// Owns places in the session's documents: naming one (建设方案 · 第 5 页) and going there — selecting its project and
// document, and leaving the page and the words to find for its viewer to take (全文检索 hit, 形式审查 evidence).
import { create } from 'zustand';
import type { DocumentInfo, ProjectInfo } from '../../shared/domain';
import { t } from '../locale/zh-CN';
import { useSession } from './sessionStore';

/** A place to show in a document instead of where the reader left off. */
export interface PlaceRequest {
  documentKey: number;
  /** 1-based page (PDF) or sheet (XLSX); Word documents have no pages. */
  page?: number;
  /** Text to find and highlight there. */
  query?: string;
}

interface PendingPlaceState {
  /** Waits for the document's viewer to take it: when the document opens, or at once if it is open. */
  request: PlaceRequest | null;
  /** The pending request for this document, if any, which is thereby taken. */
  take(documentKey: number): PlaceRequest | null;
}

export const usePendingPlace = create<PendingPlaceState>((set, get) => ({
  request: null,
  take(documentKey) {
    const request = get().request;
    if (request?.documentKey !== documentKey) return null;
    set({ request: null });
    return request;
  },
}));

export function showPlace(projects: ProjectInfo[], place: PlaceRequest): void {
  const project = projects.find((p) => p.documents.some((d) => d.key === place.documentKey));
  if (!project) return;
  usePendingPlace.setState({ request: { ...place } });
  useSession.getState().openDocument(project.id, place.documentKey);
}

export function findDocument(projects: ProjectInfo[], documentKey: number | undefined): DocumentInfo | undefined {
  if (documentKey === undefined) return undefined;
  for (const p of projects) {
    const found = p.documents.find((d) => d.key === documentKey);
    if (found) return found;
  }
  return undefined;
}

/** 第 5 页 (a PDF, or a document not known here), 第 2 个工作表 in a workbook; a Word document is one page, so nothing. */
export function pageLabel(page: number | undefined, document: DocumentInfo | undefined): string | null {
  if (page === undefined) return null;
  if (document?.viewer === 'xlsx' || document?.viewer === 'xls') return t.place.sheet(page);
  if (document && document.viewer !== 'pdf' && document.viewer !== 'ofd') return null;
  return t.place.page(page);
}

export function placeLabel(title: string, page: number | undefined, document: DocumentInfo | undefined): string {
  const where = pageLabel(page, document);
  return where ? t.place.in(title, where) : title;
}
