// Owns the one better-sqlite3 handle: the data folder's single-writer lock, pragmas, start-up checks, migrations by
// user_version, clean-exit marker, backups.
//
// What counts as corruption is SQLite's own verdict only (SQLITE_CORRUPT, SQLITE_NOTADB, a failed quick_check or
// integrity_check). A disk that is full, read-only, busy or failing (ENOSPC, EACCES, EROFS, EBUSY, SQLITE_FULL,
// SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_IOERR …) stops the start with a message that says what to do, and nothing is
// renamed, copied or deleted. Quarantine and restore run only after the free space for them has been checked.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, promises as fs, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errorCode, storageFault } from '../kernel/storage';
import { writableDb, type WriteDb } from './access';
import { latestVersion, runMigrations } from './migrations';
import { makeBackup, newestGoodBackup } from './backup';

export class StoreError extends Error {
  constructor(
    readonly code: 'database-newer' | 'database-io' | 'disk-full' | 'read-only' | 'in-use',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface Store {
  db: WriteDb;
  file: string;
  /** Chinese notices for the user about what happened at start-up (corruption found, backup restored …). */
  notices: string[];
  /**
   * The database was quarantined at this start (restored from a backup, or new and empty): package folders without a
   * session row are then the user's data the backup does not know, not leftovers, and must not be swept.
   */
  recovered: boolean;
  close(): void;
}

/** What openStore touches the disk with; tests inject failures (a full or read-only disk) here. */
export interface StoreDeps {
  openDatabase?: (file: string, options?: Database.Options) => Database.Database;
  /** Free bytes on the disk holding `dir`. */
  freeBytes?: (dir: string) => number;
}

export const DB_FILE = 'review-desk.sqlite';
export const LOCK_FILE = 'review-desk.lock';
const RUNNING_MARKER = 'review-desk.running';
/** Room kept free beyond what a restore copies: SQLite's journal and the first writes after the start. */
const SPARE_BYTES = 16 * 2 ** 20;

/**
 * Opens (creating or migrating as needed) the database in dataDir, as the data folder's one writer. Refuses a database
 * written by a newer app, a data folder another instance holds, and a full or read-only disk — each untouched.
 */
export async function openStore(dataDir: string, now: () => Date = () => new Date(), deps: StoreDeps = {}): Promise<Store> {
  const freeBytes = deps.freeBytes ?? freeBytesOn;
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw startError(err, dataDir, freeBytes);
  }
  const releaseLock = acquireLock(dataDir, freeBytes);
  let db: Database.Database | undefined;
  try {
    const opened = await openLocked(dataDir, now, deps, freeBytes);
    db = opened.db;
    const handle = opened.db;
    const marker = path.join(dataDir, RUNNING_MARKER);
    return {
      db: writableDb(handle),
      file: opened.file,
      notices: opened.notices,
      recovered: opened.recovered,
      close() {
        if (!handle.open) return;
        handle.pragma('wal_checkpoint(TRUNCATE)');
        handle.close();
        rmSync(marker, { force: true });
        releaseLock();
      },
    };
  } catch (err) {
    if (db?.open) db.close();
    releaseLock();
    throw err instanceof StoreError ? err : (startErrorOrNull(err, dataDir, freeBytes) ?? err);
  }
}

async function openLocked(
  dataDir: string,
  now: () => Date,
  deps: StoreDeps,
  freeBytes: (dir: string) => number,
): Promise<{ db: Database.Database; file: string; notices: string[]; recovered: boolean }> {
  const open = deps.openDatabase ?? ((file: string, options?: Database.Options) => new Database(file, options));
  const file = path.join(dataDir, DB_FILE);
  const marker = path.join(dataDir, RUNNING_MARKER);
  const backupsDir = path.join(dataDir, 'backups');
  const notices: string[] = [];
  let recovered = false;

  if (existsSync(file)) {
    const health = inspect(open, file, existsSync(marker));
    if (health.kind === 'unreadable') throw startError(health.error, dataDir, freeBytes);
    if (health.version > latestVersion) {
      throw new StoreError(
        'database-newer',
        `本地数据库由更新版本的评审工作台创建（数据版本 ${health.version}，本程序支持 ${latestVersion}）。为保护数据，未做任何改动。请安装最新版评审工作台后再打开。`,
      );
    }
    if (health.kind === 'corrupt') {
      const backup = await newestGoodBackup(backupsDir);
      // Quarantine is a rename; the restore copies the backup and the start then writes: check the room first.
      const needed = (backup ? statSync(backup).size : 0) + SPARE_BYTES;
      if (freeBytes(dataDir) < needed) throw new StoreError('disk-full', diskFullMessage(dataDir, '本地数据库需要修复'));
      const quarantined = quarantine(file, now());
      if (backup) {
        try {
          await fs.copyFile(backup, file);
        } catch (err) {
          // Put the damaged file back as it was: the next start, with room, tries again.
          rmSync(file, { force: true });
          unquarantine(file, quarantined);
          throw startError(err, dataDir, freeBytes);
        }
        notices.push(
          `本地数据库已损坏，已隔离为 ${path.basename(quarantined)}，并从备份 ${path.basename(backup)} 恢复。备份之后的改动可能需要重新录入。`,
        );
      } else {
        notices.push(`本地数据库已损坏，已隔离为 ${path.basename(quarantined)}。没有可用的备份，已新建空数据库；请重新导入评审包。`);
      }
      recovered = true;
    }
  }

  const db = open(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    writeFileSync(marker, String(process.pid));

    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < latestVersion) await makeBackup(writableDb(db), backupsDir, now(), `before-v${latestVersion}`);
    runMigrations(writableDb(db));
    await makeBackup(writableDb(db), backupsDir, now(), 'daily', { onlyIfOlderThanMs: 24 * 3600_000 });
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, file, notices, recovered };
}

