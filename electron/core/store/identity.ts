// Owns this machine's one signing identity (签名身份) in SQLite: the stored (encrypted) identity JSON and the handwritten signature PNG (手写签名); and per session, the roster entry the expert confirmed (名单核对) and the sealed versions exported (已导出).
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

/** 名单核对 of one session: the roster position confirmed (null: the package has no roster) and the name then. */
export interface RosterChoice {
  position: number | null;
  name: string;
  confirmedAt: string;
}

export function loadRosterChoice(db: ReadDb, sessionId: string): RosterChoice | null {
  const row = db
    .prepare(
      `SELECT expert_position AS position, expert_name AS name, confirmed_at AS confirmedAt FROM session_roster_choice WHERE session_id = ?`,
    )
    .get(sessionId);
  return (row as RosterChoice | undefined) ?? null;
}

/** Records (or replaces) the expert's confirmed roster entry for a session. */
export function saveRosterChoice(db: WriteDb, sessionId: string, choice: RosterChoice): void {
  db.prepare(
    `INSERT INTO session_roster_choice (session_id, expert_position, expert_name, confirmed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (session_id) DO UPDATE SET expert_position = excluded.expert_position, expert_name = excluded.expert_name, confirmed_at = excluded.confirmed_at`,
  ).run(sessionId, choice.position, choice.name, choice.confirmedAt);
}

/** Notes that these sealed versions were written into an export at `at` (已导出). */
export function recordExport(db: WriteDb, sessionId: string, seals: { projectId: string; sealVersion: number }[], at: string): void {
  const insert = db.prepare(`INSERT OR IGNORE INTO signed_exports (session_id, project_id, seal_version, exported_at) VALUES (?, ?, ?, ?)`);
  for (const s of seals) insert.run(sessionId, s.projectId, s.sealVersion, at);
}

/** Whether this sealed version of a project has gone out in an export. */
export function wasExported(db: ReadDb, sessionId: string, projectId: string, sealVersion: number): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM signed_exports WHERE session_id = ? AND project_id = ? AND seal_version = ?`)
      .get(sessionId, projectId, sealVersion) !== undefined
  );
}
