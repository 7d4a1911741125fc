// Owns schema version 8: the bureau's side (组织方) — draft sessions (评审会草稿), received expert results (评审结果) with every submission kept, and the panel's decisions (组长裁定, 保留意见).
import type { Migration } from './migration';

export const migration008: Migration = {
  version: 8,
  name: 'bureau',
  up(db) {
    db.exec(`
      -- A review being prepared; the id becomes the package's packageId. Document bytes live in files beside the database.
      CREATE TABLE bureau_drafts (
        id TEXT PRIMARY KEY,
        draft_json TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- Every accepted result file as received (bytes kept whole, so it can be verified again and archived).
      -- The current one of an expert is the latest signed_at; older ones stay as the submission history.
      CREATE TABLE bureau_results (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        expert_position INTEGER NOT NULL CHECK (expert_position >= 0),
        expert_name TEXT NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        signed_at TEXT NOT NULL,
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        file_name TEXT NOT NULL,
        bytes BLOB NOT NULL,
        received_at TEXT NOT NULL,
        UNIQUE (session_id, file_sha256),
        UNIQUE (session_id, expert_position, signed_at)
      ) STRICT;
      CREATE INDEX bureau_results_expert ON bureau_results(session_id, expert_position, signed_at);
      -- 组长裁定 of one budget line's panel approved amount, with the reason.
      CREATE TABLE bureau_line_overrides (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        line_id TEXT NOT NULL,
        approved_fen INTEGER NOT NULL CHECK (approved_fen >= 0),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        set_at TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id, line_id),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      -- 组长改定结论: the chair's conclusion for a project instead of the majority, with the reason.
      CREATE TABLE bureau_conclusions (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        conclusion TEXT NOT NULL CHECK (conclusion IN ('approve', 'revise', 'reject')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        set_at TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      -- 保留意见: a member who disagrees with the panel's opinion on a project, and why.
      CREATE TABLE bureau_dissents (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        expert_position INTEGER NOT NULL CHECK (expert_position >= 0),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id, expert_position),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
    `);
  },
};
