// The importer refuses every hostile package with its code and leaves no trace; valid packages import whole.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeHostileFixtures, type HostileCase } from '../../../scripts/make-hostile-fixtures';
import { api } from '../../../shared/api';
import { writePackageZip } from '../../../electron/core/package/write';
import { PackageError } from '../../../electron/core/package/errors';
import { importPackage, sweepLeftovers } from '../../../electron/core/package/importer';
import { getSession } from '../../../electron/core/store/sessions';
import { openTestCore, tempDir, traces, writeMinimalPackage, type TestCore } from '../../helpers/core';

let corpusDir: string;
let cases: HostileCase[];
const opened: TestCore[] = [];

beforeAll(async () => {
  corpusDir = tempDir('rd-hostile-');
  cases = await makeHostileFixtures(corpusDir);
});

afterEach(() => {
  while (opened.length) opened.pop()!.store.close();
});

async function core(): Promise<TestCore> {
  const c = await openTestCore();
  opened.push(c);
  return c;
}

async function refusal(c: TestCore, file: string, jobId = 'job'): Promise<PackageError> {
  const err = await importPackage(c.ctx, jobId, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `${path.basename(file)} should be refused`).toBeInstanceOf(PackageError);
  return err as PackageError;
}

describe('hostile corpus', () => {
  it('covers every refusal the issue names', () => {
    const codes = new Set(cases.map((c) => c.code));
    for (const code of [
      'unsafe-path',
      'bad-name',
      'symlink',
      'duplicate-name',
      'too-many-entries',
      'too-large',
      'compression-bomb',
      'overlapping-entries',
      'size-mismatch',
      'hash-mismatch',
      'missing-file',
      'extra-file',
      'manifest-missing',
      'manifest-json',
      'manifest-schema',
      'format-version',
      'not-zip',
      null,
    ]) {
      expect(codes, String(code)).toContain(code);
    }
  });

  it('refuses each hostile package with its code, a Chinese message naming the entry, and writes nothing', async () => {
    const c = await core();
    for (const hostile of cases.filter((k) => k.code !== null)) {
      const err = await refusal(c, path.join(corpusDir, hostile.file));
      expect(err.problems[0]!.code, hostile.file).toBe(hostile.code);
      for (const p of err.problems) expect(p.message, hostile.file).toMatch(/[\u4e00-\u9fa5]/);
      expect(traces(c), hostile.file).toEqual({ sessions: 0, staged: [], packages: [] });
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 180_000); // one worker per case, each loading TypeScript through tsx

  it('accepts each control package, including GBK-encoded and Unicode-path-extra names', async () => {
    for (const control of cases.filter((k) => k.code === null)) {
      const c = await core();
      const summary = await importPackage(c.ctx, 'job', path.join(corpusDir, control.file));
      const session = getSession(c.store.db, summary.id)!;
      for (const doc of session.projects.flatMap((p) => p.documents)) {
        expect(existsSync(path.join(c.dataDir, 'packages', summary.id, ...doc.path.split('/'))), `${control.file}: ${doc.path}`).toBe(true);
      }
      expect(traces(c).staged).toEqual([]);
    }
  }, 60_000);

  it('decodes GBK names written without the UTF-8 flag to the same Chinese path the manifest lists', async () => {
    const c = await core();
    const summary = await importPackage(c.ctx, 'job', path.join(corpusDir, 'valid-gbk-names.rpkg'));
    const paths = getSession(c.store.db, summary.id)!.projects.flatMap((p) => p.documents.map((d) => d.path));
    expect(paths.some((p) => /[\u4e00-\u9fa5]/.test(p))).toBe(true);
  });
});

describe('importing a valid package', () => {
  it('imports a folder and its zip alike, converting yuan to fen, reporting verify progress', async () => {
    const folder = await writeMinimalPackage(tempDir());
    const zip = path.join(tempDir(), 'pkg.rpkg');
    await writePackageZip(folder, zip);
    for (const source of [folder, zip]) {
      const c = await core();
      const summary = await importPackage(c.ctx, 'job-1', source);
      const session = getSession(c.store.db, summary.id)!;
      expect(session.projects[0]!.totalInvestmentFen).toBe(123456789);
      expect(session.projects[0]!.budgetLines[0]!.amountFen).toBe(10000000);
      expect(session.experts[0]).toMatchObject({ name: '张三', isChair: true });
      expect(session.projects[0]!.documents.map((d) => d.viewer)).toEqual(['pdf', 'external']);
      const verify = c.progress.filter((p) => p.phase === 'verify');
      expect(verify.at(-1)).toMatchObject({ jobId: 'job-1', done: verify.at(-1)!.total });
      expect(c.progress.some((p) => p.phase === 'commit')).toBe(true);
    }
  });

  it('re-importing the same package opens the existing session; a different version with the same id is refused untouched', async () => {
    const c = await core();
    const first = await writeMinimalPackage(tempDir());
    const a = await importPackage(c.ctx, 'j', first);
    const again = await importPackage(c.ctx, 'j', first);
    expect(again.id).toBe(a.id);
    const changed = await writeMinimalPackage(tempDir(), { title: '改过的评审会' });
    const err = await refusal(c, changed);
    expect(err.problems[0]!.code).toBe('already-imported');
    expect(getSession(c.store.db, a.id)!.title).toBe('测试评审会');
    expect(traces(c).staged).toEqual([]);
  });

  it('accepts any 8-4-4-4-12 hex GUID as packageId and treats ids differing only in case as one package', async () => {
    const c = await core();
    const guid = await writeMinimalPackage(tempDir(), { packageId: '00000000-0000-0000-0000-00000000202A' });
    const a = await importPackage(c.ctx, 'j', guid);
    expect(a.id).toBe('00000000-0000-0000-0000-00000000202a');
    const lower = await writeMinimalPackage(tempDir(), { packageId: '00000000-0000-0000-0000-00000000202a', title: '改过的评审会' });
    expect((await refusal(c, lower)).problems[0]!.code).toBe('already-imported');
    const err = await refusal(c, await writeMinimalPackage(tempDir(), { packageId: '00000000-0000-0000-0000-00000000202' }));
    expect(err.problems[0]).toMatchObject({ code: 'manifest-schema', path: 'manifest.json → packageId' });
    expect(err.problems[0]!.message).toContain('GUID');
    // The bureau can open such a package as a draft, whose id is the packageId.
    expect(api['bureau.draft.get'].input.safeParse({ draftId: a.id }).success).toBe(true);
  });

  it('cancelling mid-verification stops the worker and leaves nothing behind', async () => {
    const c = await core();
    const folder = await writeMinimalPackage(tempDir());
    // A large listed file keeps the worker busy long enough to cancel it.
    const big = Buffer.alloc(300 * 2 ** 20, 7);
    await fs.writeFile(path.join(folder, 'documents/p1/建设方案.pdf'), big);
    const manifestPath = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
    const { createHash } = await import('node:crypto');
    Object.assign(manifest.projects[0].documents[0], { bytes: big.length, sha256: createHash('sha256').update(big).digest('hex') });
    await fs.writeFile(manifestPath, JSON.stringify(manifest));
    c.ctx.onProgress = (p) => {
      if (p.phase === 'verify' && p.done > 0) c.ctx.jobs.cancel('job-c');
    };
    const err = await refusal(c, folder, 'job-c');
    expect(err.problems[0]!.code).toBe('cancelled');
    expect(traces(c)).toEqual({ sessions: 0, staged: [], packages: [] });
  });

  it('the start-up sweep removes what a killed import left (staging and orphan package folders)', async () => {
    const c = await core();
    await fs.mkdir(path.join(c.dataDir, 'staging', 'half-written'), { recursive: true });
    await fs.mkdir(path.join(c.dataDir, 'packages', 'no-such-session'), { recursive: true });
    const kept = await importPackage(c.ctx, 'j', await writeMinimalPackage(tempDir()));
    await sweepLeftovers(c.store.db, c.dataDir);
    expect(traces(c)).toEqual({ sessions: 1, staged: [], packages: [kept.id] });
  });
});
