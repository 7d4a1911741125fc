// Owns schema version 17: who the expert confirmed to be on each package's roster (名单核对), and which sealed versions went out in an export (已导出).
import type { Migration } from './migration';

export const migration017: Migration = {
  version: 17,
  name: 'roster-exports',
  up(db) {
    db.exec(`
      -- Settled before scoring: the roster entry the expert confirmed (position null: the package has no roster) and the
      -- name then; a later change of name or signing identity is judged against it (signing/roster.ts).
      CREATE TABLE session_roster_choice (
        session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        expert_position INTEGER CHECK (expert_position IS NULL OR expert_position >= 0),
        expert_name TEXT NOT NULL CHECK (length(trim(expert_name)) > 0),
        confirmed_at TEXT NOT NULL
      ) STRICT;
      -- Each sealed version written into an export (签名并导出): the project list says 已导出 while it is the current seal.
      CREATE TABLE signed_exports (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        seal_version INTEGER NOT NULL,
        exported_at TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id, seal_version),
        FOREIGN KEY (session_id, project_id, seal_version) REFERENCES review_seals(session_id, project_id, seal_version) ON DELETE CASCADE
      ) STRICT;
    `);
  },
};
