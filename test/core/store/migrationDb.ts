// Test helper for migration tests: an in-memory database migrated to a given version, with the one session and project each test's data hangs on.
import Database from 'better-sqlite3';
import { writableDb, type WriteDb } from '../../../electron/core/store/access';
import { migrations, runMigrations } from '../../../electron/core/store/migrations';

const upTo = (version: number) => migrations.slice(0, migrations.findIndex((m) => m.version === version) + 1);

/** Runs the migrations after the database's version, up to and including `version`. */
export function migrateTo(db: WriteDb, version: number): void {
  runMigrations(db, upTo(version));
}

/** A database at schema `version` (foreign keys on) holding session 's' with project 'p'. */
export function sessionDbAt(version: number): WriteDb {
  const db = writableDb(new Database(':memory:'));
  db.pragma('foreign_keys = ON');
  migrateTo(db, version);
  db.prepare(`INSERT INTO sessions VALUES ('s', 'h', 1, '局', 'national', '会', '2027-01-01', '', 'c', 'i', '{}')`).run();
  db.prepare(`INSERT INTO projects VALUES ('s', 'p', 0, '项目', '单位', NULL, 'new', 100, '', NULL, 1, '')`).run();
  return db;
}
