// Owns the ordered list of schema migrations; the schema version is SQLite's user_version.
import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration002 } from './002-document-text';
import { migration003 } from './003-reviews';
import { migration004 } from './004-phrases';
import { migration005 } from './005-expert';
import { migration006 } from './006-templates';
import { migration007 } from './007-signing';
import { migration008 } from './008-bureau';
import { migration009 } from './009-panel-signatures';
import { migration010 } from './010-panel-opinion-text';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];
export const latestVersion = migrations[migrations.length - 1].version;

/** Applies each pending migration in its own transaction together with its user_version bump: a failure changes nothing. */
export function runMigrations(db: Database.Database, list: readonly Migration[] = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
