// Owns schema version 1: imported sessions, experts, projects, documents, budget lines, reading positions, UI state.
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,               -- the package's packageId
        manifest_sha256 TEXT NOT NULL,
        format_version INTEGER NOT NULL,
        issuer TEXT NOT NULL,
        jurisdiction TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT NOT NULL,
        location TEXT NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        manifest_json TEXT NOT NULL        -- kept whole so later versions can read fields this one ignores
      ) STRICT;
      CREATE TABLE experts (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        employer TEXT NOT NULL,
        fingerprint TEXT,
        is_chair INTEGER NOT NULL CHECK (is_chair IN (0, 1)),
        PRIMARY KEY (session_id, position)
      ) STRICT;
      CREATE TABLE projects (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        applicant TEXT NOT NULL,
        supervisor TEXT,
        type TEXT NOT NULL,
        total_investment_fen INTEGER NOT NULL,
        funding_source TEXT NOT NULL,
        period_months INTEGER,
        in_annual_plan INTEGER NOT NULL CHECK (in_annual_plan IN (0, 1)),
        summary TEXT NOT NULL,
        PRIMARY KEY (session_id, id)
      ) STRICT;
      CREATE TABLE documents (
        key INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        UNIQUE (session_id, project_id, id),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE TABLE budget_lines (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        quantity REAL NOT NULL,
        unit TEXT NOT NULL,
        unit_price_fen INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        note TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id, id),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE TABLE reading_positions (
        document_key INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
        position_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE recent_packages (
        path TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        opened_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE ui_state (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
