// Owns the personal phrase library in SQLite: list in order, add or edit, delete, reorder.
import type { Phrase } from '../../../shared/scoring';
import { transaction, type ReadDb, type WriteDb } from './access';

const PREFIX = 'personal-';

/** A personal phrase's API id (`personal-<rowid>`) → its row id; null for any other id (a starter phrase, a typo). */
export function phraseRowId(id: string): number | null {
  const n = id.startsWith(PREFIX) ? Number(id.slice(PREFIX.length)) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function listPersonalPhrases(db: ReadDb): Phrase[] {
  const rows = db.prepare(`SELECT id, "group", text FROM phrases ORDER BY position, id`).all() as {
    id: number;
    group: string;
    text: string;
  }[];
  return rows.map((r) => ({ id: `${PREFIX}${r.id}`, group: r.group, text: r.text }));
}

/** Adds a phrase at the end (rowId null) or edits one; false when the phrase to edit does not exist. */
export function savePersonalPhrase(db: WriteDb, rowId: number | null, group: string, text: string, at: string): boolean {
  if (rowId === null) {
    db.prepare(
      `INSERT INTO phrases ("group", text, position, created_at) VALUES (?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM phrases), ?)`,
    ).run(group, text, at);
    return true;
  }
  return db.prepare(`UPDATE phrases SET "group" = ?, text = ? WHERE id = ?`).run(group, text, rowId).changes === 1;
}

export function deletePersonalPhrase(db: WriteDb, rowId: number): boolean {
  return db.prepare(`DELETE FROM phrases WHERE id = ?`).run(rowId).changes === 1;
}

/** Gives the listed phrases positions 0, 1, 2 … in one transaction; false (nothing changed) unless they are exactly all of them. */
export function reorderPersonalPhrases(db: WriteDb, rowIds: number[]): boolean {
  return transaction(db, () => {
    const stored = (db.prepare(`SELECT id FROM phrases`).all() as { id: number }[]).map((r) => r.id);
    if (stored.length !== rowIds.length || new Set(rowIds).size !== rowIds.length || !rowIds.every((id) => stored.includes(id)))
      return false;
    const update = db.prepare(`UPDATE phrases SET position = ? WHERE id = ?`);
    rowIds.forEach((id, position) => update.run(position, id));
    return true;
  });
}
