// Owns the bureau's received results and the panel's decisions in SQLite: every accepted result file (history kept), the chair's line overrides and conclusion, members' dissents (保留意见), and the panel's own opinion text per section (专家组意见).
import type { Conclusion } from '../../../shared/profile';
import { transaction, type ReadDb, type WriteDb } from './access';

export interface StoredResult {
  id: number;
  sessionId: string;
  expertPosition: number;
  expertName: string;
  fingerprint: string;
  signedAt: string;
  fileSha256: string;
  fileName: string;
  receivedAt: string;
}

const resultColumns = `id, session_id AS sessionId, expert_position AS expertPosition, expert_name AS expertName, fingerprint,
  signed_at AS signedAt, file_sha256 AS fileSha256, file_name AS fileName, received_at AS receivedAt`;

export function insertResult(db: WriteDb, r: Omit<StoredResult, 'id'>, bytes: Uint8Array): void {
  db.prepare(
    `INSERT INTO bureau_results (session_id, expert_position, expert_name, fingerprint, signed_at, file_sha256, file_name, bytes, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.sessionId, r.expertPosition, r.expertName, r.fingerprint, r.signedAt, r.fileSha256, r.fileName, Buffer.from(bytes), r.receivedAt);
}

export function findResultByHash(db: ReadDb, sessionId: string, sha256: string): StoredResult | null {
  return (
    (db.prepare(`SELECT ${resultColumns} FROM bureau_results WHERE session_id = ? AND file_sha256 = ?`).get(sessionId, sha256) as
      StoredResult | undefined) ?? null
  );
}

/**
 * Every submission of the session, oldest signing first per expert (the history of submissions). Signing times are
 * ordered as instants, not as text: `2027-03-01T10:00:00+08:00` is earlier than `2027-03-01T03:00:00Z`.
 */
export function listResults(db: ReadDb, sessionId: string): StoredResult[] {
  const rows = db
    .prepare(`SELECT ${resultColumns} FROM bureau_results WHERE session_id = ? ORDER BY expert_position, id`)
    .all(sessionId) as StoredResult[];
  return rows.sort((a, b) => a.expertPosition - b.expertPosition || Date.parse(a.signedAt) - Date.parse(b.signedAt) || a.id - b.id);
}

/** The result in force for each expert: the latest signed. */
export function currentResults(db: ReadDb, sessionId: string): StoredResult[] {
  const latest = new Map<number, StoredResult>();
  for (const r of listResults(db, sessionId)) latest.set(r.expertPosition, r);
  return [...latest.values()];
}

export function resultBytes(db: ReadDb, id: number): Uint8Array {
  const row = db.prepare(`SELECT bytes FROM bureau_results WHERE id = ?`).get(id) as { bytes: Buffer } | undefined;
  if (!row) throw new Error(`no result ${id}`);
  return new Uint8Array(row.bytes);
}

// ── 待确认: results held until the bureau confirms the signing key ────────────────────────────────────────────────

export function insertPendingResult(db: WriteDb, r: Omit<StoredResult, 'id'>, bytes: Uint8Array): void {
  db.prepare(
    `INSERT INTO bureau_pending_results (session_id, expert_position, expert_name, fingerprint, signed_at, file_sha256, file_name, bytes, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.sessionId, r.expertPosition, r.expertName, r.fingerprint, r.signedAt, r.fileSha256, r.fileName, Buffer.from(bytes), r.receivedAt);
}

/** The held results of the session, per expert oldest signing first (as instants). */
export function listPendingResults(db: ReadDb, sessionId: string): StoredResult[] {
  const rows = db
    .prepare(`SELECT ${resultColumns} FROM bureau_pending_results WHERE session_id = ? ORDER BY expert_position, id`)
    .all(sessionId) as StoredResult[];
  return rows.sort((a, b) => a.expertPosition - b.expertPosition || Date.parse(a.signedAt) - Date.parse(b.signedAt) || a.id - b.id);
}

export function findPendingByHash(db: ReadDb, sessionId: string, sha256: string): StoredResult | null {
  return (
    (db.prepare(`SELECT ${resultColumns} FROM bureau_pending_results WHERE session_id = ? AND file_sha256 = ?`).get(sessionId, sha256) as
      StoredResult | undefined) ?? null
  );
}

export function pendingResultBytes(db: ReadDb, id: number): Uint8Array {
  const row = db.prepare(`SELECT bytes FROM bureau_pending_results WHERE id = ?`).get(id) as { bytes: Buffer } | undefined;
  if (!row) throw new Error(`no pending result ${id}`);
  return new Uint8Array(row.bytes);
}

/** Drops every held result of one expert (the key was confirmed: they are accepted, or refused as another key). */
export function deletePendingOfExpert(db: WriteDb, sessionId: string, expertPosition: number): void {
  db.prepare(`DELETE FROM bureau_pending_results WHERE session_id = ? AND expert_position = ?`).run(sessionId, expertPosition);
}

export function countResults(db: ReadDb, sessionId: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM bureau_results WHERE session_id = ?`).get(sessionId) as { n: number }).n;
}

// ── 组长裁定 and 保留意见 ─────────────────────────────────────────────────────────────────────────────────────────

export interface LineOverrideRow {
  projectId: string;
  lineId: string;
  approvedFen: number;
  reason: string;
  setAt: string;
}

export function setLineOverride(db: WriteDb, sessionId: string, o: LineOverrideRow): void {
  db.prepare(
    `INSERT INTO bureau_line_overrides (session_id, project_id, line_id, approved_fen, reason, set_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (session_id, project_id, line_id) DO UPDATE SET approved_fen = excluded.approved_fen, reason = excluded.reason, set_at = excluded.set_at`,
  ).run(sessionId, o.projectId, o.lineId, o.approvedFen, o.reason, o.setAt);
}

export function clearLineOverride(db: WriteDb, sessionId: string, projectId: string, lineId: string): void {
  db.prepare(`DELETE FROM bureau_line_overrides WHERE session_id = ? AND project_id = ? AND line_id = ?`).run(sessionId, projectId, lineId);
}

export function listLineOverrides(db: ReadDb, sessionId: string): LineOverrideRow[] {
  return db
    .prepare(
      `SELECT project_id AS projectId, line_id AS lineId, approved_fen AS approvedFen, reason, set_at AS setAt FROM bureau_line_overrides WHERE session_id = ? ORDER BY project_id, line_id`,
    )
    .all(sessionId) as LineOverrideRow[];
}

export interface ConclusionRow {
  projectId: string;
  conclusion: Conclusion;
  reason: string;
  setAt: string;
}

export function setConclusionOverride(db: WriteDb, sessionId: string, c: ConclusionRow): void {
  db.prepare(
    `INSERT INTO bureau_conclusions (session_id, project_id, conclusion, reason, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id, project_id) DO UPDATE SET conclusion = excluded.conclusion, reason = excluded.reason, set_at = excluded.set_at`,
  ).run(sessionId, c.projectId, c.conclusion, c.reason, c.setAt);
}

export function clearConclusionOverride(db: WriteDb, sessionId: string, projectId: string): void {
  db.prepare(`DELETE FROM bureau_conclusions WHERE session_id = ? AND project_id = ?`).run(sessionId, projectId);
}

export function listConclusionOverrides(db: ReadDb, sessionId: string): ConclusionRow[] {
  return db
    .prepare(
      `SELECT project_id AS projectId, conclusion, reason, set_at AS setAt FROM bureau_conclusions WHERE session_id = ? ORDER BY project_id`,
    )
    .all(sessionId) as ConclusionRow[];
}

export interface DissentRow {
  projectId: string;
  expertPosition: number;
  reason: string;
  recordedAt: string;
}

export function setDissent(db: WriteDb, sessionId: string, d: DissentRow): void {
  db.prepare(
    `INSERT INTO bureau_dissents (session_id, project_id, expert_position, reason, recorded_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id, project_id, expert_position) DO UPDATE SET reason = excluded.reason, recorded_at = excluded.recorded_at`,
  ).run(sessionId, d.projectId, d.expertPosition, d.reason, d.recordedAt);
}

export function clearDissent(db: WriteDb, sessionId: string, projectId: string, expertPosition: number): void {
  db.prepare(`DELETE FROM bureau_dissents WHERE session_id = ? AND project_id = ? AND expert_position = ?`).run(
    sessionId,
    projectId,
    expertPosition,
  );
}

export function listDissents(db: ReadDb, sessionId: string): DissentRow[] {
  return db
    .prepare(
      `SELECT project_id AS projectId, expert_position AS expertPosition, reason, recorded_at AS recordedAt FROM bureau_dissents WHERE session_id = ? ORDER BY project_id, expert_position`,
    )
    .all(sessionId) as DissentRow[];
}

// ── 专家组意见 (the panel's own wording per section) ─────────────────────────────────────────────────────────────

export interface PanelTextRow {
  projectId: string;
  /** 'overall', 'dimension:<id>' or 'chapter:<id>'. */
  section: string;
  text: string;
  version: number;
  savedBy: string;
  savedAt: string;
}

const panelTextColumns = `project_id AS projectId, section, text, version, saved_by AS savedBy, saved_at AS savedAt`;

export function listPanelTexts(db: ReadDb, sessionId: string, projectId: string | null = null): PanelTextRow[] {
  return db
    .prepare(
      `SELECT ${panelTextColumns} FROM bureau_panel_texts WHERE session_id = ? AND (? IS NULL OR project_id = ?) ORDER BY project_id, section`,
    )
    .all(sessionId, projectId, projectId) as PanelTextRow[];
}

/** Stores the section's text as version `baseVersion + 1` when the stored one is `baseVersion` (0: none yet); false when another save came first. */
export function savePanelText(db: WriteDb, sessionId: string, row: Omit<PanelTextRow, 'version'>, baseVersion: number): boolean {
  return transaction(db, () => {
    const held = db
      .prepare(`SELECT version FROM bureau_panel_texts WHERE session_id = ? AND project_id = ? AND section = ?`)
      .get(sessionId, row.projectId, row.section) as { version: number } | undefined;
    if ((held?.version ?? 0) !== baseVersion) return false;
    db.prepare(
      `INSERT INTO bureau_panel_texts (session_id, project_id, section, text, version, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, project_id, section) DO UPDATE SET text = excluded.text, version = excluded.version, saved_by = excluded.saved_by, saved_at = excluded.saved_at`,
    ).run(sessionId, row.projectId, row.section, row.text, baseVersion + 1, row.savedBy, row.savedAt);
    return true;
  });
}
