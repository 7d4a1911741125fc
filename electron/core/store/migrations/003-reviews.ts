// Owns schema version 3: the expert's reviews (评审记录), the rubrics they were scored against, and their change history.
import type { Migration } from './migration';

export const migration003: Migration = {
  version: 3,
  name: 'reviews',
  up(db) {
    db.exec(`
      -- 执行的评分标准: stored once per fingerprint, so a review keeps its meaning when a profile or package changes.
      CREATE TABLE rubrics (
        fingerprint TEXT PRIMARY KEY,
        rubric_json TEXT NOT NULL
      ) STRICT;
      -- One expert per machine: expert_id is 'local' until expert profiles land; it is kept so rows say who.
      CREATE TABLE reviews (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        expert_id TEXT NOT NULL,
        review_json TEXT NOT NULL,
        rubric_fingerprint TEXT NOT NULL REFERENCES rubrics(fingerprint),
        version INTEGER NOT NULL CHECK (version > 0),
        saved_at TEXT NOT NULL,
        completed_at TEXT,
        PRIMARY KEY (session_id, project_id),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      -- Append-only: one row per changed leaf field of a save, and one per completion or reopening.
      CREATE TABLE review_history (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        expert_id TEXT NOT NULL,
        at TEXT NOT NULL,
        field TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'complete', 'reopen')),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX review_history_by_project ON review_history (session_id, project_id, id);
    `);
  },
};
