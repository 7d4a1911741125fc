// Owns schema version 5: the expert's profile (one row) and each session's accepted commitment (专家承诺书).
import type { Migration } from './migration';

export const migration005: Migration = {
  version: 5,
  name: 'expert',
  up(db) {
    db.exec(`
      CREATE TABLE expert_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        title TEXT NOT NULL,
        employer TEXT NOT NULL,
        phone TEXT NOT NULL,
        saved_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE session_commitments (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        accepted_at TEXT NOT NULL,
        expert_name TEXT NOT NULL CHECK (length(trim(expert_name)) > 0),
        text TEXT NOT NULL
      ) STRICT;
    `);
  },
};
