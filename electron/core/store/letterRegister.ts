// Owns the bureau's 发文登记 in SQLite (migration 014): one 文号 per issued letter, taken in order per prefix and year, kept
// when the same letter is issued again; and the bureau's letter settings (发文机关标志, 文号 prefix, 抄送).
//
// A number is taken by one INSERT … SELECT MAX(serial) + 1 statement: SQLite takes the write lock before the statement
// reads, so two issues — two calls in one process or two processes on one database — cannot read the same maximum, and
// UNIQUE (prefix, year, serial) and UNIQUE (number) refuse a second letter on a number whatever happens.
import { transaction, type ReadDb, type WriteDb } from './access';

export interface LetterEntry {
  id: number;
  /** 机关代字 + 类别, e.g. 武数据评. */
  prefix: string;
  year: number;
  serial: number;
  /** As printed: 武数据评〔2027〕1号. */
  number: string;
  sessionId: string;
  projectId: string;
  /** The letter's template id (opinion-letter). */
  letterKind: string;
  sessionTitle: string;
  projectName: string;
  /** 成文日期, YYYY-MM-DD. */
  dated: string;
  /** 签发时间 of the latest issue (ISO 8601), and of the first. */
  issuedAt: string;
  firstIssuedAt: string;
}

/** 文号 as GB/T 9704 7.2.4 prints it: 机关代字〔年份〕序号号 with hexagonal brackets and no leading zeros. */
export const letterNumber = (prefix: string, year: number, serial: number) => `${prefix}〔${year}〕${serial}号`;

const columns = `id, prefix, year, serial, number, session_id AS sessionId, project_id AS projectId, letter_kind AS letterKind,
  session_title AS sessionTitle, project_name AS projectName, dated, issued_at AS issuedAt, first_issued_at AS firstIssuedAt`;

export function findLetter(db: ReadDb, sessionId: string, projectId: string, letterKind: string): LetterEntry | null {
  return (
    (db
      .prepare(`SELECT ${columns} FROM letter_register WHERE session_id = ? AND project_id = ? AND letter_kind = ?`)
      .get(sessionId, projectId, letterKind) as LetterEntry | undefined) ?? null
  );
}

/** The register, newest numbers first (by year, prefix, serial); only one session's letters when `sessionId` is given. */
export function listLetters(db: ReadDb, sessionId: string | null = null): LetterEntry[] {
  return db
    .prepare(`SELECT ${columns} FROM letter_register WHERE (? IS NULL OR session_id = ?) ORDER BY year DESC, prefix, serial DESC`)
    .all(sessionId, sessionId) as LetterEntry[];
}

export interface LetterIssue {
  prefix: string;
  year: number;
  sessionId: string;
  projectId: string;
  letterKind: string;
  sessionTitle: string;
  projectName: string;
  dated: string;
  issuedAt: string;
}

/**
 * Issues a letter: the next serial of its prefix and year when it has none, else its own number again (prefix, year and
 * serial unchanged) with the new 成文日期 and 签发时间. Returns the register's row.
 */
export function registerLetter(db: WriteDb, issue: LetterIssue): LetterEntry {
  return transaction(db, () => {
    db.prepare(
      `INSERT INTO letter_register (prefix, year, serial, number, session_id, project_id, letter_kind, session_title, project_name, dated, issued_at, first_issued_at)
       SELECT :prefix, :year, next.serial, :prefix || '〔' || CAST(:year AS INTEGER) || '〕' || next.serial || '号', :sessionId, :projectId, :letterKind, :sessionTitle, :projectName, :dated, :issuedAt, :issuedAt
       FROM (SELECT COALESCE(MAX(serial), 0) + 1 AS serial FROM letter_register WHERE prefix = :prefix AND year = :year) AS next WHERE true
       ON CONFLICT (session_id, project_id, letter_kind) DO UPDATE SET dated = excluded.dated, issued_at = excluded.issued_at`,
    ).run(issue);
    return findLetter(db, issue.sessionId, issue.projectId, issue.letterKind) as LetterEntry;
  });
}

// ── 发文设置 ──────────────────────────────────────────────────────────────────────────────────────────────────────

export interface LetterSettings {
  /** 发文机关标志 of the letter's 版头; '' prints the issuer's full name. */
  issuerMark: string;
  /** 文号 prefix; '' derives it from the issuer (武隆区大数据发展局 → 武数据评). */
  numberPrefix: string;
  /** 抄送机关 in order; none: no 版记. */
  copyTo: string[];
  /** When they were last saved; null when never. */
  updatedAt: string | null;
}

export const emptyLetterSettings: LetterSettings = { issuerMark: '', numberPrefix: '', copyTo: [], updatedAt: null };

export function loadLetterSettings(db: ReadDb): LetterSettings {
  const row = db
    .prepare(
      `SELECT issuer_mark AS issuerMark, number_prefix AS numberPrefix, copy_to_json AS copyTo, updated_at AS updatedAt FROM bureau_settings WHERE id = 1`,
    )
    .get() as { issuerMark: string; numberPrefix: string; copyTo: string; updatedAt: string } | undefined;
  return row ? { ...row, copyTo: JSON.parse(row.copyTo) as string[] } : emptyLetterSettings;
}

export function saveLetterSettings(db: WriteDb, s: Omit<LetterSettings, 'updatedAt'>, at: string): void {
  db.prepare(
    `INSERT INTO bureau_settings (id, issuer_mark, number_prefix, copy_to_json, updated_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET issuer_mark = excluded.issuer_mark, number_prefix = excluded.number_prefix, copy_to_json = excluded.copy_to_json, updated_at = excluded.updated_at`,
  ).run(s.issuerMark, s.numberPrefix, JSON.stringify(s.copyTo), at);
}
