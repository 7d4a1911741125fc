// Owns recognising scanned pages for callers outside the app's extraction job (`review-desk text` and `check`): one OCR
// worker for all the documents, the text layer's empty pages replaced by what was recognised.
import os from 'node:os';
import type { OcrPage } from '../../../../shared/ocr';
import type { DocumentText } from '../../../../shared/precheck';
import { runWorker, WorkerFailure } from '../../jobs/worker';
import { pagesWithoutTextLayer } from '../../store/ocrPages';
import { viewerFor } from '../../store/sessions';
import type { IsolatedText } from '../isolatedText';
import { ocrHeadings } from './headings';
import type { OcrJob, OcrProgress } from './ocrWorker';
import { imageKind, type OcrKind } from './recognise';

/** A page silent for this long is a hostile image; the whole call then ends with the pages recognised so far. */
const IDLE_TIMEOUT_MS = 3 * 60_000;

export interface ScanItem {
  documentId: string;
  file: string;
  kind: OcrKind;
  /** The text layer as extracted (a PDF); absent for an image file (page 1 is recognised). */
  text?: DocumentText;
}

export interface RecognisedText {
  text: DocumentText;
  /** Pages whose text came from OCR (`source: "ocr"` in `review-desk text --json`). */
  ocrPages: number[];
  /** Pages that could not be recognised, with the reason. */
  failures: { page: number; error: string }[];
}

/** A package's document as the CLI reads it: its key in the answers, its path in the package, and the file on disk. */
export interface PackageFile {
  documentId: string;
  path: string;
  file: string;
}

/**
 * What is recognised of a package (`text` and `check` alike): each PNG/JPEG document whole, and each PDF read as text
 * (of which only the pages without a text layer are recognised).
 */
export function scanItemsOf(files: PackageFile[], read: ReadonlyMap<string, IsolatedText>): ScanItem[] {
  return files.flatMap(({ documentId, path, file }): ScanItem[] => {
    const image = imageKind(path);
    if (image) return [{ documentId, file, kind: image }];
    const got = read.get(documentId);
    return viewerFor(path) === 'pdf' && got && 'text' in got ? [{ documentId, file, kind: 'pdf', text: got.text }] : [];
  });
}

/**
 * Recognises every page without a text layer (and each image file) and returns each document's text with those pages
 * filled in and headings found on them added; a document with nothing to recognise is returned as it was. Never
 * throws for a document: a worker that dies leaves the pages it did not reach as failures.
 */
export async function recogniseTexts(
  items: ScanItem[],
  onPage: (documentId: string, page: OcrPage) => void = () => undefined,
  signal?: AbortSignal,
): Promise<Map<string, RecognisedText>> {
  const work = items.map((item) => ({ item, pages: item.text ? pagesWithoutTextLayer(item.text.pages) : [1] }));
  const todo = work.filter((w) => w.pages.length);
  const results = new Map<string, OcrPage[]>(todo.map((w) => [w.item.documentId, []]));
  if (todo.length && !signal?.aborted) {
    const job = runWorker<OcrProgress, { count: number }>(
      'ocr',
      { items: todo.map((w) => ({ file: w.item.file, kind: w.item.kind, pages: w.pages })), threads: os.cpus().length } satisfies OcrJob,
      (p) => {
        if (!('result' in p)) return;
        const { documentId } = todo[p.item]!.item;
        results.get(documentId)!.push(p.result);
        onPage(documentId, p.result);
      },
      IDLE_TIMEOUT_MS,
      { heapMb: 768 },
    );
    const abort = () => job.cancel();
    signal?.addEventListener('abort', abort);
    try {
      await job.result;
    } catch (err) {
      if (!(err instanceof WorkerFailure && err.reason === 'cancelled')) {
        const why = `识别进程意外结束：${err instanceof Error ? err.message : String(err)}`;
        for (const w of todo) {
          const got = results.get(w.item.documentId)!;
          for (const page of w.pages) if (!got.some((r) => r.page === page)) got.push({ page, error: why });
        }
      }
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }
  return new Map(
    work.map(({ item }) => {
      const got = results.get(item.documentId) ?? [];
      const read = got.filter((r): r is Extract<OcrPage, { text: string }> => 'text' in r && r.text.trim() !== '');
      const byPage = new Map(read.map((r) => [r.page, r.text]));
      const base = item.text ?? { documentId: item.documentId, pages: [], headings: [] };
      const pages = item.text
        ? base.pages.map((p) => ({ page: p.page, text: byPage.get(p.page) ?? p.text }))
        : read.map((r) => ({ page: r.page, text: r.text }));
      const headings = [...base.headings, ...ocrHeadings(read)].sort((a, b) => (a.page ?? Infinity) - (b.page ?? Infinity));
      return [
        item.documentId,
        {
          text: { ...base, pages, headings },
          ocrPages: read.map((r) => r.page),
          failures: got.flatMap((r) => ('error' in r ? [{ page: r.page, error: r.error }] : [])),
        },
      ];
    }),
  );
}
