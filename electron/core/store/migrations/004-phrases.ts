// Owns schema version 4: the expert's personal phrase library (个人常用评审意见), ordered by position.
import type { Migration } from './migration';

export const migration004: Migration = {
  version: 4,
  name: 'phrases',
  up(db) {
    db.exec(`
      -- "group" is a dimension id, chapter.<required-chapter id>, investment or overall (shared/phrases.ts).
      CREATE TABLE phrases (
        id INTEGER PRIMARY KEY,
        "group" TEXT NOT NULL CHECK (length("group") > 0),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX phrases_by_position ON phrases (position, id);
    `);
  },
};
