// Owns schema version 6: edited versions of built-in templates (模板版本), the bureau's uploaded .docx templates, and the record of every generated document (生成文书).
import type { Migration } from './migration';

export const migration006: Migration = {
  version: 6,
  name: 'templates',
  up(db) {
    db.exec(`
      CREATE TABLE template_versions (
        template_id TEXT NOT NULL CHECK (length(template_id) > 0),
        version INTEGER NOT NULL CHECK (version > 0),
        json TEXT NOT NULL,
        edited_at TEXT NOT NULL,
        based_on INTEGER NOT NULL CHECK (based_on > 0 AND based_on < version),
        PRIMARY KEY (template_id, version)
      ) STRICT;
      CREATE TABLE docx_templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        version INTEGER NOT NULL CHECK (version > 0),
        bytes BLOB NOT NULL,
        placeholders_json TEXT NOT NULL,
        uploaded_at TEXT NOT NULL,
        UNIQUE (name, version)
      ) STRICT;
      CREATE TABLE generated_documents (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        project_id TEXT,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL CHECK (template_version > 0),
        format TEXT NOT NULL CHECK (format IN ('docx', 'pdf', 'xlsx', 'csv')),
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        created_at TEXT NOT NULL,
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX generated_documents_session ON generated_documents(session_id, created_at);
    `);
  },
};
