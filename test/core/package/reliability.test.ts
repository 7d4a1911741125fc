// Issue 17 (nothing lost, nothing crashes), the import side: concurrent imports of one package, a full or read-only
// disk during an import, a FIFO given as the package, Windows device names as entry names.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/kernel/errors';
import { safeFileStem } from '../../../electron/core/kernel/files';
import { checkEntryName } from '../../../electron/core/package/entryName';
import { PackageError } from '../../../electron/core/package/errors';
import { importPackage } from '../../../electron/core/package/importer';
import { verifyPackage } from '../../../electron/core/package/verify';
import { writePackageZip } from '../../../electron/core/package/write';
import { getSession } from '../../../electron/core/store/sessions';
import { openTestCore, tempDir, traces, writeMinimalPackage, type TestCore } from '../../helpers/core';

const opened: TestCore[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (opened.length) opened.pop()!.store.close();
});

async function core(dataDir?: string): Promise<TestCore> {
  const c = await openTestCore(dataDir);
  opened.push(c);
  return c;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ioError = (code: string) => Object.assign(new Error(`${code}: simulated, raw text`), { code });

/** Adds one document of `bytes` random (incompressible) bytes to a minimal package folder. */
async function packageWithBigDocument(bytes: number): Promise<string> {
  const folder = await writeMinimalPackage(tempDir());
  const big = randomBytes(bytes);
  await fs.writeFile(path.join(folder, 'documents/p1/大文件.pdf'), big);
  const manifestPath = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
  manifest.projects[0].documents.push({
    id: 'big',
    kind: 'proposal',
    title: '大文件',
    path: 'documents/p1/大文件.pdf',
    sha256: createHash('sha256').update(big).digest('hex'),
    bytes: big.length,
  });
  await fs.writeFile(manifestPath, JSON.stringify(manifest));
  return folder;
}

describe('concurrent imports of the same package', () => {
  it('sixteen imports 1 ms apart: each succeeds or is refused cleanly, and every document stays readable', async () => {
    for (let round = 0; round < 2; round++) {
      const c = await core();
      const folder = await writeMinimalPackage(tempDir());
      const zip = path.join(tempDir(), 'same.rpkg');
      await writePackageZip(folder, zip);
      const runs: Promise<unknown>[] = [];
      for (let i = 0; i < 16; i++) {
        runs.push(importPackage(c.ctx, `job-${round}-${i}`, zip).catch((e: unknown) => e));
        await sleep(1);
      }
      const results = await Promise.all(runs);
      for (const r of results) {
        if (r instanceof Error) {
          // The only acceptable refusal is a clean "already imported".
          expect(r, String(r)).toBeInstanceOf(PackageError);
          expect((r as PackageError).problems[0]!.code).toBe('already-imported');
        }
      }
      const ok = results.filter((r): r is { id: string } => !(r instanceof Error));
      expect(ok.length).toBeGreaterThan(0);
      const id = ok[0]!.id;
      expect(getSession(c.store.db, id)).not.toBeNull();
      for (const rel of ['documents/p1/建设方案.pdf', 'documents/p1/说明.txt']) {
        const stored = await fs.readFile(path.join(c.dataDir, 'packages', id, ...rel.split('/')));
        expect(stored.equals(await fs.readFile(path.join(folder, ...rel.split('/')))), rel).toBe(true);
      }
      expect(traces(c)).toEqual({ sessions: 1, staged: [], packages: [id] });
    }
  }, 180_000);

  it('an orphan folder (a killed import) is replaced only once the new row is committed', async () => {
    const c = await core();
    const folder = await writeMinimalPackage(tempDir());
    const id = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
    await fs.mkdir(path.join(c.dataDir, 'packages', id), { recursive: true });
    await fs.writeFile(path.join(c.dataDir, 'packages', id, 'half.pdf'), 'x');
    const summary = await importPackage(c.ctx, 'j', folder);
    expect(summary.id).toBe(id);
    expect(readdirSync(path.join(c.dataDir, 'packages'))).toEqual([id]);
    expect(existsSync(path.join(c.dataDir, 'packages', id, 'documents', 'p1', '说明.txt'))).toBe(true);
    expect(existsSync(path.join(c.dataDir, 'packages', id, 'half.pdf'))).toBe(false);
  });
});

describe('a full or read-only disk during an import', () => {
  for (const [code, message] of [
    ['ENOSPC', /磁盘空间不足，导入评审包未完成/],
    ['EDQUOT', /磁盘空间不足/],
    ['EROFS', /数据文件夹只读或没有写入权限/],
    ['EACCES', /数据文件夹只读或没有写入权限/],
  ] as const) {
    it(`${code} while moving the package into place: a storage error in Chinese, nothing left behind`, async () => {
      const c = await core();
      const folder = await writeMinimalPackage(tempDir());
      const rename = fs.rename;
      vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
        if (String(to).includes(`${path.sep}packages${path.sep}`)) throw ioError(code);
        return rename(from, to);
      });
      const err = await importPackage(c.ctx, 'j', folder).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('storage');
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toMatch(/simulated|internal|压缩数据已损坏/);
      expect(traces(c).sessions).toBe(0);
      expect(traces(c).staged).toEqual([]);
    });
  }

  it('EACCES creating the staging folder: the read-only message, not the raw EACCES text', async () => {
    const c = await core();
    const folder = await writeMinimalPackage(tempDir());
    vi.spyOn(fs, 'mkdir').mockRejectedValue(ioError('EACCES'));
    const err = await importPackage(c.ctx, 'j', folder).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('storage');
    expect((err as Error).message).toMatch(/数据文件夹只读或没有写入权限/);
  });

  it('a real full disk while staging (tiny tmpfs): "磁盘空间不足", not "压缩数据已损坏"', async () => {
    const mountPoint = tempDir('rd-tmpfs-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      console.warn('tmpfs not mountable here: covered by the injected failures above');
      return;
    }
    const c = await openTestCore(path.join(mountPoint, 'data'));
    try {
      const zip = path.join(tempDir(), 'big.rpkg');
      await writePackageZip(await packageWithBigDocument(6 * 2 ** 20), zip);
      const err = await importPackage(c.ctx, 'j', zip).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as Error).message).toMatch(/磁盘空间不足/);
      expect((err as AppError).code).toBe('storage');
      expect(traces(c)).toEqual({ sessions: 0, staged: [], packages: [] });
    } finally {
      c.store.close();
      execFileSync('umount', [mountPoint]);
    }
  }, 60_000);
});