type Health = { kind: 'ok' | 'corrupt'; version: number } | { kind: 'unreadable'; error: unknown };

/**
 * quick_check normally; the full integrity_check after an unclean exit. Opens read-only so a refused file stays
 * untouched. Only SQLite's own verdict is corruption; any other failure to open or read is `unreadable`.
 */
function inspect(open: NonNullable<StoreDeps['openDatabase']>, file: string, uncleanExit: boolean): Health {
  let db: Database.Database | undefined;
  try {
    db = open(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const result = db.pragma(uncleanExit ? 'integrity_check' : 'quick_check', { simple: true });
    return { kind: result === 'ok' ? 'ok' : 'corrupt', version };
  } catch (err) {
    const code = errorCode(err);
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { kind: 'corrupt', version: 0 };
    return { kind: 'unreadable', error: err };
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

function unquarantine(file: string, quarantined: string): void {
  renameSync(quarantined, file);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(quarantined + suffix)) renameSync(quarantined + suffix, file + suffix);
  }
}

function freeBytesOn(dir: string): number {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return Number.POSITIVE_INFINITY; // unknown: the copy itself will say if the room runs out
  }
}

const diskFullMessage = (dataDir: string, what = '本程序') =>
  `磁盘空间不足，请释放空间后重新打开本程序。${what === '本程序' ? '' : `（${what}）`}为保护数据，未做任何改动。数据文件夹：${dataDir}`;

