// Owns schema version 7: this machine's signing identity (签名身份) with the handwritten signature, and sealed review versions (已签名版本).
import type { Migration } from './migration';

export const migration007: Migration = {
  version: 7,
  name: 'signing',
  up(db) {
    db.exec(`
      -- One identity per machine: the encrypted key and certificate as createIdentity stored them (JSON).
      CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        stored_json TEXT NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        algorithm TEXT NOT NULL CHECK (algorithm IN ('ecdsa-p256', 'sm2')),
        created_at TEXT NOT NULL,
        -- 手写签名: the cleaned transparent PNG, null until drawn or imported.
        signature_png BLOB,
        signature_saved_at TEXT
      ) STRICT;
      -- Append-only: each signing of a completed review freezes it as the next version; old versions stay readable.
      CREATE TABLE review_seals (
        session_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        seal_version INTEGER NOT NULL CHECK (seal_version > 0),
        review_version INTEGER NOT NULL CHECK (review_version > 0),
        review_json TEXT NOT NULL,
        rubric_fingerprint TEXT NOT NULL REFERENCES rubrics(fingerprint),
        chain_head TEXT NOT NULL,
        -- The exact bytes signed (canonical JSON of everything above plus signer and time), and the DER signature over them.
        signed_json TEXT NOT NULL,
        signature BLOB NOT NULL,
        certificate BLOB NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        algorithm TEXT NOT NULL CHECK (algorithm IN ('ecdsa-p256', 'sm2')),
        signed_at TEXT NOT NULL,
        PRIMARY KEY (session_id, project_id, seal_version),
        FOREIGN KEY (session_id, project_id) REFERENCES projects(session_id, id) ON DELETE CASCADE
      ) STRICT;
    `);
  },
};
