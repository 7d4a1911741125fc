// Owns the bureau machine's archive key (归档签名密钥) in SQLite: one row, made at the first archive export (migration 015).
import type { ReadDb, WriteDb } from './access';

export interface ArchiveKeyRow {
  algorithm: string;
  /** PKCS#8 DER (P-256) or the raw SM2 key, as the signing domain's key pair holds it. */
  privateKey: Uint8Array;
  /** DER X.509, self-signed. */
  certificate: Uint8Array;
  fingerprint: string;
  createdAt: string;
}

export function loadArchiveKey(db: ReadDb): ArchiveKeyRow | null {
  const row = db
    .prepare(
      `SELECT algorithm, private_key AS privateKey, certificate, fingerprint, created_at AS createdAt FROM bureau_archive_key WHERE id = 1`,
    )
    .get() as { algorithm: string; privateKey: Buffer; certificate: Buffer; fingerprint: string; createdAt: string } | undefined;
  return row ? { ...row, privateKey: new Uint8Array(row.privateKey), certificate: new Uint8Array(row.certificate) } : null;
}

/** Stores the key unless one exists already; answers the key in force. */
export function saveArchiveKey(db: WriteDb, key: ArchiveKeyRow): ArchiveKeyRow {
  db.prepare(
    `INSERT INTO bureau_archive_key (id, algorithm, private_key, certificate, fingerprint, created_at) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(key.algorithm, Buffer.from(key.privateKey), Buffer.from(key.certificate), key.fingerprint, key.createdAt);
  return loadArchiveKey(db)!;
}