/** A start stopped by the disk, as the user reads it; null for errors that are not about the disk (bugs stay visible). */
function startErrorOrNull(err: unknown, dataDir: string, freeBytes: (dir: string) => number): StoreError | null {
  const fault = storageFault(err);
  const code = errorCode(err);
  if (fault === 'full' || ((code.startsWith('SQLITE_') || code.startsWith('E')) && code !== '' && freeBytes(dataDir) < SPARE_BYTES)) {
    return new StoreError('disk-full', diskFullMessage(dataDir));
  }
  if (fault === 'read-only') {
    return new StoreError(
      'read-only',
      `数据文件夹只读，请检查权限或换一个数据文件夹后重新打开本程序。为保护数据，未做任何改动。数据文件夹：${dataDir}`,
    );
  }
  if (
    code === 'EBUSY' ||
    code === 'EPERM' ||
    code === 'SQLITE_CANTOPEN' ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_BUSY') ||
    code.startsWith('SQLITE_LOCKED')
  ) {
    return new StoreError(
      'database-io',
      `无法读取本地数据库（${code}）。为保护数据，未做任何改动。请关闭可能占用数据文件夹的程序（同步盘、杀毒软件等）后重新打开本程序；如果问题持续，请联系技术支持。数据文件夹：${dataDir}`,
    );
  }
  return null;
}

function startError(err: unknown, dataDir: string, freeBytes: (dir: string) => number): unknown {
  return startErrorOrNull(err, dataDir, freeBytes) ?? err;
}

// ---- one writer per data folder ------------------------------------------------------------------------------

interface LockHolder {
  pid: number;
  /** When the holding process started (ms since the epoch): a reused pid has another start time. */
  processStartMs: number;
  startedAt: string;
  token: string;
}

/**
 * Takes the data folder's lock file (exclusive create), or refuses the start when a live process holds it. A lock whose
 * process is gone (or whose pid now belongs to a process started at another time) is stale and taken over. Returns
 * the release, which removes the file only while it is still this instance's.
 */
function acquireLock(dataDir: string, freeBytes: (dir: string) => number): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, processStartMs: ownStartMs(), startedAt: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        if (readHolder(file)?.token === mine.token) rmSync(file, { force: true });
      };
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw startError(err, dataDir, freeBytes);
      const holder = readHolder(file);
      if (holder && holderAlive(holder)) {
        throw new StoreError(
          'in-use',
          `该数据文件夹正被另一个评审工作台窗口使用（进程 ${holder.pid}，${holder.startedAt} 启动）。请切换到那个窗口，或先关闭它再打开本程序；也可以换一个数据文件夹。数据文件夹：${dataDir}`,
        );
      }
      // Stale (its process is gone) or unreadable: moved aside under a unique name, so two instances taking over the
      // same stale lock cannot remove each other's new one.
      try {
        renameSync(file, `${file}.stale-${mine.token}`);
        rmSync(`${file}.stale-${mine.token}`, { force: true });
      } catch (renameErr) {
        if (errorCode(renameErr) !== 'ENOENT') throw startError(renameErr, dataDir, freeBytes);
      }
    }
  }
  throw new StoreError('in-use', `该数据文件夹正被另一个评审工作台窗口使用。请先关闭它再打开本程序。数据文件夹：${dataDir}`);
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return null;
    return {
      pid: parsed.pid,
      processStartMs: typeof parsed.processStartMs === 'number' ? parsed.processStartMs : NaN,
      startedAt: String(parsed.startedAt ?? ''),
      token: String(parsed.token ?? ''),
    };
  } catch {
    return null;
  }
}

function holderAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if (errorCode(err) !== 'EPERM') return false; // ESRCH: no such process
  }
  // The pid is in use, but pids are reused: a lock taken before this boot is stale, and on Linux the process's start
  // time must match the one the lock recorded.
  if (Date.parse(holder.startedAt) < Date.now() - os.uptime() * 1000 - 60_000) return false;
  const started = processStartMs(holder.pid);
  if (started !== null && Number.isFinite(holder.processStartMs) && Math.abs(started - holder.processStartMs) > 5_000) return false;
  return true;
}

function ownStartMs(): number {
  return processStartMs(process.pid) ?? Date.now() - process.uptime() * 1000;
}

/** A process's start time from /proc (Linux); null elsewhere. USER_HZ is 100 on every Linux this runs on. */
function processStartMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!Number.isFinite(ticks) || btime === undefined) return null;
    return Number(btime) * 1000 + (ticks / 100) * 1000;
  } catch {
    return null;
  }
}
