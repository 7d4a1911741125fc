// Owns the expert's reviews in SQLite: the stored review with its version, the rubrics they name, and the append-only history of every change.
//
// A save is one transaction: the version check, the new row and one history row per changed leaf field. Leaves are
// primitives, nulls and arrays, keyed by their dotted path (`dimensions.necessity.scores.n1`).
import type { Review, ReviewHistoryEntry, RubricInForce } from '../../../shared/scoring';
import { rubricInForceSchema } from '../../../shared/scoring';
import { AppError } from '../kernel/errors';
import { transaction, type ReadDb, type WriteDb } from './access';
import { recordProfile, type ProfileRecord } from './profilesInForce';

/** The one expert of this machine until expert profiles exist (issue 3, workflow step 1). */
export const localExpertId = 'local';

export interface StoredReview {
  review: Review;
  version: number;
  savedAt: string;
  completedAt: string | null;
}

/** A save that named a version other than the stored one: someone else saved first. */
export class StaleReviewError extends AppError {
  constructor(readonly storedVersion: number) {
    super('stale-version', `评审记录已在别处更新（当前版本 ${storedVersion}），本次修改未保存。请刷新后再改。`);
    this.name = 'StaleReviewError';
  }
}

interface ReviewRow {
  review_json: string;
  version: number;
  saved_at: string;
  completed_at: string | null;
}

export function loadReview(db: ReadDb, sessionId: string, projectId: string): StoredReview | null {
  const row = db
    .prepare(`SELECT review_json, version, saved_at, completed_at FROM reviews WHERE session_id = ? AND project_id = ?`)
    .get(sessionId, projectId) as ReviewRow | undefined;
  return row
    ? { review: JSON.parse(row.review_json) as Review, version: row.version, savedAt: row.saved_at, completedAt: row.completed_at }
    : null;
}

export function loadRubric(db: ReadDb, fingerprint: string): RubricInForce | null {
  const row = db.prepare(`SELECT rubric_json FROM rubrics WHERE fingerprint = ?`).get(fingerprint) as { rubric_json: string } | undefined;
  return row ? rubricInForceSchema.parse(JSON.parse(row.rubric_json)) : null;
}

/** Path → value of every leaf (primitive, null or array) of a JSON value: the keys of review history rows. */
export function leaves(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

function appendHistory(
  db: WriteDb,
  sessionId: string,
  projectId: string,
  at: string,
  field: string,
  before: string | null,
  after: string | null,
  kind: ReviewHistoryEntry['kind'],
): void {
  db.prepare(
    `INSERT INTO review_history (session_id, project_id, expert_id, at, field, before_json, after_json, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(sessionId, projectId, localExpertId, at, field, before, after, kind);
}

function checkVersion(current: StoredReview | null, baseVersion: number): void {
  const stored = current?.version ?? 0;
  if (stored !== baseVersion) throw new StaleReviewError(stored);
}

/**
 * Saves the review as version baseVersion + 1 with a history row per changed field; returns the new version.
 * `blank` is what an unsaved review stands for (the empty form), so a first save records only what was typed.
 */
export function saveReview(
  db: WriteDb,
  sessionId: string,
  projectId: string,
  review: Review,
  blank: Review,
  rubric: RubricInForce,
  baseVersion: number,
  at: string,
  /** The jurisdiction profile in force, recorded with the review (profilesInForce.ts). */
  profile?: { record: ProfileRecord; json: string },
): number {
  return transaction(db, () => {
    const current = loadReview(db, sessionId, projectId);
    checkVersion(current, baseVersion);
    const before = leaves(current?.review ?? blank);
    const after = leaves(review);
    // An absent leaf reads as null, so a null that became an object (a first 回避声明) is not itself a change.
    for (const field of new Set([...before.keys(), ...after.keys()])) {
      const b = before.get(field) ?? 'null';
      const a = after.get(field) ?? 'null';
      if (b !== a) appendHistory(db, sessionId, projectId, at, field, b, a, 'edit');
    }
    db.prepare(`INSERT OR IGNORE INTO rubrics (fingerprint, rubric_json) VALUES (?, ?)`).run(rubric.fingerprint, JSON.stringify(rubric));
    if (profile) recordProfile(db, profile.record, profile.json);
    db.prepare(
      `INSERT INTO reviews (session_id, project_id, expert_id, review_json, rubric_fingerprint, version, saved_at, completed_at, profile_fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT (session_id, project_id) DO UPDATE SET review_json = excluded.review_json, version = excluded.version, saved_at = excluded.saved_at,
         profile_fingerprint = COALESCE(excluded.profile_fingerprint, reviews.profile_fingerprint)`,
    ).run(
      sessionId,
      projectId,
      localExpertId,
      JSON.stringify(review),
      rubric.fingerprint,
      baseVersion + 1,
      at,
      profile?.record.fingerprint ?? null,
    );
    return baseVersion + 1;
  });
}

/** Marks the stored review complete (at) or reopens it (null), recording why; bumps the version. */
export function setCompleted(db: WriteDb, sessionId: string, projectId: string, at: string, completed: boolean, reason: string): void {
  transaction(db, () => {
    const current = loadReview(db, sessionId, projectId);
    if (!current) throw new Error('no stored review to complete or reopen');
    db.prepare(`UPDATE reviews SET completed_at = ?, version = version + 1, saved_at = ? WHERE session_id = ? AND project_id = ?`).run(
      completed ? at : null,
      at,
      sessionId,
      projectId,
    );
    appendHistory(
      db,
      sessionId,
      projectId,
      at,
      'completedAt',
      JSON.stringify(current.completedAt),
      JSON.stringify(completed ? at : null),
      completed ? 'complete' : 'reopen',
    );
    if (reason) appendHistory(db, sessionId, projectId, at, 'reopenReason', null, JSON.stringify(reason), 'reopen');
  });
}

/** Every change, oldest first. */
export function reviewHistory(db: ReadDb, sessionId: string, projectId: string): ReviewHistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT at, expert_id AS expertId, field, before_json AS beforeJson, after_json AS afterJson, kind FROM review_history
       WHERE session_id = ? AND project_id = ? ORDER BY id`,
    )
    .all(sessionId, projectId) as (Omit<ReviewHistoryEntry, 'before' | 'after'> & {
    beforeJson: string | null;
    afterJson: string | null;
  })[];
  return rows.map(({ beforeJson, afterJson, ...r }) => ({
    ...r,
    before: beforeJson === null ? null : JSON.parse(beforeJson),
    after: afterJson === null ? null : JSON.parse(afterJson),
  }));
}
