// Owns schema version 9: the frozen panel opinions (专家组意见定稿) of a session's projects and the members' detached signatures over them (专家组成员签署).
import type { Migration } from './migration';

export const migration009: Migration = {
  version: 9,
  name: 'panel-signatures',
  up(db) {
    db.exec(`
      -- The panel opinion PDF of a project as fixed for signing: rendered once, bytes kept whole; every member signs these bytes.
      CREATE TABLE bureau_panel_opinions (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        bytes BLOB NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        -- The document's own date (meta.createdAt), fixed with the freeze so the render is reproducible.
        created_at TEXT NOT NULL,
        frozen_at TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      -- One member's .sig.json over the frozen opinion, as received; dropped with the opinion when it is unfrozen.
      CREATE TABLE bureau_panel_signatures (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        expert_position INTEGER NOT NULL CHECK (expert_position >= 0),
        expert_name TEXT NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        signed_at TEXT NOT NULL,
        sig_sha256 TEXT NOT NULL CHECK (length(sig_sha256) = 64),
        file_name TEXT NOT NULL,
        bytes BLOB NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id, expert_position),
        FOREIGN KEY (session_id, project_id) REFERENCES bureau_panel_opinions(session_id, project_id) ON DELETE CASCADE
      ) STRICT;
    `);
  },
};
