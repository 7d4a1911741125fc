// Owns schema version 13: the jurisdiction profile in force (执行的辖区规则配置), recorded with every review and every generated document.
import type { Migration } from './migration';

export const migration013: Migration = {
  version: 13,
  name: 'profiles-in-force',
  up(db) {
    db.exec(`
      -- A resolved profile, stored once per fingerprint (SHA-256 of its RFC 8785 canonical JSON), like the rubrics: a
      -- review or a document keeps naming the rules it was made under when an app update or a new package changes them.
      CREATE TABLE profiles_in_force (
        fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
        profile_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        profile_json TEXT NOT NULL
      ) STRICT;
      -- The profile in force at the review's latest save; NULL for reviews saved before this version.
      ALTER TABLE reviews ADD COLUMN profile_fingerprint TEXT REFERENCES profiles_in_force(fingerprint);
      -- The profile the document was generated under; NULL for documents generated before this version.
      ALTER TABLE generated_documents ADD COLUMN profile_fingerprint TEXT REFERENCES profiles_in_force(fingerprint);
    `);
  },
};
