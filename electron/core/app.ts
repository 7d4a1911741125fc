// Owns start-up and shutdown of the core: opens the store, sweeps leftovers, builds the handler table and its dispatcher.
import path from 'node:path';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { draftFilesDir, publishedPackage } from './bureau/draft';
import { bureauExportFolder, bureauHandlers } from './bureau/handlers';
import { bureauProfileHandlers } from './bureau/profileHandlers';
import { combineHandlers, type Handlers, type Host } from './kernel/handlers';
import { documentHandlers } from './documents/handlers';
import { expertHandlers } from './expert/handlers';
import { JobRegistry } from './jobs/registry';
import { outputHandlers } from './output/handlers';
import { packageHandlers } from './package/handlers';
import { precheckHandlers } from './precheck/handlers';
import { checkCarriedProfile } from './precheck/sessionProfile';
import { packagesDir, sweepLeftovers } from './package/importer';
import { phraseHandlers } from './scoring/phraseHandlers';
import { scoringHandlers } from './scoring/handlers';
import { signingHandlers } from './signing/handlers';
import { openStore } from './store/db';
import { adoptLowerCaseIdEntries } from './store/idFolders';
import { storeHandlers } from './store/handlers';

export interface Core {
  dispatch: Dispatch;
  /** Start-up notices for the user (e.g. a corrupt database was restored from backup). */
  notices: string[];
  /** Cancels running jobs and closes the database cleanly (marks the exit as clean). */
  close(): void;
}

export async function openCore(host: Host, now: () => Date = () => new Date()): Promise<Core> {
  const store = await openStore(host.dataDir, now);
  // Folders named by an id follow the ids' spelling in the database (migration 018) before the sweep judges them; after a
  // restore, folders the restored database does not know are moved aside, never deleted (and reported).
  const d = host.dataDir;
  const idRoots = [packagesDir(d), ...[draftFilesDir, bureauExportFolder, publishedPackage].map((entry) => path.dirname(entry(d, 'id')))];
  const moved = await adoptLowerCaseIdEntries(store.db, idRoots)
    .then(() => sweepLeftovers(store.db, host.dataDir, { recovered: store.recovered, now: now() }))
    .catch((err: unknown) => {
      store.close();
      throw err;
    });
  const jobs = new JobRegistry();
  const handlers: Handlers = combineHandlers(
    storeHandlers(store.db, host, now),
    packageHandlers(store.db, host, jobs, now, checkCarriedProfile),
    documentHandlers(store.db, host, jobs, now),
    precheckHandlers(store.db, now),
    scoringHandlers(store.db, now),
    phraseHandlers(store.db, now),
    expertHandlers(store.db, now),
    outputHandlers(store.db, host, jobs, now),
    signingHandlers(store.db, host, now),
    bureauHandlers(store.db, host, jobs, now),
    bureauProfileHandlers(store.db, host, now),
  );
  return {
    dispatch: createDispatcher(handlers),
    notices: [...store.notices, ...moved],
    close() {
      jobs.cancelAll();
      store.close();
    },
  };
}
