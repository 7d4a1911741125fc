// Owns the frozen panel opinions (专家组意见定稿) and the members' signatures over them in SQLite.
import { transaction, type ReadDb, type WriteDb } from './access';

export interface FrozenOpinion {
  sessionId: string;
  projectId: string;
  fileName: string;
  sha256: string;
  createdAt: string;
  frozenAt: string;
}

export interface StoredPanelSignature {
  projectId: string;
  expertPosition: number;
  expertName: string;
  fingerprint: string;
  signedAt: string;
  sigSha256: string;
  fileName: string;
  receivedAt: string;
}

const opinionColumns = `session_id AS sessionId, project_id AS projectId, file_name AS fileName, sha256, created_at AS createdAt, frozen_at AS frozenAt`;
const signatureColumns = `project_id AS projectId, expert_position AS expertPosition, expert_name AS expertName, fingerprint, signed_at AS signedAt,
  sig_sha256 AS sigSha256, file_name AS fileName, received_at AS receivedAt`;

export function insertFrozenOpinion(db: WriteDb, o: FrozenOpinion, bytes: Uint8Array): void {
  db.prepare(
    `INSERT INTO bureau_panel_opinions (session_id, project_id, file_name, bytes, sha256, created_at, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.sessionId, o.projectId, o.fileName, Buffer.from(bytes), o.sha256, o.createdAt, o.frozenAt);
}

export function listFrozenOpinions(db: ReadDb, sessionId: string): FrozenOpinion[] {
  return db
    .prepare(`SELECT ${opinionColumns} FROM bureau_panel_opinions WHERE session_id = ? ORDER BY project_id`)
    .all(sessionId) as FrozenOpinion[];
}

export function findFrozenOpinion(db: ReadDb, sessionId: string, projectId: string): FrozenOpinion | null {
  return (
    (db.prepare(`SELECT ${opinionColumns} FROM bureau_panel_opinions WHERE session_id = ? AND project_id = ?`).get(sessionId, projectId) as
      FrozenOpinion | undefined) ?? null
  );
}

export function frozenOpinionBytes(db: ReadDb, sessionId: string, projectId: string): Uint8Array {
  const row = db.prepare(`SELECT bytes FROM bureau_panel_opinions WHERE session_id = ? AND project_id = ?`).get(sessionId, projectId) as
    { bytes: Buffer } | undefined;
  if (!row) throw new Error(`no frozen opinion ${sessionId}/${projectId}`);
  return new Uint8Array(row.bytes);
}

/** Drops the frozen opinion and every signature collected over it. */
export function deleteFrozenOpinion(db: WriteDb, sessionId: string, projectId: string): void {
  transaction(db, () => {
    db.prepare(`DELETE FROM bureau_panel_signatures WHERE session_id = ? AND project_id = ?`).run(sessionId, projectId);
    db.prepare(`DELETE FROM bureau_panel_opinions WHERE session_id = ? AND project_id = ?`).run(sessionId, projectId);
  });
}

export function insertPanelSignature(db: WriteDb, sessionId: string, s: StoredPanelSignature, bytes: Uint8Array): void {
  db.prepare(
    `INSERT INTO bureau_panel_signatures (session_id, project_id, expert_position, expert_name, fingerprint, signed_at, sig_sha256, file_name, bytes, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sessionId,
    s.projectId,
    s.expertPosition,
    s.expertName,
    s.fingerprint,
    s.signedAt,
    s.sigSha256,
    s.fileName,
    Buffer.from(bytes),
    s.receivedAt,
  );
}

/** The signatures received over the session's frozen opinions, by project then roster position. */
export function listPanelSignatures(db: ReadDb, sessionId: string): StoredPanelSignature[] {
  return db
    .prepare(`SELECT ${signatureColumns} FROM bureau_panel_signatures WHERE session_id = ? ORDER BY project_id, expert_position`)
    .all(sessionId) as StoredPanelSignature[];
}

/** The `.sig.json` bytes of a member's accepted signature, as received. */
export function panelSignatureBytes(db: ReadDb, sessionId: string, projectId: string, expertPosition: number): Uint8Array {
  const row = db
    .prepare(`SELECT bytes FROM bureau_panel_signatures WHERE session_id = ? AND project_id = ? AND expert_position = ?`)
    .get(sessionId, projectId, expertPosition) as { bytes: Buffer } | undefined;
  if (!row) throw new Error(`no panel signature ${sessionId}/${projectId}/${expertPosition}`);
  return new Uint8Array(row.bytes);
}
