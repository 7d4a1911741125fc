// Owns the one better-sqlite3 handle: pragmas, start-up checks, migrations by user_version, clean-exit marker, backups.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, promises as fs, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { latestVersion, runMigrations } from './migrations';
import { makeBackup, newestGoodBackup } from './backup';

export type Db = Database.Database;

export class StoreError extends Error {
  constructor(
    readonly code: 'database-newer' | 'database-io',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface Store {
  db: Db;
  file: string;
  /** Chinese notices for the user about what happened at start-up (corruption found, backup restored …). */
  notices: string[];
  close(): void;
}

export const DB_FILE = 'review-desk.sqlite';
const RUNNING_MARKER = 'review-desk.running';

/** Opens (creating or migrating as needed) the database in dataDir. Refuses a database written by a newer app, untouched. */
export async function openStore(dataDir: string, now: () => Date = () => new Date()): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE);
  const marker = path.join(dataDir, RUNNING_MARKER);
  const backupsDir = path.join(dataDir, 'backups');
  const notices: string[] = [];

  if (existsSync(file)) {
    const health = inspect(file, existsSync(marker));
    if (health.version > latestVersion) {
      throw new StoreError('database-newer', `本地数据库由更新版本的评审工作台创建（数据版本 ${health.version}，本程序支持 ${latestVersion}）。为保护数据，未做任何改动。请安装最新版评审工作台后再打开。`);
    }
    if (!health.ok) {
      const quarantined = quarantine(file, now());
      const backup = await newestGoodBackup(backupsDir);
      if (backup) {
        await fs.copyFile(backup, file);
        notices.push(`本地数据库已损坏，已隔离为 ${path.basename(quarantined)}，并从备份 ${path.basename(backup)} 恢复。备份之后的改动可能需要重新录入。`);
      } else {
        notices.push(`本地数据库已损坏，已隔离为 ${path.basename(quarantined)}。没有可用的备份，已新建空数据库；请重新导入评审包。`);
      }
    }
  }

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  writeFileSync(marker, String(process.pid));

  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > 0 && version < latestVersion) await makeBackup(db, backupsDir, now(), `before-v${latestVersion}`);
  runMigrations(db);
  await makeBackup(db, backupsDir, now(), 'daily', { onlyIfOlderThanMs: 24 * 3600_000 });

  return {
    db,
    file,
    notices,
    close() {
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      rmSync(marker, { force: true });
    },
  };
}

/** quick_check normally; the full integrity_check after an unclean exit. Opens read-only so a refused file stays untouched. */
function inspect(file: string, uncleanExit: boolean): { ok: boolean; version: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const result = db.pragma(uncleanExit ? 'integrity_check' : 'quick_check', { simple: true });
    return { ok: result === 'ok', version };
  } catch {
    return { ok: false, version: 0 };
  } finally {
    db?.close();
  }
}

function quarantine(file: string, at: Date): string {
  const target = file.replace(/\.sqlite$/, `.corrupt-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}
