// Owns the props every in-app viewer receives: the document, where the reader left off, and where to report the new place.
import type { DocumentInfo, ReadingPosition } from '../../../shared/domain';

export interface ViewerProps {
  document: DocumentInfo;
  initial: ReadingPosition | null;
  onPosition: (position: ReadingPosition) => void;
}
