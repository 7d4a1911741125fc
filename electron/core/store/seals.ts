// Owns sealed review versions (已签名版本) in SQLite: each signing of a completed review appends the next frozen version; none is ever changed.
import type { SignatureAlgorithmName } from '../../../shared/signing';
import type { ReadDb, WriteDb } from './access';

export interface SealRecord {
  sessionId: string;
  projectId: string;
  sealVersion: number;
  reviewVersion: number;
  reviewJson: string;
  rubricFingerprint: string;
  chainHead: string;
  /** The exact text whose UTF-8 bytes were signed. */
  signedJson: string;
  signature: Uint8Array;
  certificate: Uint8Array;
  signerFingerprint: string;
  algorithm: SignatureAlgorithmName;
  signedAt: string;
}

// sessionId is the spelling the seal signed where it differs from the column only in case (migration 018 lower-cased
// session ids; signed bytes are never rewritten), so a seal made before still verifies and one moved elsewhere does not.
const columns = `CASE WHEN lower(json_extract(signed_json, '$.sessionId')) = session_id THEN json_extract(signed_json, '$.sessionId')
  ELSE session_id END AS sessionId, project_id AS projectId, seal_version AS sealVersion, review_version AS reviewVersion, review_json AS reviewJson,
  rubric_fingerprint AS rubricFingerprint, chain_head AS chainHead, signed_json AS signedJson, signature, certificate,
  signer_fingerprint AS signerFingerprint, algorithm, signed_at AS signedAt`;

function fromRow(row: SealRecord & { signature: Buffer; certificate: Buffer }): SealRecord {
  return { ...row, signature: new Uint8Array(row.signature), certificate: new Uint8Array(row.certificate) };
}

/** Every sealed version of a project's review, oldest first. */
export function listSeals(db: ReadDb, sessionId: string, projectId: string): SealRecord[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM review_seals WHERE session_id = ? AND project_id = ? ORDER BY seal_version`)
    .all(sessionId, projectId);
  return (rows as (SealRecord & { signature: Buffer; certificate: Buffer })[]).map(fromRow);
}

export function latestSeal(db: ReadDb, sessionId: string, projectId: string): SealRecord | null {
  const row = db
    .prepare(`SELECT ${columns} FROM review_seals WHERE session_id = ? AND project_id = ? ORDER BY seal_version DESC LIMIT 1`)
    .get(sessionId, projectId);
  return row ? fromRow(row as SealRecord & { signature: Buffer; certificate: Buffer }) : null;
}

/** The version number the next seal of this project will get. */
export function nextSealVersion(db: ReadDb, sessionId: string, projectId: string): number {
  const row = db
    .prepare(`SELECT COALESCE(MAX(seal_version), 0) + 1 AS next FROM review_seals WHERE session_id = ? AND project_id = ?`)
    .get(sessionId, projectId) as { next: number };
  return row.next;
}

/** Appends a seal; its version must be the next one (a concurrent signing of the same project fails on the primary key). */
export function appendSeal(db: WriteDb, s: SealRecord): void {
  db.prepare(
    `INSERT INTO review_seals (session_id, project_id, seal_version, review_version, review_json, rubric_fingerprint, chain_head, signed_json, signature, certificate, signer_fingerprint, algorithm, signed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.sessionId,
    s.projectId,
    s.sealVersion,
    s.reviewVersion,
    s.reviewJson,
    s.rubricFingerprint,
    s.chainHead,
    s.signedJson,
    Buffer.from(s.signature),
    Buffer.from(s.certificate),
    s.signerFingerprint,
    s.algorithm,
    s.signedAt,
  );
}
