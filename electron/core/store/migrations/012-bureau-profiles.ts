// Owns schema version 12: the bureau's own jurisdiction profiles (规则配置) — one row per profile with the regulation text it was written from, and every saved version.
import type { Migration } from './migration';

export const migration012: Migration = {
  version: 12,
  name: 'bureau-profiles',
  up(db) {
    db.exec(`
      -- A profile the bureau writes in the app. id is the profile's own id (what a package's manifest names as its
      -- jurisdiction), never a built-in one. base: where it started ('blank' or the built-in id). The regulation text
      -- it cites is kept whole (the outline is computed from it), with the file name it came from.
      CREATE TABLE bureau_profiles (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9-]*'),
        name TEXT NOT NULL,
        base TEXT NOT NULL,
        created_at TEXT NOT NULL,
        regulation_name TEXT,
        regulation_text TEXT,
        regulation_imported_at TEXT,
        CHECK ((regulation_name IS NULL) = (regulation_text IS NULL) AND (regulation_text IS NULL) = (regulation_imported_at IS NULL))
      ) STRICT;

      -- Each save is a new version (1, 2, …): profile_json holds the profile.json bytes as validated, exactly what an
      -- export writes and a package carries; sha256 is their hash. Versions are never changed or removed.
      CREATE TABLE bureau_profile_versions (
        profile_id TEXT NOT NULL REFERENCES bureau_profiles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version > 0),
        profile_json TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        note TEXT NOT NULL DEFAULT '',
        saved_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, version)
      ) STRICT;
    `);
  },
};
