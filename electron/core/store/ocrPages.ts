// Owns the OCR cache (ocr_pages, by file hash) and putting recognised text into a document's pages, where search and the pre-check read it.
import type { DocumentText } from '../../../shared/precheck';
import { lacksTextLayer, type OcrBox, type OcrPage } from '../../../shared/ocr';
import { transaction, type ReadDb, type WriteDb } from './access';
import { searchableText } from './texts';

export function saveOcrPage(db: WriteDb, sha256: string, engine: string, result: OcrPage, at: string): void {
  const ok = 'text' in result;
  db.prepare(
    `INSERT INTO ocr_pages (sha256, page, engine, status, text, boxes_json, confidence, error, recognised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (sha256, page, engine) DO UPDATE SET status = excluded.status, text = excluded.text, boxes_json = excluded.boxes_json,
       confidence = excluded.confidence, error = excluded.error, recognised_at = excluded.recognised_at`,
  ).run(
    sha256,
    result.page,
    engine,
    ok ? 'ok' : 'failed',
    ok ? result.text : '',
    JSON.stringify(ok ? result.boxes : []),
    ok ? Math.min(1, Math.max(0, result.confidence)) : 0,
    ok ? null : result.error.slice(0, 300),
    at,
  );
}

/** Drops the cached recognition of every file no document of any session is (documents.sha256); returns the rows removed. */
export function pruneOcrPages(db: WriteDb): number {
  return db.prepare(`DELETE FROM ocr_pages WHERE sha256 NOT IN (SELECT sha256 FROM documents)`).run().changes;
}

interface OcrRow {
  page: number;
  status: 'ok' | 'failed';
  text: string;
  boxes_json: string;
  confidence: number;
  error: string | null;
}

/**
 * The cached recognition of a file's pages by this engine (the models and pipeline), by page, whichever runtime ran it:
 * rows name the engine as `<engine>+<runtime>` (or bare, from before the runtime was recorded), and both runtimes read
 * the same text. Where two runtimes left a row for a page, one with text wins over a failure.
 */
export function loadOcrPages(db: ReadDb, sha256: string, engine: string): Map<number, OcrPage> {
  const rows = db
    .prepare(
      `SELECT page, status, text, boxes_json, confidence, error FROM ocr_pages
       WHERE sha256 = @sha256 AND (engine = @engine OR substr(engine, 1, length(@engine) + 1) = @engine || '+') ORDER BY page, status = 'ok'`,
    )
    .all({ sha256, engine }) as OcrRow[];
  return new Map(
    rows.map((r): [number, OcrPage] => [
      r.page,
      r.status === 'ok'
        ? {
            page: r.page,
            text: r.text,
            boxes: JSON.parse(r.boxes_json) as Extract<OcrPage, { text: string }>['boxes'],
            confidence: r.confidence,
          }
        : { page: r.page, error: r.error ?? '' },
    ]),
  );
}

/**
 * One page's recognised lines in a file (by its hash), for the viewer's text layer: the latest recognition by any engine
 * (the one whose text went into the document's pages); null when that page was not recognised (it has a text layer,
 * recognition has not reached it or failed, or found no text on it).
 */
export function recognisedLines(db: ReadDb, sha256: string, page: number): OcrBox[] | null {
  const row = db
    .prepare(`SELECT boxes_json FROM ocr_pages WHERE sha256 = ? AND page = ? AND status = 'ok' ORDER BY recognised_at DESC LIMIT 1`)
    .get(sha256, page) as { boxes_json: string } | undefined;
  const lines = row ? (JSON.parse(row.boxes_json) as OcrBox[]) : [];
  return lines.length ? lines : null;
}

/** The pages of a document's extracted text with (almost) no text layer: the ones to recognise. */
export function scanPages(db: ReadDb, documentKey: number): number[] {
  const pages = db.prepare(`SELECT page, text FROM document_pages WHERE document_key = ? ORDER BY page`).all(documentKey) as {
    page: number;
    text: string;
  }[];
  return pagesWithoutTextLayer(pages);
}

/** Of a document's pages, those with (almost) no text layer. */
export function pagesWithoutTextLayer(pages: { page: number; text: string }[]): number[] {
  return pages.filter((p) => lacksTextLayer(p.text)).map((p) => p.page);
}

/**
 * Where a document stands with recognition: `none` (it has a text layer), `pending` (scanned pages not recognised yet),
 * `failed` (every page is a scan and none gave text), `done`.
 */
export type OcrState = 'none' | 'pending' | 'failed' | 'done';

export function ocrState(db: ReadDb, documentKey: number, sha256: string, engine: string): OcrState {
  const scans = scanPages(db, documentKey);
  if (!scans.length) return 'none';
  const cached = loadOcrPages(db, sha256, engine);
  if (scans.some((p) => !cached.has(p))) return 'pending';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM document_pages WHERE document_key = ?`).get(documentKey) as { n: number }).n;
  return scans.length === total ? 'failed' : 'done';
}

/**
 * Writes recognised pages into the document's text (replacing the empty text layer page by page) with the headings
 * recognised on them added, in one transaction; `extracted_at` moves, so caches of text-derived results (the
 * pre-check) know to read again. A document with no text row yet (an image file) gets one.
 */
export function applyOcrText(
  db: WriteDb,
  documentKey: number,
  pages: { page: number; text: string }[],
  headings: DocumentText['headings'],
  at: string,
): void {
  transaction(db, () => {
    const meta = db.prepare(`SELECT status, headings_json FROM document_texts WHERE document_key = ?`).get(documentKey) as
      { status: string; headings_json: string } | undefined;
    const known = meta?.status === 'ok' ? (JSON.parse(meta.headings_json) as DocumentText['headings']) : [];
    db.prepare(
      `INSERT INTO document_texts (document_key, status, error, headings_json, extracted_at) VALUES (?, 'ok', NULL, ?, ?)
       ON CONFLICT (document_key) DO UPDATE SET status = 'ok', error = NULL, headings_json = excluded.headings_json, extracted_at = excluded.extracted_at`,
    ).run(documentKey, JSON.stringify([...known, ...headings].sort((a, b) => (a.page ?? Infinity) - (b.page ?? Infinity))), at);
    // document_pages' FTS index follows inserts and deletes (no update trigger), so a page is replaced, not updated.
    const drop = db.prepare(`DELETE FROM document_pages WHERE document_key = ? AND page = ?`);
    const add = db.prepare(`INSERT INTO document_pages (document_key, page, text, search_text) VALUES (?, ?, ?, ?)`);
    for (const p of pages) {
      drop.run(documentKey, p.page);
      add.run(documentKey, p.page, p.text, searchableText(p.text));
    }
  });
}

/** Marks a document's text as changed without changing it (recognition ended with no text), so cached pre-checks read again. */
export function touchDocumentText(db: WriteDb, documentKey: number, at: string): void {
  db.prepare(`UPDATE document_texts SET extracted_at = ? WHERE document_key = ?`).run(at, documentKey);
}
