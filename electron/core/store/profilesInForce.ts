// Owns the jurisdiction profiles in force (执行的辖区规则配置) in SQLite: each resolved profile stored once by fingerprint,
// and which one a review was last saved under and a generated document was made under (migration 013).
import type { ReadDb, WriteDb } from './access';

/** A profile as recorded: its id, version and the SHA-256 of its canonical JSON (precheck/profiles.ts profileInForce). */
export interface ProfileRecord {
  id: string;
  version: number;
  fingerprint: string;
}

/** Stores the resolved profile under its fingerprint unless it is already there. */
export function recordProfile(db: WriteDb, record: ProfileRecord, profileJson: string): void {
  db.prepare(`INSERT OR IGNORE INTO profiles_in_force (fingerprint, profile_id, version, profile_json) VALUES (?, ?, ?, ?)`).run(
    record.fingerprint,
    record.id,
    record.version,
    profileJson,
  );
}

const columns = `p.profile_id AS id, p.version AS version, p.fingerprint AS fingerprint`;

/** The profile a review was last saved under; null when never saved, or saved before profiles were recorded. */
export function reviewProfile(db: ReadDb, sessionId: string, projectId: string): ProfileRecord | null {
  return (
    (db
      .prepare(
        `SELECT ${columns} FROM reviews r JOIN profiles_in_force p ON p.fingerprint = r.profile_fingerprint WHERE r.session_id = ? AND r.project_id = ?`,
      )
      .get(sessionId, projectId) as ProfileRecord | undefined) ?? null
  );
}

/** The recorded profile JSON of a fingerprint (what the review or document was made under), or null. */
export function recordedProfileJson(db: ReadDb, fingerprint: string): string | null {
  return (
    (
      db.prepare(`SELECT profile_json FROM profiles_in_force WHERE fingerprint = ?`).get(fingerprint) as
        { profile_json: string } | undefined
    )?.profile_json ?? null
  );
}

/** The profile each generated document of a session was made under, by document id (documents before migration 013 absent). */
export function generatedDocumentProfiles(db: ReadDb, sessionId: string): Map<number, ProfileRecord> {
  const rows = db
    .prepare(
      `SELECT g.id AS docId, ${columns} FROM generated_documents g JOIN profiles_in_force p ON p.fingerprint = g.profile_fingerprint WHERE g.session_id = ?`,
    )
    .all(sessionId) as (ProfileRecord & { docId: number })[];
  return new Map(rows.map(({ docId, ...r }) => [docId, r]));
}
