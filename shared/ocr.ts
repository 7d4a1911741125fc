// Owns the shape of recognised (OCR) page text as the core stores it and a viewer would draw it: lines with their place on the page.

/** A recognised line: its corners as fractions of the page's width and height, clockwise from the top left. */
export interface OcrBox {
  text: string;
  quad: [number, number, number, number, number, number, number, number];
  /** Each character's centre along the line, 0 (left) … 1 (right): enough to highlight part of a line. */
  charAt: number[];
}

/** One page's recognition: its text (rows joined by newlines) and boxes, or why it could not be recognised. */
export type OcrPage = { page: number; text: string; boxes: OcrBox[]; confidence: number } | { page: number; error: string };

/** A page whose text layer has fewer printed characters than this is a scan (a stamp's or a page number's text is not content). */
const MIN_TEXT_LAYER_CHARS = 20;

/** Whether a page's text layer is too thin to be its content: a scan, which the core recognises and the viewer shows recognised. */
export function lacksTextLayer(text: string): boolean {
  return text.replace(/\s/g, '').length < MIN_TEXT_LAYER_CHARS;
}
