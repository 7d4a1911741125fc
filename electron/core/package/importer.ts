// Owns importing a package all-or-nothing: verify and stage in a worker, move the files into place, commit one transaction.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { JobProgress, SessionSummary } from '../../../shared/domain';
import type { Manifest } from '../../../shared/manifest';
import { AppError } from '../kernel/errors';
import { mapStorageErrors, storageError } from '../kernel/storage';
import { runWorker, WorkerFailure } from '../jobs/worker';
import type { JobRegistry } from '../jobs/registry';
import { transaction, type ReadDb, type WriteDb } from '../store/access';
import { saveSessionProfile, type StoredSessionProfile } from '../store/sessionProfiles';
import { findSessionVersion, getSessionSummary, insertSession, listSessionIds } from '../store/sessions';
import { fileLabel, PackageError, problem, PROFILE_TITLE, type PackageProblem } from './errors';
import type { StageRequest } from './stageWorker';
import type { VerifiedPackage, VerifyProgress } from './verify';

export interface ImportContext {
  db: WriteDb;
  dataDir: string;
  jobs: JobRegistry;
  now: () => Date;
  onProgress: (p: JobProgress) => void;
  /**
   * Judges the content of a carried profile.json (a layer above this one supplies it: electron/core/precheck/
   * carriedProfile.ts). Without it a package that carries a profile is refused: nothing unjudged is stored.
   */
  checkProfile?: CarriedProfileCheck;
}

/** The verdict on a carried profile: the problems that refuse the package, else the resolved profile to store (JSON). */
export type CarriedProfileCheck = (bytes: Uint8Array, jurisdiction: string) => { problems: PackageProblem[]; resolvedJson: string | null };

/** Ten minutes: enough to hash a multi-gigabyte package on a slow USB stick, short enough to end a hung parser. */
const STAGE_TIMEOUT_MS = 10 * 60_000;

export const packagesDir = (dataDir: string) => path.join(dataDir, 'packages');
export const stagingRoot = (dataDir: string) => path.join(dataDir, 'staging');
export const sessionFilesDir = (dataDir: string, sessionId: string) => path.join(packagesDir(dataDir), sessionId);

export async function importPackage(ctx: ImportContext, jobId: string, location: string): Promise<SessionSummary> {
  return mapStorageErrors('导入评审包', () => importStaged(ctx, jobId, location));
}

async function importStaged(ctx: ImportContext, jobId: string, location: string): Promise<SessionSummary> {
  const stagingDir = path.join(stagingRoot(ctx.dataDir), randomUUID());
  await fs.mkdir(stagingRoot(ctx.dataDir), { recursive: true });
  try {
    const verified = await stage(ctx, jobId, { location, stagingDir });
    const { manifest, manifestSha256 } = verified;
    const carried = manifest.profile ? await judgeCarriedProfile(ctx, stagingDir, manifest) : null;
    // Staging runs side by side; what follows (look at the row, move the folder, commit) runs one import of a
    // packageId at a time, so no import can see "not imported yet" while another is moving its files in.
    return await withPackageLock(path.resolve(ctx.dataDir), manifest.packageId, async () => {
      const existing = findSessionVersion(ctx.db, manifest.packageId);
      if (existing === manifestSha256) return getSessionSummary(ctx.db, manifest.packageId)!;
      if (existing !== null)
        throw new PackageError([
          problem(
            'already-imported',
            manifest.session.title,
            '评审包编号相同但内容不同，请向组织方确认应使用哪个版本',
            `“${manifest.session.title}”`,
          ),
        ]);

      ctx.onProgress({ jobId, phase: 'commit', done: 0, total: 1 });
      const finalDir = sessionFilesDir(ctx.dataDir, manifest.packageId);
      await fs.mkdir(packagesDir(ctx.dataDir), { recursive: true });
      // No session row, yet a folder: an orphan left by a killed import. It is moved aside (never deleted before the
      // row is written), the staged folder takes its place, and only after the commit is the orphan removed. A crash
      // at any point leaves either no row (the next start sweeps the folders) or the row with its complete folder.
      const aside = existsSync(finalDir)
        ? path.join(packagesDir(ctx.dataDir), `${REPLACED_PREFIX}${manifest.packageId}-${randomUUID()}`)
        : null;
      if (aside) await fs.rename(finalDir, aside);
      await fs.rename(stagingDir, finalDir);
      try {
        transaction(ctx.db, () => {
          insertSession(ctx.db, manifest, manifestSha256, ctx.now().toISOString());
          if (carried) saveSessionProfile(ctx.db, manifest.packageId, carried);
        });
      } catch (err) {
        await fs.rm(finalDir, { recursive: true, force: true });
        if (aside) await fs.rename(aside, finalDir).catch(() => undefined);
        throw storageError(err, '导入评审包') ?? new AppError('database', `写入本地数据库失败，评审包未导入：${(err as Error).message}`);
      }
      if (aside) await fs.rm(aside, { recursive: true, force: true });
      ctx.onProgress({ jobId, phase: 'commit', done: 1, total: 1 });
      return getSessionSummary(ctx.db, manifest.packageId)!;
    });
  } finally {
    await fs.rm(stagingDir, { recursive: true, force: true });
  }
}

