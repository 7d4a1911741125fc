// Owns renaming the folders and files named by a package id to the spelling the database now stores (migration 018 lower-cased the ids).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReadDb } from './access';

/**
 * In each of `roots` (folders whose entries are named by a session's or a draft's id, as `<id>` or `<id>.rpkg`), renames
 * an entry whose id is not stored to the lower-case spelling when that one is stored and has no entry yet. Run before the
 * start-up sweep, which would otherwise take such a folder for a killed import's leftover. A case-only rename also works
 * on the case-insensitive disks of Windows and macOS. Returns the entries renamed, as `root/name`.
 */
export async function adoptLowerCaseIdEntries(db: ReadDb, roots: readonly string[]): Promise<string[]> {
  const stored = new Set(
    (db.prepare(`SELECT id FROM sessions UNION SELECT id FROM bureau_drafts`).all() as { id: string }[]).map((r) => r.id),
  );
  const renamed: string[] = [];
  for (const root of roots) {
    let names: string[];
    try {
      names = await fs.readdir(root);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const present = new Set(names);
    for (const name of names) {
      const id = name.replace(/\.rpkg$/, '');
      const lower = name.toLowerCase();
      if (lower === name || stored.has(id) || !stored.has(id.toLowerCase()) || present.has(lower)) continue;
      await fs.rename(path.join(root, name), path.join(root, lower));
      present.add(lower);
      renamed.push(path.join(root, name));
    }
  }
  return renamed;
}
