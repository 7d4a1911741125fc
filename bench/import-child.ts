// Bench child: imports one package into a fresh data folder and prints its wall time and the process's peak RSS as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobRegistry } from '../electron/core/jobs/registry';
import { importPackage } from '../electron/core/package/importer';
import { openStore } from '../electron/core/store/db';

void (async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rd-bench-'));
  const store = await openStore(dataDir);
  const start = process.hrtime.bigint();
  await importPackage(
    { db: store.db, dataDir, jobs: new JobRegistry(), now: () => new Date(), onProgress: () => undefined },
    'bench',
    process.argv[2]!,
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
  // maxRSS covers the worker thread too: it lives in this process.
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
})();
