// Owns places in the session's documents: naming one (建设方案 · 第 5 页) and going there — selecting its project and
// document, and asking its viewer for the page and the words to find.
import type { DocumentInfo, ProjectInfo } from '../../../shared/domain';
import { t } from '../../locale/zh-CN';
import { useViewer, type PlaceRequest } from '../viewer/store';
import { useSession } from './store';

export function showPlace(projects: ProjectInfo[], place: PlaceRequest): void {
  const project = projects.find((p) => p.documents.some((d) => d.key === place.documentKey));
  if (!project) return;
  useViewer.getState().requestPlace(place);
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
  if (document?.viewer === 'xlsx') return t.place.sheet(page);
  if (document && document.viewer !== 'pdf') return null;
  return t.place.page(page);
}

export function placeLabel(title: string, page: number | undefined, document: DocumentInfo | undefined): string {
  const where = pageLabel(page, document);
  return where ? t.place.in(title, where) : title;
}
