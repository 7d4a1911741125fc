// Owns this machine's one signing identity (签名身份) in SQLite: the stored (encrypted) identity JSON and the handwritten signature PNG (手写签名).
import type { SignatureAlgorithmName } from '../../../shared/signing';
import type { ReadDb, WriteDb } from './access';

export interface IdentityRow {
  /** The identity exactly as createIdentity returned it (the private key inside is encrypted under the passphrase). */
  storedJson: string;
  fingerprint: string;
  algorithm: SignatureAlgorithmName;
  createdAt: string;
  signaturePng: Uint8Array | null;
}

export function loadIdentity(db: ReadDb): IdentityRow | null {
  const row = db
    .prepare(
      `SELECT stored_json AS storedJson, fingerprint, algorithm, created_at AS createdAt, signature_png AS signaturePng FROM signing_identity WHERE id = 1`,
    )
    .get() as (Omit<IdentityRow, 'signaturePng'> & { signaturePng: Buffer | null }) | undefined;
  if (!row) return null;
  return { ...row, signaturePng: row.signaturePng ? new Uint8Array(row.signaturePng) : null };
}

/** Stores a new identity in place of any earlier one; the handwritten signature is kept (it is the same person's hand). */
export function saveIdentity(
  db: WriteDb,
  storedJson: string,
  fingerprint: string,
  algorithm: SignatureAlgorithmName,
  createdAt: string,
): void {
  db.prepare(
    `INSERT INTO signing_identity (id, stored_json, fingerprint, algorithm, created_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET stored_json = excluded.stored_json, fingerprint = excluded.fingerprint, algorithm = excluded.algorithm, created_at = excluded.created_at`,
  ).run(storedJson, fingerprint, algorithm, createdAt);
}

/** Saves the cleaned signature image; false when there is no identity to attach it to. */
export function saveSignatureImage(db: WriteDb, png: Uint8Array, at: string): boolean {
  return (
    db.prepare(`UPDATE signing_identity SET signature_png = ?, signature_saved_at = ? WHERE id = 1`).run(Buffer.from(png), at).changes === 1
  );
}