describe('special files and device names', () => {
  it('refuses a FIFO given as the package at once, without blocking a thread', async () => {
    const fifo = path.join(tempDir(), 'pkg.rpkg');
    execFileSync('mkfifo', [fifo]);
    const outcome = await Promise.race([
      verifyPackage(fifo).then(
        () => 'accepted',
        (e: unknown) => e,
      ),
      sleep(3000).then(() => 'hung'),
    ]);
    if (outcome === 'hung') {
      // Unblock the reader the unfixed code left waiting on the FIFO, so the run can end.
      spawn('sh', ['-c', `exec 3>'${fifo}'; sleep 1`], { stdio: 'ignore' });
    }
    expect(outcome).toBeInstanceOf(PackageError);
    expect((outcome as PackageError).problems[0]!.message).toMatch(/不是普通文件/);
  }, 10_000);

  it('refuses CONIN$, CONOUT$.pdf and CLOCK$ as entry names, and never makes them a file name', () => {
    for (const name of ['CONIN$', 'CONOUT$.pdf', 'CLOCK$', 'documents/conin$.txt', 'clock$.tar.gz']) {
      expect(checkEntryName(name)?.code, name).toBe('bad-name');
    }
    for (const name of ['CONIN$', 'CONOUT$.pdf', 'clock$']) expect(safeFileStem(name), name).toBe(`_${name}`);
    expect(checkEntryName('documents/CONINX.pdf')).toBeNull();
  });
});
