// Owns the recognised (OCR) text of a PDF's scanned pages in the viewer: fetched per page, indexed for find like a text layer.
import { lacksTextLayer, type OcrBox } from '../../../../shared/ocr';
import { client } from '../../../api';
import { indexStrings } from '../../../lib/textSearch';
import type { PageSize } from '../../../ui/pdf/pdfjs';
import type { PageText, PdfTextCache } from '../../../ui/pdf/pdfText';

/** A scanned page's recognised lines, in reading order; item i of the index is line i. */
export interface RecognisedPage extends Pick<PageText, 'strings' | 'index' | 'itemTops'> {
  lines: OcrBox[];
}

/** What find reads on a page: its text layer, or on a scan its recognised lines. */
export interface SearchablePage {
  text: Pick<PageText, 'index' | 'itemTops'>;
  recognised: boolean;
}

function indexLines(lines: OcrBox[], size: PageSize): RecognisedPage {
  const strings = lines.map((l) => l.text);
  // The line's highest corner, in PDF units from the top of the page like a text layer item's top.
  const itemTops = lines.map((l) => Math.min(l.quad[1], l.quad[3], l.quad[5], l.quad[7]) * size.height);
  return { lines, strings, index: indexStrings(strings), itemTops };
}

/**
 * Pages whose text layer is (almost) empty are asked for their recognised lines, the same test the core uses to pick the
 * pages it recognises. A page not recognised yet is asked again next time (recognition may finish while the file is open).
 */
export class RecognisedTextCache {
  private readonly pages = new Map<number, Promise<RecognisedPage | null>>();

  constructor(
    private readonly documentKey: number,
    private readonly texts: PdfTextCache,
    private readonly sizes: PageSize[],
  ) {}

  /** The page's recognised lines; null when it has a text layer or was not (yet) recognised. */
  get(pageNumber: number): Promise<RecognisedPage | null> {
    let page = this.pages.get(pageNumber);
    if (!page) {
      page = this.load(pageNumber);
      this.pages.set(pageNumber, page);
      void page.then((found) => found || this.pages.delete(pageNumber));
    }
    return page;
  }

  private async load(pageNumber: number): Promise<RecognisedPage | null> {
    const text = await this.texts.get(pageNumber).catch(() => null);
    if (text && !lacksTextLayer(text.strings.join(''))) return null;
    const lines = await client.call('document.recognisedLines', { documentKey: this.documentKey, page: pageNumber }).catch(() => null);
    const size = this.sizes[pageNumber - 1];
    return lines && size ? indexLines(lines, size) : null;
  }

  /** The text find reads on the page: its recognised lines on a scan, else its text layer. */
  async searchable(pageNumber: number): Promise<SearchablePage | null> {
    const recognised = await this.get(pageNumber);
    if (recognised) return { text: recognised, recognised: true };
    const text = await this.texts.get(pageNumber).catch(() => null);
    return text && { text, recognised: false };
  }
}
