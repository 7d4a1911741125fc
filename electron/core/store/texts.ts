// Owns the cached text of documents (per page) and full-text search over a session's documents (FTS5, trigram).
import type { DocumentText } from '../../../shared/precheck';
import { transaction, type ReadDb, type WriteDb } from './access';

export interface SearchHit {
  documentKey: number;
  documentTitle: string;
  projectId: string;
  page: number;
  /** Text around the hit; the hit itself is between 【 and 】. */
  snippet: string;
}

export type TextStatus = 'ok' | 'failed' | 'unsupported';

const wrapInsideChinese = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])\s*\n\s*(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/** Joins line wraps between Chinese characters (a PDF line break is layout, not a word boundary); other breaks become spaces. */
export function searchableText(text: string): string {
  return text.replace(wrapInsideChinese, '').replace(/\s+/g, ' ');
}

/** Replaces a document's cached text in one transaction (the FTS index follows through triggers). */
export function saveDocumentText(
  db: WriteDb,
  documentKey: number,
  text: DocumentText | null,
  status: TextStatus,
  error: string | null,
  at: string,
): void {
  transaction(db, () => {
    db.prepare(`DELETE FROM document_pages WHERE document_key = ?`).run(documentKey);
    db.prepare(
      `INSERT INTO document_texts (document_key, status, error, headings_json, extracted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_key) DO UPDATE SET status = excluded.status, error = excluded.error, headings_json = excluded.headings_json, extracted_at = excluded.extracted_at`,
    ).run(documentKey, status, error, JSON.stringify(text?.headings ?? []), at);
    const page = db.prepare(`INSERT INTO document_pages (document_key, page, text, search_text) VALUES (?, ?, ?, ?)`);
    for (const p of text?.pages ?? []) page.run(documentKey, p.page, p.text, searchableText(p.text));
  });
}

/** Keys of a session's documents whose text has not been extracted yet. */
export function documentsWithoutText(db: ReadDb, sessionId: string): number[] {
  return (
    db
      .prepare(
        `SELECT d.key FROM documents d LEFT JOIN document_texts t ON t.document_key = d.key WHERE d.session_id = ? AND t.document_key IS NULL ORDER BY d.key`,
      )
      .all(sessionId) as {
      key: number;
    }[]
  ).map((r) => r.key);
}

/** Changes whenever any document of the session gets (re-)extracted: how caches of text-derived results know they are stale. */
export function textStamp(db: ReadDb, sessionId: string): string {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS n, MAX(t.extracted_at) AS latest FROM document_texts t JOIN documents d ON d.key = t.document_key WHERE d.session_id = ?`,
    )
    .get(sessionId) as { n: number; latest: string | null };
  return `${row.n}:${row.latest ?? ''}`;
}

/** Whether extraction has run for the document (whatever its outcome). */
export function hasText(db: ReadDb, documentKey: number): boolean {
  return db.prepare(`SELECT 1 FROM document_texts WHERE document_key = ?`).get(documentKey) !== undefined;
}

export function loadDocumentText(db: ReadDb, documentKey: number, documentId: string): DocumentText | null {
  const meta = db.prepare(`SELECT status, headings_json FROM document_texts WHERE document_key = ?`).get(documentKey) as
    { status: TextStatus; headings_json: string } | undefined;
  if (!meta || meta.status !== 'ok') return null;
  const pages = db
    .prepare(`SELECT page, text FROM document_pages WHERE document_key = ? ORDER BY page`)
    .all(documentKey) as DocumentText['pages'];
  return { documentId, pages, headings: JSON.parse(meta.headings_json) as DocumentText['headings'] };
}

const MAX_HITS = 100;

/**
 * Searches every extracted page of a session. Three or more characters go through the trigram index; shorter
 * queries (common in Chinese: 密码, 专网) scan with LIKE, which is fast enough at a session's size.
 */
export function searchSession(db: ReadDb, sessionId: string, query: string): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const rows = (
    [...q].length >= 3
      ? db
          .prepare(
            `SELECT d.key AS documentKey, d.title AS documentTitle, d.project_id AS projectId, p.page, p.search_text AS text
             FROM document_pages_fts f JOIN document_pages p ON p.id = f.rowid JOIN documents d ON d.key = p.document_key
             WHERE document_pages_fts MATCH ? AND d.session_id = ? ORDER BY d.project_id, d.position, p.page LIMIT ?`,
          )
          .all(`"${q.replace(/"/g, '""')}"`, sessionId, MAX_HITS)
      : db
          .prepare(
            `SELECT d.key AS documentKey, d.title AS documentTitle, d.project_id AS projectId, p.page, p.search_text AS text
             FROM document_pages p JOIN documents d ON d.key = p.document_key
             WHERE d.session_id = ? AND instr(p.search_text, ?) > 0 ORDER BY d.project_id, d.position, p.page LIMIT ?`,
          )
          .all(sessionId, q, MAX_HITS)
  ) as (Omit<SearchHit, 'snippet'> & { text: string })[];
  return rows.map(({ text, ...hit }) => ({ ...hit, snippet: snippetAround(text, q) }));
}

function snippetAround(text: string, query: string, radius = 30): string {
  const flat = text;
  const at = flat.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return flat.slice(0, radius * 2);
  const start = Math.max(0, at - radius);
  const end = Math.min(flat.length, at + query.length + radius);
  return `${start > 0 ? '…' : ''}${flat.slice(start, at)}【${flat.slice(at, at + query.length)}】${flat.slice(at + query.length, end)}${end < flat.length ? '…' : ''}`;
}
