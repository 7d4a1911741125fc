// Owns schema version 2: extracted document text per page, its FTS5 index, and the expert's marks on pre-check findings.
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: 'document-text',
  up(db) {
    db.exec(`
      CREATE TABLE document_texts (
        document_key INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'unsupported')),
        error TEXT,
        headings_json TEXT NOT NULL,
        extracted_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE document_pages (
        id INTEGER PRIMARY KEY,
        document_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        page INTEGER NOT NULL,
        text TEXT NOT NULL,
        -- The text with line wraps inside Chinese sentences joined, so a phrase that crosses a wrap is still found.
        search_text TEXT NOT NULL,
        UNIQUE (document_key, page)
      ) STRICT;
      -- Trigram tokens find any substring of three or more characters: Chinese has no spaces between words.
      CREATE VIRTUAL TABLE document_pages_fts USING fts5(search_text, content = 'document_pages', content_rowid = 'id', tokenize = 'trigram');
      CREATE TRIGGER document_pages_ai AFTER INSERT ON document_pages BEGIN
        INSERT INTO document_pages_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;
      CREATE TRIGGER document_pages_ad AFTER DELETE ON document_pages BEGIN
        INSERT INTO document_pages_fts (document_pages_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;
      -- 不适用 / 已核实: append-only, the newest row per finding is in force; older rows are its history.
      CREATE TABLE finding_marks (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        mark TEXT CHECK (mark IN ('not-applicable', 'verified')),
        note TEXT NOT NULL,
        marked_at TEXT NOT NULL,
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX finding_marks_by_rule ON finding_marks (session_id, project_id, rule_id, id);
    `);
  },
};
