// Issue 17 (nothing lost, nothing crashes), the start-up side: a full or read-only disk stops the start and touches
// nothing; corruption is only what SQLite itself says; a restore moves orphaned package folders aside instead of
// deleting them; one writer per data folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/app';
import type { Host } from '../../../electron/core/kernel/handlers';
import { DB_FILE, LOCK_FILE, openStore, StoreError, type Store, type StoreDeps } from '../../../electron/core/store/db';
import { insertSession } from '../../../electron/core/store/sessions';
import { manifestSchema } from '../../../shared/manifest';
import { tempDir, writeMinimalPackage } from '../../helpers/core';

const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function store(dir: string, deps?: StoreDeps): Promise<Store> {
  const s = await openStore(dir, undefined, deps);
  open.push(s);
  return s;
}

function host(dataDir: string): Host {
  return {
    dataDir,
    version: 't',
    transport: 'http',
    choosePath: null,
    openPath: async () => false,
    openFolder: async () => false,
    emit: () => undefined,
  };
}

/** A data folder with one session row and its package folder. */
async function seeded(dir: string): Promise<string> {
  const pkg = await writeMinimalPackage(tempDir());
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(pkg, 'manifest.json'), 'utf8')));
  const s = await openStore(dir);
  insertSession(s.db, manifest, 'a'.repeat(64), '2027-03-05T00:00:00Z');
  s.close();
  mkdirSync(path.join(dir, 'packages', manifest.packageId, 'documents'), { recursive: true });
  writeFileSync(path.join(dir, 'packages', manifest.packageId, 'documents', 'a.pdf'), '%PDF-1.4');
  return manifest.packageId;
}

const ioError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
/** Fails the first database open (the read-only health check) with `code`, then opens normally. */
function failingOpen(code: string): StoreDeps {
  let first = true;
  return {
    openDatabase: (file, options) => {
      if (first) {
        first = false;
        throw ioError(code);
      }
      return new Database(file, options);
    },
  };
}

