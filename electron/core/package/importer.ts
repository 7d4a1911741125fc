// Owns importing a package all-or-nothing: verify and stage in a worker, move the files into place, commit one transaction.
import { randomUUID } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { JobProgress, SessionSummary } from '../../../shared/domain';
import { AppError } from '../api/errors';
import { runWorker, WorkerFailure } from '../jobs/worker';
import type { JobRegistry } from '../jobs/registry';
import type { Db } from '../store/db';
import { findSessionVersion, getSessionSummary, insertSession, listSessionIds } from '../store/sessions';
import { PackageError, problem, type PackageProblem } from './errors';
import type { StageRequest } from './stageWorker';
import type { VerifiedPackage, VerifyProgress } from './verify';

export interface ImportContext {
  db: Db;
  dataDir: string;
  jobs: JobRegistry;
  now: () => Date;
  onProgress: (p: JobProgress) => void;
}

/** Ten minutes: enough to hash a multi-gigabyte package on a slow USB stick, short enough to end a hung parser. */
const STAGE_TIMEOUT_MS = 10 * 60_000;

export const packagesDir = (dataDir: string) => path.join(dataDir, 'packages');
export const stagingRoot = (dataDir: string) => path.join(dataDir, 'staging');
export const sessionFilesDir = (dataDir: string, sessionId: string) => path.join(packagesDir(dataDir), sessionId);

export async function importPackage(ctx: ImportContext, jobId: string, location: string): Promise<SessionSummary> {
  const stagingDir = path.join(stagingRoot(ctx.dataDir), randomUUID());
  await fs.mkdir(stagingRoot(ctx.dataDir), { recursive: true });
  try {
    const verified = await stage(ctx, jobId, { location, stagingDir });
    const { manifest, manifestSha256 } = verified;
    const existing = findSessionVersion(ctx.db, manifest.packageId);
    if (existing === manifestSha256) return getSessionSummary(ctx.db, manifest.packageId)!;
    if (existing !== null) throw new PackageError([problem('already-imported', manifest.session.title, '评审包编号相同但内容不同，请向组织方确认应使用哪个版本')]);

    ctx.onProgress({ jobId, phase: 'commit', done: 0, total: 1 });
    const finalDir = sessionFilesDir(ctx.dataDir, manifest.packageId);
    await fs.mkdir(packagesDir(ctx.dataDir), { recursive: true });
    await fs.rm(finalDir, { recursive: true, force: true }); // an orphan left by a killed import (no session row)
    await fs.rename(stagingDir, finalDir);
    try {
      insertSession(ctx.db, manifest, manifestSha256, ctx.now().toISOString());
    } catch (err) {
      await fs.rm(finalDir, { recursive: true, force: true });
      throw new AppError('database', `写入本地数据库失败，评审包未导入：${(err as Error).message}`);
    }
    ctx.onProgress({ jobId, phase: 'commit', done: 1, total: 1 });
    return getSessionSummary(ctx.db, manifest.packageId)!;
  } finally {
    await fs.rm(stagingDir, { recursive: true, force: true });
  }
}

/** Verifies without importing (the `check` command and its JSON output use this). */
export function verifyInWorker(ctx: Pick<ImportContext, 'jobs' | 'onProgress'>, jobId: string, location: string): Promise<VerifiedPackage> {
  return stage(ctx, jobId, { location });
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
    throw new PackageError([problem('io', '', err.message)]);
  }
}

/** Start-up sweep: staging folders and package folders without a session row are leftovers of a killed import. */
export async function sweepLeftovers(db: Db, dataDir: string): Promise<void> {
  await fs.rm(stagingRoot(dataDir), { recursive: true, force: true });
  if (!existsSync(packagesDir(dataDir))) return;
  const known = new Set(listSessionIds(db));
  for (const name of await fs.readdir(packagesDir(dataDir))) {
    if (!known.has(name)) await fs.rm(path.join(packagesDir(dataDir), name), { recursive: true, force: true });
  }
}
