// Test helpers: a temporary data folder with a real store, and a minimal valid package built on disk.
import { createHash } from 'node:crypto';
import { mkdtempSync, promises as fs, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobProgress } from '../../shared/domain';
import { JobRegistry } from '../../electron/core/jobs/registry';
import type { Host } from '../../electron/core/kernel/handlers';
import type { ImportContext } from '../../electron/core/package/importer';
import { checkCarriedProfile } from '../../electron/core/precheck/sessionProfile';
import Database from 'better-sqlite3';
import type { ReadDb } from '../../electron/core/store/access';
import { DB_FILE, openStore, type Store } from '../../electron/core/store/db';

export function tempDir(prefix = 'rd-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A desktop-like host on `dataDir` without dialogs, that opens nothing and drops events. */
export function quietHost(dataDir: string): Host {
  return {
    dataDir,
    version: 't',
    transport: 'ipc',
    choosePath: null,
    openPath: async () => false,
    openFolder: async () => false,
    emit: () => undefined,
  };
}

export interface TestCore {
  dataDir: string;
  store: Store;
  ctx: ImportContext;
  progress: JobProgress[];
}

export async function openTestCore(dataDir = tempDir()): Promise<TestCore> {
  const store = await openStore(dataDir);
  const progress: JobProgress[] = [];
  const ctx: ImportContext = {
    db: store.db,
    dataDir,
    jobs: new JobRegistry(),
    now: () => new Date('2027-03-05T09:00:00Z'),
    onProgress: (p) => progress.push(p),
    // As the app wires it (electron/core/app.ts): a carried profile.json is judged before anything is stored.
    checkProfile: checkCarriedProfile,
  };
  return { dataDir, store, ctx, progress };
}

/**
 * A read-only look into the database of a data folder whose core is running: the folder's single-writer lock
 * (store/db.ts) refuses a second store, as it should, so tests that read a live machine's rows open the file read-only.
 */
export function readLiveDb(dataDir: string): { db: ReadDb; close(): void } {
  const handle = new Database(path.join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  return { db: handle as unknown as ReadDb, close: () => handle.close() };
}

/** Everything the importer could have left behind: session rows, staged or moved files. */
export function traces(core: TestCore): { sessions: number; staged: string[]; packages: string[] } {
  const sessions = (core.store.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
  return { sessions, staged: list(path.join(core.dataDir, 'staging')), packages: list(path.join(core.dataDir, 'packages')) };
}

/** A small valid package folder: one project, two documents. Returns the folder. */
export async function writeMinimalPackage(dir: string, overrides: { packageId?: string; title?: string } = {}): Promise<string> {
  const files: Record<string, string> = {
    'documents/p1/建设方案.pdf': '%PDF-1.4\n% 建设方案 placeholder\n',
    'documents/p1/说明.txt': '说明文件',
  };
  const documents = [];
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, ...rel.split('/'));
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
    const bytes = Buffer.from(content);
    documents.push({
      id: path.basename(rel),
      kind: 'proposal',
      title: path.basename(rel),
      path: rel,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
  }
  const manifest = {
    formatVersion: 1,
    packageId: overrides.packageId ?? '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    createdAt: '2027-03-01T08:00:00+08:00',
    issuer: '测试区大数据发展局',
    jurisdiction: 'national',
    session: {
      title: overrides.title ?? '测试评审会',
      date: '2027-03-05',
      location: '会议室',
      experts: [{ name: '张三', title: '高级工程师', employer: '某研究院' }],
      chair: '张三',
    },
    projects: [
      {
        id: 'p1',
        name: '测试项目',
        applicant: '测试局',
        type: 'new',
        totalInvestment: 1234567.89,
        fundingSource: '区级财政',
        periodMonths: 12,
        inAnnualPlan: true,
        summary: '',
        documents,
        budgetLines: [{ id: 'b1', name: '服务器', category: '硬件', quantity: 2, unit: '台', unitPrice: 50000, amount: 100000 }],
      },
    ],
  };
  await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