describe('a start on a full or read-only disk touches nothing', () => {
  for (const [code, expected, message] of [
    ['ENOSPC', 'disk-full', /磁盘空间不足，请释放空间后重新打开本程序/],
    ['SQLITE_FULL', 'disk-full', /磁盘空间不足，请释放空间后重新打开本程序/],
    ['EACCES', 'read-only', /数据文件夹只读，请检查权限或换一个数据文件夹/],
    ['EROFS', 'read-only', /数据文件夹只读，请检查权限或换一个数据文件夹/],
    ['SQLITE_READONLY', 'read-only', /数据文件夹只读/],
    ['EBUSY', 'database-io', /未做任何改动/],
    ['SQLITE_CANTOPEN', 'database-io', /未做任何改动/],
    ['SQLITE_IOERR_READ', 'database-io', /未做任何改动/],
  ] as const) {
    it(`${code} at open: refused with a Chinese message, nothing quarantined, renamed or swept`, async () => {
      const dir = tempDir();
      const id = await seeded(dir);
      const before = readFileSync(path.join(dir, DB_FILE));
      const err = await openStore(dir, undefined, failingOpen(code)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe(expected);
      expect((err as Error).message).toMatch(message);
      expect(readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual([]);
      expect(readFileSync(path.join(dir, DB_FILE)).equals(before)).toBe(true);
      expect(existsSync(path.join(dir, 'packages', id, 'documents', 'a.pdf'))).toBe(true);
      // The lock is given back: the next (healthy) start opens the same data.
      const s = await store(dir);
      expect(s.notices).toEqual([]);
      expect((s.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n).toBe(1);
    });
  }

  it('still quarantines on SQLite’s own verdict (SQLITE_CORRUPT / SQLITE_NOTADB)', async () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_NOTADB']) {
      const dir = tempDir();
      await seeded(dir);
      const s = await store(dir, failingOpen(code));
      expect(s.notices.join()).toMatch(/已损坏.*已隔离/);
      s.close();
    }
  });

  it('does not quarantine when the free space could not hold the copy back from the backup', async () => {
    const dir = tempDir();
    const id = await seeded(dir);
    (await openStore(dir, () => new Date(Date.now() + 2 * 86_400_000))).close(); // a backup holding the session
    const file = path.join(dir, DB_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, 8192); // corrupt for real
    writeFileSync(file, bytes);
    const err = await openStore(dir, undefined, { freeBytes: () => 1024 }).catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('disk-full');
    expect((err as Error).message).toMatch(/磁盘空间不足/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual([]);
    expect(existsSync(path.join(dir, 'packages', id))).toBe(true);
  });

  it('a real full disk (tiny tmpfs): the healthy database, its backups and packages/ survive the start', async () => {
    const mountPoint = tempDir('rd-tmpfs-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      console.warn('tmpfs not mountable here: covered by the injected failures above');
      return;
    }
    try {
      const dir = path.join(mountPoint, 'data');
      const id = await seeded(dir);
      const before = readFileSync(path.join(dir, DB_FILE));
      try {
        writeFileSync(path.join(mountPoint, 'filler'), Buffer.alloc(8 * 1024 * 1024));
      } catch {
        // ENOSPC: the disk is now full, as intended
      }
      const err = await openCore(host(dir)).then(
        (core) => (core.close(), null),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toMatch(/磁盘空间不足/);
      expect(readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual([]);
      expect(readFileSync(path.join(dir, DB_FILE)).equals(before)).toBe(true);
      expect(existsSync(path.join(dir, 'packages', id, 'documents', 'a.pdf'))).toBe(true);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

describe('restoring after corruption never deletes a package folder', () => {
  it('moves folders of sessions missing from the backup to packages-orphaned/ and says so', async () => {
    const dir = tempDir();
    // An empty backup (the first open's daily backup), then a session imported after it.
    (await openStore(dir)).close();
    const id = await seeded(dir);
    const file = path.join(dir, DB_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096, 8192);
    writeFileSync(file, bytes);
    const core = await openCore(host(dir));
    open.push(core);
    expect(core.notices.join('\n')).toMatch(/已损坏/);
    expect(core.notices.join('\n')).toMatch(/packages-orphaned/);
    expect(existsSync(path.join(dir, 'packages', id))).toBe(false);
    const aside = readdirSync(path.join(dir, 'packages-orphaned'));
    expect(aside).toHaveLength(1);
    expect(aside[0]!.startsWith(id)).toBe(true);
    expect(existsSync(path.join(dir, 'packages-orphaned', aside[0]!, 'documents', 'a.pdf'))).toBe(true);
  });

  it('the same when there is no backup at all (a new empty database)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'packages', 'some-session'), { recursive: true });
    writeFileSync(path.join(dir, 'packages', 'some-session', 'x.pdf'), '%PDF');
    writeFileSync(path.join(dir, DB_FILE), 'this is not a database'.repeat(300));
    const core = await openCore(host(dir));
    open.push(core);
    expect(core.notices.join('\n')).toMatch(/没有可用的备份/);
    const aside = readdirSync(path.join(dir, 'packages-orphaned'));
    expect(aside).toHaveLength(1);
    expect(existsSync(path.join(dir, 'packages-orphaned', aside[0]!, 'x.pdf'))).toBe(true);
  });
});

describe('one writer per data folder', () => {
  it('a second core on the same folder is refused with a Chinese message; the first keeps working', async () => {
    const dir = tempDir();
    const first = await openCore(host(dir));
    open.push(first);
    const err = await openCore(host(dir)).then(
      (core) => (core.close(), null),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('in-use');
    expect((err as Error).message).toMatch(/该数据文件夹正被另一个评审工作台窗口使用/);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
  });

  it('takes over a stale lock (its process is gone), and gives the lock back on close', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString();
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: Number(dead), startedAt: '2027-01-01T00:00:00Z' }));
    const core = await openCore(host(dir));
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    core.close();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    (await store(dir)).close();
  });

  it('takes over an unreadable lock file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
    (await store(dir)).close();
  });
});
