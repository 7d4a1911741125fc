// Owns rotating database backups: written with SQLite's online backup API to a temp name, checked, then renamed into place.
import Database from 'better-sqlite3';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReadDb } from './access';

const KEEP = 7;
const PREFIX = 'review-desk-';

export async function makeBackup(
  db: ReadDb,
  dir: string,
  at: Date,
  reason: string,
  opts: { onlyIfOlderThanMs?: number } = {},
): Promise<string | null> {
  await fs.mkdir(dir, { recursive: true });
  const existing = await listBackups(dir);
  const [newestName] = existing;
  if (opts.onlyIfOlderThanMs !== undefined && newestName !== undefined) {
    const newest = await fs.stat(path.join(dir, newestName));

    if (at.getTime() - newest.mtimeMs < opts.onlyIfOlderThanMs) return null;
  }
  const name = `${PREFIX}${at.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
  const tmp = path.join(dir, `${name}.tmp`);
  await db.backup(tmp);
  if (!sealBackup(tmp)) {
    await fs.rm(tmp, { force: true });
    throw new Error(`backup check failed: ${tmp}`);
  }
  const target = path.join(dir, name);
  await fs.rename(tmp, target);
  for (const old of (await listBackups(dir)).slice(KEEP)) await fs.rm(path.join(dir, old), { force: true });
  return target;
}

/** Newest first. Names carry an ISO timestamp, so name order is time order. */
async function listBackups(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.startsWith(PREFIX) && n.endsWith('.sqlite'))
    .sort()
    .reverse();
}

export async function newestGoodBackup(dir: string): Promise<string | null> {
  for (const name of await listBackups(dir)) {
    const file = path.join(dir, name);
    if (isHealthy(file)) return file;
  }
  return null;
}

/**
 * A backup copies the live database's WAL journal mode; switched to rollback mode it is one self-contained file
 * (no -wal/-shm beside it) that can be copied back as is. Returns whether it passed integrity_check.
 */
function sealBackup(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function isHealthy(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
