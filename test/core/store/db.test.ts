// The store's start-up contract: pragmas, migrations, refusing newer databases untouched, recovering from corruption.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openStore, StoreError, type Store } from '../../../electron/core/store/db';
import { latestVersion } from '../../../electron/core/store/migrations';
import { insertSession, getSession } from '../../../electron/core/store/sessions';
import { manifestSchema } from '../../../shared/manifest';
import { tempDir, writeMinimalPackage } from '../../helpers/core';

const open: Store[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});
async function store(dir: string, now?: () => Date): Promise<Store> {
  const s = await openStore(dir, now);
  open.push(s);
  return s;
}

async function seeded(dir: string): Promise<string> {
  const pkg = await writeMinimalPackage(tempDir());
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(pkg, 'manifest.json'), 'utf8')));
  const s = await store(dir);
  insertSession(s.db, manifest, 'a'.repeat(64), '2027-03-05T00:00:00Z');
  s.close();
  return manifest.packageId;
}

describe('openStore', () => {
  it('runs in WAL with synchronous=FULL, foreign keys on and the latest schema', async () => {
    const s = await store(tempDir());
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.db.pragma('user_version', { simple: true })).toBe(latestVersion);
  });

  it('keeps data across a clean close and reopen, and marks the exit clean', async () => {
    const dir = tempDir();
    const id = await seeded(dir);
    expect(existsSync(path.join(dir, 'review-desk.running'))).toBe(false);
    const s = await store(dir);
    expect(getSession(s.db, id)?.title).toBe('测试评审会');
  });

  it('refuses a database from a newer app version and leaves its bytes untouched', async () => {
    const dir = tempDir();
    await seeded(dir);
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    const before = readFileSync(path.join(dir, DB_FILE));
    const err = await openStore(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('database-newer');
    expect((err as Error).message).toMatch(/更新版本/);
    expect(readFileSync(path.join(dir, DB_FILE)).equals(before)).toBe(true);
  });

  it('quarantines a corrupt database and restores the newest good backup', async () => {
    const dir = tempDir();
    const id = await seeded(dir);
    // A backup taken after the data exists (the first open's daily backup predates the seed).
    const s = await store(dir, () => new Date(Date.now() + 2 * 86_400_000));
    s.close();
    const file = path.join(dir, DB_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, 8192); // wreck the second page
    writeFileSync(file, bytes);
    const reopened = await store(dir);
    expect(reopened.notices.join()).toMatch(/已损坏.*已隔离.*恢复/);
    expect(readdirSync(dir).some((n) => n.includes('.corrupt-'))).toBe(true);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(getSession(reopened.db, id)?.title).toBe('测试评审会');
  });

  it('starts empty, with a notice, when the file is garbage and there is no backup', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, DB_FILE), 'this is not a database'.repeat(300));
    const s = await store(dir);
    expect(s.notices.join()).toMatch(/没有可用的备份/);
    expect(s.db.pragma('user_version', { simple: true })).toBe(latestVersion);
  });

  it('runs the full integrity_check after an unclean exit (marker left behind) and still opens a healthy file', async () => {
    const dir = tempDir();
    const id = await seeded(dir);
    writeFileSync(path.join(dir, 'review-desk.running'), '12345');
    const s = await store(dir);
    expect(s.notices).toEqual([]);
    expect(getSession(s.db, id)).not.toBeNull();
  });

  it('keeps at most seven rotating backups, each a checked SQLite file', async () => {
    const dir = tempDir();
    for (let day = 0; day < 10; day++) (await store(dir, () => new Date(Date.UTC(2027, 0, 1 + day)))).close();
    const backups = readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(7);
    expect(backups.every((n) => n.endsWith('.sqlite'))).toBe(true);
    const newest = new Database(path.join(dir, 'backups', backups.sort().at(-1)!), { readonly: true });
    expect(newest.pragma('integrity_check', { simple: true })).toBe('ok');
    newest.close();
  });

  it('rolls back a write that hits a full disk and says so', async () => {
    const s = await store(tempDir());
    const pageCount = s.db.pragma('page_count', { simple: true }) as number;
    s.db.pragma(`max_page_count = ${pageCount + 1}`);
    const pkg = await writeMinimalPackage(tempDir());
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(pkg, 'manifest.json'), 'utf8')));
    manifest.projects[0]!.summary = '很长的摘要'.repeat(20_000);
    expect(() => insertSession(s.db, manifest, 'b'.repeat(64), 'now')).toThrow(/full/i);
    expect((s.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n).toBe(0);
  });
});
