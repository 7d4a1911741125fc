// Owns schema version 16: recognised text (OCR) of scanned pages and image files, with word boxes, cached per document hash.
import type { Migration } from './migration';

export const migration016: Migration = {
  version: 16,
  name: 'ocr-pages',
  up(db) {
    db.exec(`
      -- Keyed by the file's SHA-256 (documents.sha256), not by a session's document: a scan that comes back in the next
      -- package, or in two projects, is recognised once. engine names the models and pipeline version that produced the
      -- row, so a new model recognises again instead of serving old text.
      CREATE TABLE ocr_pages (
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        page INTEGER NOT NULL CHECK (page >= 1),
        engine TEXT NOT NULL,
        -- ok: text (possibly empty: a blank page) and boxes; failed: error says why, in the words the expert reads.
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        text TEXT NOT NULL,
        boxes_json TEXT NOT NULL,
        confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        error TEXT,
        recognised_at TEXT NOT NULL,
        PRIMARY KEY (sha256, page, engine)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