/** An orphan folder moved aside while an import takes its place; removed after the commit (or by the next sweep). */
const REPLACED_PREFIX = '.replaced-';

/** The tail of the last import of each (data folder, packageId): the next one waits for it. */
const packageLocks = new Map<string, Promise<unknown>>();

async function withPackageLock<T>(dataDir: string, packageId: string, fn: () => Promise<T>): Promise<T> {
  const key = `${dataDir}\0${packageId}`;
  const previous = packageLocks.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => undefined);
  packageLocks.set(key, tail);
  try {
    return await run;
  } finally {
    if (packageLocks.get(key) === tail) packageLocks.delete(key);
  }
}

/** Reads the staged (hash-verified) profile.json and has it judged; refuses the package with the judge's problems. */
async function judgeCarriedProfile(ctx: ImportContext, stagingDir: string, manifest: Manifest): Promise<StoredSessionProfile> {
  const listing = manifest.profile!;
  if (!ctx.checkProfile) throw new PackageError([problem('profile-invalid', listing.path, '本程序无法校验评审包附带的辖区规则配置')]);
  const bytes = await fs.readFile(path.join(stagingDir, listing.path));
  // The worker checked the hash while staging; checked again on the bytes judged, so the two can never differ.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== listing.sha256.toLowerCase())
    throw new PackageError([problem('hash-mismatch', listing.path, undefined, fileLabel(listing.path, PROFILE_TITLE))]);
  const verdict = ctx.checkProfile(bytes, manifest.jurisdiction);
  if (verdict.problems.length > 0 || verdict.resolvedJson === null) {
    throw new PackageError(verdict.problems.length > 0 ? verdict.problems : [problem('profile-invalid', listing.path)]);
  }
  return { sha256, bytes, resolvedJson: verdict.resolvedJson };
}

async function stage(ctx: Pick<ImportContext, 'jobs' | 'onProgress'>, jobId: string, request: StageRequest): Promise<VerifiedPackage> {
  const job = runWorker<VerifyProgress, VerifiedPackage>('stage', request, (p) => ctx.onProgress({ jobId, ...p }), STAGE_TIMEOUT_MS);
  try {
    return await ctx.jobs.track(jobId, job.cancel, job.result);
  } catch (err) {
    if (!(err instanceof WorkerFailure)) throw err;
    if (err.reason === 'cancelled') throw new PackageError([problem('cancelled')]);
    if (err.reason === 'timeout') throw new PackageError([problem('io', '', '校验超时')]);
    if (Array.isArray(err.detail)) throw new PackageError(err.detail as PackageProblem[]);
    const disk = storageError(err.detail, '导入评审包');
    if (disk) throw disk;
    throw new PackageError([problem('io', '', err.message)]);
  }
}

/** Where a start after a database restore puts package folders the restored database does not know. */
export const orphanedDir = (dataDir: string) => path.join(dataDir, 'packages-orphaned');

/**
 * Start-up sweep: staging folders and package folders without a session row are leftovers of a killed import, and
 * are deleted. After the database was quarantined (`recovered`), a folder without a row may be the only copy of a
 * package the backup does not know: it is moved to packages-orphaned/<id>-<time> instead, and a notice says so.
 * Returns the notices.
 */
export async function sweepLeftovers(db: ReadDb, dataDir: string, opts: { recovered?: boolean; now?: Date } = {}): Promise<string[]> {
  await fs.rm(stagingRoot(dataDir), { recursive: true, force: true });
  if (!existsSync(packagesDir(dataDir))) return [];
  const known = new Set(listSessionIds(db));
  const moved: string[] = [];
  const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  for (const name of await fs.readdir(packagesDir(dataDir))) {
    if (known.has(name)) continue;
    const folder = path.join(packagesDir(dataDir), name);
    if (!opts.recovered) {
      await fs.rm(folder, { recursive: true, force: true });
      continue;
    }
    await fs.mkdir(orphanedDir(dataDir), { recursive: true });
    const target = path.join(orphanedDir(dataDir), `${name.replace(/^\.+/, '')}-${stamp}`);
    await fs.rename(folder, target);
    moved.push(path.basename(target));
  }
  if (!moved.length) return [];
  return [
    `恢复后的数据库中没有以下 ${moved.length} 个评审包的记录，它们的文件未删除，已移到数据文件夹的 packages-orphaned 文件夹：${moved.join('、')}。请重新导入这些评审包；确认无误后可删除该文件夹。`,
  ];
}
