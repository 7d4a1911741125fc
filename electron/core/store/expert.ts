// Owns the expert's profile and the sessions' accepted commitments in SQLite.
import type { ExpertProfile, SessionCommitment } from '../../../shared/expert';
import type { ReadDb, WriteDb } from './access';

export function loadExpertProfile(db: ReadDb): ExpertProfile | null {
  return (db.prepare(`SELECT name, title, employer, phone FROM expert_profile WHERE id = 1`).get() as ExpertProfile | undefined) ?? null;
}

export function saveExpertProfile(db: WriteDb, p: ExpertProfile, at: string): void {
  db.prepare(
    `INSERT INTO expert_profile (id, name, title, employer, phone, saved_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title, employer = excluded.employer, phone = excluded.phone, saved_at = excluded.saved_at`,
  ).run(p.name, p.title, p.employer, p.phone, at);
}

export function loadCommitment(db: ReadDb, sessionId: string): SessionCommitment | null {
  const row = db
    .prepare(
      `SELECT session_id AS sessionId, accepted_at AS acceptedAt, expert_name AS expertName FROM session_commitments WHERE session_id = ?`,
    )
    .get(sessionId);
  return (row as SessionCommitment | undefined) ?? null;
}

/** Records the first acceptance; accepting again keeps the original record. */
export function acceptCommitment(db: WriteDb, sessionId: string, expertName: string, text: string, at: string): void {
  db.prepare(`INSERT OR IGNORE INTO session_commitments (session_id, accepted_at, expert_name, text) VALUES (?, ?, ?, ?)`).run(
    sessionId,
    at,
    expertName,
    text,
  );
}
