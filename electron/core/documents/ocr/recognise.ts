// Owns recognising a document's pages: the page picture, the engine, and each page's result (text, and lines placed on
// the page) — the one entry point the worker, the `text`/`check` commands and the bench call.
import { promises as fs } from 'node:fs';
import type { OcrBox, OcrPage } from '../../../../shared/ocr';
import { corners } from './bitmap';
import type { OcrEngine, OcrLine } from './engine';
import { jpegImage, NotRecognisable, openPdf, pdfPageImage, pngImage, type PageImage } from './pageImages';

export type OcrKind = 'pdf' | 'png' | 'jpg';

/** The image files recognised whole (a PNG or JPEG document is its page 1); anything else is not an image to read. */
export const imageKind = (path: string): OcrKind | undefined => (/\.png$/i.test(path) ? 'png' : /\.jpe?g$/i.test(path) ? 'jpg' : undefined);

/** A row's lines, joined as a text line; lines further apart than two characters' height are separated by a space. */
export function pageText(lines: OcrLine[]): string {
  const rows: OcrLine[][] = [];
  for (const line of lines) {
    const row = rows.at(-1);
    const last = row?.at(-1);
    if (
      row &&
      last &&
      line.box.cx > last.box.cx &&
      Math.abs(line.box.cy - last.box.cy) < 0.6 * Math.min(line.box.halfHeight, last.box.halfHeight)
    )
      row.push(line);
    else rows.push([line]);
  }
  return rows.map((r) => r.map((l) => l.text).join(' ')).join('\n');
}

function placed(lines: OcrLine[], image: PageImage): OcrBox[] {
  return lines.map((l) => ({
    text: l.text,
    quad: corners(l.box).flatMap(([x, y]) => image.toPage(x, y).map((v) => Math.round(v * 10000) / 10000)) as OcrBox['quad'],
    charAt: l.charAt.map((c) => Math.round(c * 1000) / 1000),
  }));
}

async function recogniseImage(engine: OcrEngine, page: number, image: PageImage): Promise<OcrPage> {
  const lines = await engine.recognise(image.bitmap);
  const confidence = lines.length ? lines.reduce((s, l) => s + l.confidence, 0) / lines.length : 0;
  return { page, text: pageText(lines), boxes: placed(lines, image), confidence };
}

const failure = (page: number, err: unknown): OcrPage => ({
  page,
  error: err instanceof NotRecognisable ? err.message : `第 ${page} 页识别失败：${err instanceof Error ? err.message : String(err)}`,
});

/**
 * Recognises `pages` (1-based; an image file has page 1 only) one by one, handing each result to `onPage` as it comes
 * (so a caller can cache it and report progress); a page that cannot be recognised is a result with its reason, never
 * a thrown error. Stops between pages when `signal` aborts.
 */
export async function recognisePages(
  engine: OcrEngine,
  file: string,
  kind: OcrKind,
  pages: number[],
  onPage: (result: OcrPage) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (kind !== 'pdf') {
    if (signal?.aborted) return;
    try {
      onPage(await recogniseImage(engine, 1, kind === 'png' ? await pngImage(file) : await jpegImage(file)));
    } catch (err) {
      onPage(failure(1, err));
    }
    return;
  }
  let opened: Awaited<ReturnType<typeof openPdf>>;
  try {
    opened = await openPdf(new Uint8Array(await fs.readFile(file)));
  } catch (err) {
    const why = `无法打开 PDF 文件（文件可能已损坏或已加密）：${err instanceof Error ? err.message : String(err)}`;
    for (const n of pages) onPage({ page: n, error: why });
    return;
  }
  const { doc, destroy } = opened;
  try {
    for (const n of pages) {
      if (signal?.aborted) return;
      if (n < 1 || n > doc.numPages) continue;
      try {
        onPage(await recogniseImage(engine, n, await pdfPageImage(doc, n)));
      } catch (err) {
        onPage(failure(n, err));
      }
    }
  } finally {
    await destroy();
  }
}
