// Owns schema version 10: the panel's own opinion text (专家组意见) of a project, per section (a dimension, a required chapter, or the overall opinion), with who saved it and when.
import type { Migration } from './migration';

export const migration010: Migration = {
  version: 10,
  name: 'panel-opinion-text',
  up(db) {
    db.exec(`
      -- The chair's collective wording for one section of a project's panel opinion; the documents print it instead of
      -- the members' opinions. section: 'overall', 'dimension:<id>' or 'chapter:<id>'. version counts the saves.
      CREATE TABLE bureau_panel_texts (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        section TEXT NOT NULL CHECK (section = 'overall' OR section GLOB 'dimension:?*' OR section GLOB 'chapter:?*'),
        text TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id, section),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
    `);
  },
};
