// Owns the package calls: choosing, importing (from a path or dropped bytes), recent packages, cancelling a running job.
import path from 'node:path';
import { withSourceFile } from '../kernel/files';
import type { HandlerMap, Host } from '../kernel/handlers';
import type { JobRegistry } from '../jobs/registry';
import type { WriteDb } from '../store/access';
import { listRecentPackages, touchRecentPackage } from '../store/preferences';
import { importPackage, stagingRoot, type CarriedProfileCheck, type ImportContext } from './importer';

type PackageMethods = 'package.choose' | 'package.import' | 'package.recent' | 'job.cancel';

/** `checkProfile` judges a carried profile.json; it lives above this layer (precheck/sessionProfile.ts), so the app passes it in. */
export function packageHandlers(
  db: WriteDb,
  host: Host,
  jobs: JobRegistry,
  now: () => Date,
  checkProfile?: CarriedProfileCheck,
): HandlerMap<PackageMethods> {
  return {
    async 'package.choose'({ folder }) {
      return { path: host.choosePath ? await host.choosePath({ folder }) : null };
    },
    async 'package.import'({ jobId, source }) {
      const ctx: ImportContext = { db, dataDir: host.dataDir, jobs, now, onProgress: (p) => host.emit('job.progress', p), checkProfile };
      const summary = await withSourceFile(stagingRoot(host.dataDir), source, (file) => importPackage(ctx, jobId, file));
      if (source.kind === 'path') touchRecentPackage(db, path.resolve(source.path), summary.id, now().toISOString());
      return summary;
    },
    'package.recent'() {
      return listRecentPackages(db);
    },
    'job.cancel'({ jobId }) {
      jobs.cancel(jobId);
      return null;
    },
  };
}
