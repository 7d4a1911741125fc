// Owns schema version 11: the jurisdiction profile a package carried (profile.json), kept with its session so every later opening uses it.
import type { Migration } from './migration';

export const migration011: Migration = {
  version: 11,
  name: 'session-profiles',
  up(db) {
    db.exec(`
      -- A package from a district without a built-in profile carries its own; a carried profile wins for its package.
      -- bytes: profile.json exactly as carried (sha256 is the manifest's hash of them); resolved_json: the profile the
      -- checks use, as resolved and validated at import, so a later app version does not change the session's rules.
      CREATE TABLE session_profiles (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        resolved_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
