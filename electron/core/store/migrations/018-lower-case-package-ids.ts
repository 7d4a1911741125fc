// Owns schema version 18: package ids stored as the manifest wrote them (possibly upper-case, before shared/manifest.ts
// lower-cased them on import) become lower-case, so re-importing the same package finds its session again.
//
// Every column keyed by the session — sessions.id and each table's session_id, found in the schema as it stands at
// version 17 — and the bureau's drafts (bureau_drafts.id and the draft's own id; a draft's id becomes its package's id)
// move together; foreign keys are checked at commit (defer_foreign_keys), when parent and children agree again.
// Folders and files named by an id are renamed at start-up (store/idFolders.ts, after this has run).
//
// Where both spellings are already stored (the package was imported again after the change and became a second
// session), the lower-case one keeps the id: it is what every import, result file and bureau lookup since the change
// has found. The other is left as it is, under its own spelling and still listed, never merged or removed: it may hold
// reviews, history and signatures that cannot be merged into another session's, and the expert decides what to keep.
// Likewise of two upper-case spellings of one id without a lower-case one, the session imported first moves.
// Not rewritten: what was signed or received whole (review_seals.signed_json, result and signature bytes) and the
// manifest as imported (sessions.manifest_json); a seal keeps the spelling it signed (store/seals.ts).
import type { WriteDb } from '../access';
import type { Migration } from './migration';

/** Old id → lower-case id for the ids in `ids` (oldest first) that can move without meeting a spelling already there. */
function moves(ids: readonly string[]): Map<string, string> {
  const taken = new Set(ids.filter((id) => id === id.toLowerCase()));
  const out = new Map<string, string>();
  for (const id of ids) {
    const lower = id.toLowerCase();
    if (taken.has(lower)) continue;
    taken.add(lower);
    out.set(id, lower);
  }
  return out;
}

function lowerCaseSessionIds(db: WriteDb): void {
  const ids = (db.prepare(`SELECT id FROM sessions ORDER BY imported_at, id`).all() as { id: string }[]).map((r) => r.id);
  const moved = moves(ids);
  if (!moved.size) return;
  const tables = (
    db
      .prepare(
        `SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c
         WHERE m.type = 'table' AND c.name = 'session_id' ORDER BY m.name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const updates = [
    db.prepare(`UPDATE sessions SET id = ? WHERE id = ?`),
    ...tables.map((t) => db.prepare(`UPDATE "${t}" SET session_id = ? WHERE session_id = ?`)),
  ];
  for (const [from, to] of moved) for (const u of updates) u.run(to, from);
  // The session the app reopens at start.
  const last = db.prepare(`SELECT value_json FROM ui_state WHERE key = 'last'`).get() as { value_json: string } | undefined;
  const lastId = last ? (JSON.parse(last.value_json) as { sessionId?: unknown }).sessionId : undefined;
  if (typeof lastId === 'string' && moved.has(lastId))
    db.prepare(`UPDATE ui_state SET value_json = json_set(value_json, '$.sessionId', ?) WHERE key = 'last'`).run(moved.get(lastId));
}

function lowerCaseDraftIds(db: WriteDb): void {
  const ids = (db.prepare(`SELECT id FROM bureau_drafts ORDER BY created_at, id`).all() as { id: string }[]).map((r) => r.id);
  const update = db.prepare(`UPDATE bureau_drafts SET id = ?, draft_json = json_set(draft_json, '$.id', ?) WHERE id = ?`);
  for (const [from, to] of moves(ids)) update.run(to, to, from);
}

export const migration018: Migration = {
  version: 18,
  name: 'lower-case-package-ids',
  up(db) {
    // Within this migration's transaction only: a parent's id and its children's change one statement at a time.
    db.pragma('defer_foreign_keys = ON');
    lowerCaseSessionIds(db);
    lowerCaseDraftIds(db);
  },
};
