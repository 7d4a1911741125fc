// Owns the bureau's own profiles in SQLite (规则配置, tables bureau_profiles and bureau_profile_versions, migration 012): the profile, the regulation text it cites, and its versions — each save a new one.
import { transaction, type ReadDb, type WriteDb } from './access';

export interface StoredProfile {
  id: string;
  name: string;
  /** 'blank' or the built-in profile it started from. */
  base: string;
  createdAt: string;
  regulation: { name: string; text: string; importedAt: string } | null;
}

export interface StoredProfileVersion {
  version: number;
  /** profile.json as saved: the bytes an export writes and a package carries. */
  json: string;
  sha256: string;
  note: string;
  savedAt: string;
}

export interface ProfileListRow {
  id: string;
  name: string;
  base: string;
  createdAt: string;
  /** 0 before the first save. */
  latestVersion: number;
  updatedAt: string;
  regulationName: string | null;
}

/** A save that named a version other than the newest: another window saved first. */
export class StaleProfileError extends Error {
  constructor(readonly latestVersion: number) {
    super(`stale profile: latest version ${latestVersion}`);
    this.name = 'StaleProfileError';
  }
}

export function insertProfile(db: WriteDb, profile: { id: string; name: string; base: string }, at: string): void {
  db.prepare(`INSERT INTO bureau_profiles (id, name, base, created_at) VALUES (?, ?, ?, ?)`).run(
    profile.id,
    profile.name,
    profile.base,
    at,
  );
}

export function findProfile(db: ReadDb, id: string): StoredProfile | null {
  const row = db
    .prepare(
      `SELECT id, name, base, created_at AS createdAt, regulation_name AS regulationName, regulation_text AS regulationText, regulation_imported_at AS importedAt
       FROM bureau_profiles WHERE id = ?`,
    )
    .get(id) as
    | {
        id: string;
        name: string;
        base: string;
        createdAt: string;
        regulationName: string | null;
        regulationText: string | null;
        importedAt: string | null;
      }
    | undefined;
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    base: row.base,
    createdAt: row.createdAt,
    regulation:
      row.regulationName !== null && row.regulationText !== null && row.importedAt !== null
        ? { name: row.regulationName, text: row.regulationText, importedAt: row.importedAt }
        : null,
  };
}

export function listProfiles(db: ReadDb): ProfileListRow[] {
  return db
    .prepare(
      `SELECT p.id, p.name, p.base, p.created_at AS createdAt, p.regulation_name AS regulationName,
              COALESCE(MAX(v.version), 0) AS latestVersion, COALESCE(MAX(v.saved_at), p.created_at) AS updatedAt
       FROM bureau_profiles p LEFT JOIN bureau_profile_versions v ON v.profile_id = p.id
       GROUP BY p.id ORDER BY updatedAt DESC, p.id`,
    )
    .all() as ProfileListRow[];
}

/** The version asked for, or the newest when `version` is null; null when there is none. */
export function profileVersion(db: ReadDb, id: string, version: number | null): StoredProfileVersion | null {
  const row = (
    version === null
      ? db
          .prepare(
            `SELECT version, profile_json AS json, sha256, note, saved_at AS savedAt FROM bureau_profile_versions WHERE profile_id = ? ORDER BY version DESC LIMIT 1`,
          )
          .get(id)
      : db
          .prepare(
            `SELECT version, profile_json AS json, sha256, note, saved_at AS savedAt FROM bureau_profile_versions WHERE profile_id = ? AND version = ?`,
          )
          .get(id, version)
  ) as StoredProfileVersion | undefined;
  return row ?? null;
}

/** Every version, newest first, without the JSON. */
export function profileVersions(db: ReadDb, id: string): Omit<StoredProfileVersion, 'json'>[] {
  return db
    .prepare(`SELECT version, sha256, note, saved_at AS savedAt FROM bureau_profile_versions WHERE profile_id = ? ORDER BY version DESC`)
    .all(id) as Omit<StoredProfileVersion, 'json'>[];
}

/**
 * Stores `json` as version baseVersion + 1 (baseVersion 0: the first save) and, in the same transaction, the profile's
 * name; throws StaleProfileError when the newest version is not `baseVersion`.
 */
export function saveProfileVersion(
  db: WriteDb,
  id: string,
  baseVersion: number,
  entry: { name: string; json: string; sha256: string; note: string },
  at: string,
): number {
  return transaction(db, () => {
    const latest = (
      db.prepare(`SELECT COALESCE(MAX(version), 0) AS v FROM bureau_profile_versions WHERE profile_id = ?`).get(id) as { v: number }
    ).v;
    if (latest !== baseVersion) throw new StaleProfileError(latest);
    const version = baseVersion + 1;
    db.prepare(
      `INSERT INTO bureau_profile_versions (profile_id, version, profile_json, sha256, note, saved_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, version, entry.json, entry.sha256, entry.note, at);
    db.prepare(`UPDATE bureau_profiles SET name = ? WHERE id = ?`).run(entry.name, id);
    return version;
  });
}

/** Keeps the regulation's text with the profile (replacing an earlier import). */
export function setProfileRegulation(db: WriteDb, id: string, regulation: { name: string; text: string }, at: string): void {
  db.prepare(`UPDATE bureau_profiles SET regulation_name = ?, regulation_text = ?, regulation_imported_at = ? WHERE id = ?`).run(
    regulation.name,
    regulation.text,
    at,
    id,
  );
}
