// Owns schema version 15: results held for the bureau to confirm the signing key (待确认), when the roster registers no fingerprint for the expert; and the bureau machine's archive key (归档签名密钥).
import type { Migration } from './migration';

export const migration015: Migration = {
  version: 15,
  name: 'pending-results',
  up(db) {
    db.exec(`
      -- A verified result whose signer the roster names without a fingerprint, from a key not yet bound to that expert:
      -- held until the bureau confirms the key's fingerprint with the expert (bureau.results.confirmKey), then moved to
      -- bureau_results; the first key seen for a name is never trusted silently.
      CREATE TABLE bureau_pending_results (
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
        UNIQUE (session_id, file_sha256)
      ) STRICT;
      -- The key this bureau machine signs its archives' index.json with (bureau/archive.ts): made at the first archive
      -- export, one per machine. Kept unencrypted, like the database it guards: whoever can write this folder can change
      -- the decisions directly; the key proves that an archive carried elsewhere was not changed after it left.
      CREATE TABLE bureau_archive_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        algorithm TEXT NOT NULL,
        private_key BLOB NOT NULL,
        certificate BLOB NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
