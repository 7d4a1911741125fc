// Owns the package calls: choosing, importing (from a path or dropped bytes), recent packages, cancelling a running job.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HandlerMap, Host } from '../api/handlers';
import type { JobRegistry } from '../jobs/registry';
import type { Db } from '../store/db';
import { listRecentPackages, touchRecentPackage } from '../store/preferences';
import { importPackage, stagingRoot, type ImportContext } from './importer';

type PackageMethods = 'package.choose' | 'package.import' | 'package.recent' | 'job.cancel';

export function packageHandlers(db: Db, host: Host, jobs: JobRegistry, now: () => Date): HandlerMap<PackageMethods> {
  return {
    async 'package.choose'({ folder }) {
      return { path: host.choosePath ? await host.choosePath({ folder }) : null };
    },
    async 'package.import'({ jobId, source }) {
      const ctx: ImportContext = { db, dataDir: host.dataDir, jobs, now, onProgress: (p) => host.emit('job.progress', p) };
      if (source.kind === 'path') {
        const summary = await importPackage(ctx, jobId, path.resolve(source.path));
        touchRecentPackage(db, path.resolve(source.path), summary.id, now().toISOString());
        return summary;
      }
      // Dropped or uploaded bytes are written to the staging area first, so the importer always reads a file.
      await fs.mkdir(stagingRoot(host.dataDir), { recursive: true });
      const upload = path.join(stagingRoot(host.dataDir), `upload-${randomUUID()}.rpkg`);
      await fs.writeFile(upload, source.bytes, { flag: 'wx' });
      try {
        return await importPackage(ctx, jobId, upload);
      } finally {
        await fs.rm(upload, { force: true });
      }
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
