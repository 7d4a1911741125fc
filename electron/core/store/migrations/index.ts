// Owns the ordered list of schema migrations; the schema version is SQLite's user_version.
import { transaction, type WriteDb } from '../access';
import type { Migration } from './migration';
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
import { migration011 } from './011-session-profiles';
import { migration012 } from './012-bureau-profiles';
import { migration013 } from './013-profiles-in-force';
import { migration014 } from './014-letter-register';
import { migration015 } from './015-pending-results';
import { migration016 } from './016-ocr-pages';
import { migration017 } from './017-roster-exports';
import { migration018 } from './018-lower-case-package-ids';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
];
export const latestVersion = migrations[migrations.length - 1]!.version; // the list above is never empty

/** Applies each pending migration in its own transaction together with its user_version bump: a failure changes nothing. */
export function runMigrations(db: WriteDb, list: readonly Migration[] = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of list) {
    if (m.version <= current) continue;
    transaction(db, () => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
  }
}
