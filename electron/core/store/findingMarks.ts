// Owns the expert's marks on pre-check findings (不适用 / 已核实): an append-only log whose newest row per rule is in force.
import type { FindingMark } from '../../../shared/precheck';
import type { ReadDb, WriteDb } from './access';

export interface MarkEntry {
  mark: FindingMark | null;
  note: string;
  markedAt: string;
}

export function appendFindingMark(db: WriteDb, sessionId: string, projectId: string, ruleId: string, entry: MarkEntry): void {
  db.prepare(`INSERT INTO finding_marks (session_id, project_id, rule_id, mark, note, marked_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    sessionId,
    projectId,
    ruleId,
    entry.mark,
    entry.note,
    entry.markedAt,
  );
}

/** Per rule: the mark in force (null when never marked or cleared) and every entry, newest first. */
export function findingMarksOf(
  db: ReadDb,
  sessionId: string,
  projectId: string,
): Map<string, { current: MarkEntry | null; history: MarkEntry[] }> {
  const rows = db
    .prepare(
      `SELECT rule_id AS ruleId, mark, note, marked_at AS markedAt FROM finding_marks WHERE session_id = ? AND project_id = ? ORDER BY id DESC`,
    )
    .all(sessionId, projectId) as (MarkEntry & { ruleId: string })[];
  const byRule = new Map<string, { current: MarkEntry | null; history: MarkEntry[] }>();
  for (const { ruleId, ...entry } of rows) {
    const slot = byRule.get(ruleId) ?? { current: entry.mark === null ? null : entry, history: [] };
    slot.history.push(entry);
    byRule.set(ruleId, slot);
  }
  return byRule;
}
