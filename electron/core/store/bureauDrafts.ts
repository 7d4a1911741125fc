// Owns the bureau's drafts in SQLite (评审会草稿): one JSON row per draft with its version for optimistic saves.
import type { Draft, DraftSummary } from '../../../shared/bureau';
import { AppError } from '../kernel/errors';
import { transaction, type ReadDb, type WriteDb } from './access';
import { removeSession } from './sessions';

export interface StoredDraft {
  draft: Draft;
  version: number;
  updatedAt: string;
}

/** A save that named a version other than the stored one: another window saved first. */
export class StaleDraftError extends AppError {
  constructor(readonly storedVersion: number) {
    super('stale-version', '草稿已在其他窗口修改，请刷新后再改。');
    this.name = 'StaleDraftError';
  }
}

export function insertDraft(db: WriteDb, draft: Draft, at: string): void {
  db.prepare(`INSERT INTO bureau_drafts (id, draft_json, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)`).run(
    draft.id,
    JSON.stringify(draft),
    at,
    at,
  );
}

export function loadDraft(db: ReadDb, id: string): StoredDraft | null {
  const row = db.prepare(`SELECT draft_json, version, updated_at FROM bureau_drafts WHERE id = ?`).get(id) as
    { draft_json: string; version: number; updated_at: string } | undefined;
  return row ? { draft: JSON.parse(row.draft_json) as Draft, version: row.version, updatedAt: row.updated_at } : null;
}

/** Stores the draft as baseVersion + 1; throws StaleDraftError when the stored version differs. */
export function saveDraft(db: WriteDb, draft: Draft, baseVersion: number, at: string): number {
  return transaction(db, () => {
    const stored = loadDraft(db, draft.id);
    if (!stored || stored.version !== baseVersion) throw new StaleDraftError(stored?.version ?? 0);
    db.prepare(`UPDATE bureau_drafts SET draft_json = ?, version = ?, updated_at = ? WHERE id = ?`).run(
      JSON.stringify(draft),
      baseVersion + 1,
      at,
      draft.id,
    );
    return baseVersion + 1;
  });
}

export function listDrafts(db: ReadDb): DraftSummary[] {
  const rows = db.prepare(`SELECT draft_json, updated_at FROM bureau_drafts ORDER BY updated_at DESC, id`).all() as {
    draft_json: string;
    updated_at: string;
  }[];
  return rows.map((r) => {
    const d = JSON.parse(r.draft_json) as Draft;
    return { id: d.id, title: d.session.title, date: d.session.date, projectCount: d.projects.length, updatedAt: r.updated_at };
  });
}

export function deleteDraft(db: WriteDb, id: string): void {
  db.prepare(`DELETE FROM bureau_drafts WHERE id = ?`).run(id);
}

/**
 * Removes the bureau's own copy of a session (to register a re-exported package in its place) unless experts'
 * results arrived for it; returns whether it was removed.
 */
export function dropSessionWithoutResults(db: WriteDb, sessionId: string): boolean {
  return transaction(db, () => {
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM bureau_results WHERE session_id = ?`).get(sessionId) as { n: number }).n;
    if (n > 0) return false;
    removeSession(db, sessionId);
    return true;
  });
}
