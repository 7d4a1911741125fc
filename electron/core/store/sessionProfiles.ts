// Owns the carried jurisdiction profile of a session (table session_profiles): written with the session at import, read whenever the session's rules are needed.
import type { ReadDb, WriteDb } from './access';

export interface StoredSessionProfile {
  /** SHA-256 of profile.json's bytes, as the manifest lists it. */
  sha256: string;
  /** profile.json as carried. */
  bytes: Uint8Array;
  /** The resolved profile as validated at import (JSON). */
  resolvedJson: string;
}

/** Call inside the transaction that inserts the session. */
export function saveSessionProfile(db: WriteDb, sessionId: string, profile: StoredSessionProfile): void {
  db.prepare(`INSERT INTO session_profiles (session_id, sha256, bytes, resolved_json) VALUES (?, ?, ?, ?)`).run(
    sessionId,
    profile.sha256,
    Buffer.from(profile.bytes),
    profile.resolvedJson,
  );
}

/** The session's carried profile, or null when it uses a built-in one. */
export function sessionProfileOf(db: ReadDb, sessionId: string): StoredSessionProfile | null {
  const row = db
    .prepare(`SELECT sha256, bytes, resolved_json AS resolvedJson FROM session_profiles WHERE session_id = ?`)
    .get(sessionId) as { sha256: string; bytes: Buffer; resolvedJson: string } | undefined;
  return row ?? null;
}
