// Owns small per-user state: reading positions (阅读位置), the last open session/project/document, recent packages.
import type { ReadingPosition, RecentPackage, UiState } from '../../../shared/domain';
import { transaction, type ReadDb, type WriteDb } from './access';

export function getReadingPosition(db: ReadDb, documentKey: number): ReadingPosition | null {
  const row = db.prepare(`SELECT position_json FROM reading_positions WHERE document_key = ?`).get(documentKey) as
    { position_json: string } | undefined;
  return row ? (JSON.parse(row.position_json) as ReadingPosition) : null;
}

export function saveReadingPosition(db: WriteDb, documentKey: number, position: ReadingPosition, at: string): boolean {
  const result = db
    .prepare(
      `INSERT INTO reading_positions (document_key, position_json, updated_at)
       SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE key = ?)
       ON CONFLICT (document_key) DO UPDATE SET position_json = excluded.position_json, updated_at = excluded.updated_at`,
    )
    .run(documentKey, JSON.stringify(position), at, documentKey);
  return result.changes > 0;
}

const UI_KEY = 'last';
const emptyUiState: UiState = { sessionId: null, projectId: null, documentKey: null };

export function getUiState(db: ReadDb): UiState {
  const row = db.prepare(`SELECT value_json FROM ui_state WHERE key = ?`).get(UI_KEY) as { value_json: string } | undefined;
  const state = row ? { ...emptyUiState, ...(JSON.parse(row.value_json) as Partial<UiState>) } : emptyUiState;
  // A session removed since the last run must not be restored.
  if (state.sessionId && !db.prepare(`SELECT 1 FROM sessions WHERE id = ?`).get(state.sessionId)) return emptyUiState;
  return state;
}

export function saveUiState(db: WriteDb, patch: Partial<UiState>): void {
  transaction(db, () => {
    const next = { ...getUiState(db), ...patch };
    db.prepare(`INSERT INTO ui_state (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`).run(
      UI_KEY,
      JSON.stringify(next),
    );
  });
}

export function touchRecentPackage(db: WriteDb, path: string, sessionId: string, at: string): void {
  db.prepare(
    `INSERT INTO recent_packages (path, session_id, opened_at) VALUES (?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET session_id = excluded.session_id, opened_at = excluded.opened_at`,
  ).run(path, sessionId, at);
}

export function listRecentPackages(db: ReadDb, limit = 10): RecentPackage[] {
  return db
    .prepare(
      `SELECT r.path, s.title, r.session_id AS sessionId, r.opened_at AS openedAt
       FROM recent_packages r JOIN sessions s ON s.id = r.session_id ORDER BY r.opened_at DESC LIMIT ?`,
    )
    .all(limit) as RecentPackage[];
}
