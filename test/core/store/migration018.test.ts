// Migration 018 lower-cases package ids stored as the manifest wrote them: a re-import of the same package then finds
// its session (upper or lower case in the manifest), the session's folders follow at start-up, its seals still verify,
// and where both spellings were already stored neither is lost.
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { callCore } from '../../../electron/core/api/call';
import { openCore, type Core } from '../../../electron/core/app';
import { sealIntact, sealReview } from '../../../electron/core/signing/seal';
import { writableDb, type WriteDb } from '../../../electron/core/store/access';
import { DB_FILE } from '../../../electron/core/store/db';
import { touchRecentPackage, saveUiState } from '../../../electron/core/store/preferences';
import { listSeals } from '../../../electron/core/store/seals';
import { insertSession } from '../../../electron/core/store/sessions';
import { manifestSchema } from '../../../shared/manifest';
import type { SessionSummary } from '../../../shared/domain';
import { quietHost, readLiveDb, tempDir, writeMinimalPackage } from '../../helpers/core';
import { makeTestSigner } from '../signing/testSigner';
import { migrateTo, sessionDbAt } from './migrationDb';

const UPPER = '6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F';
const LOWER = UPPER.toLowerCase();

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

/** Every table's rows still keyed by `id` (sessions.id and each session_id column). */
function rowsKeyedBy(db: Database.Database, id: string): Record<string, number> {
  const tables = (
    db
      .prepare(`SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'session_id'`)
      .all() as { name: string }[]
  ).map((r) => r.name);
  const counts: Record<string, number> = {
    sessions: (db.prepare(`SELECT COUNT(*) AS n FROM sessions WHERE id = ?`).get(id) as { n: number }).n,
  };
  for (const t of tables) counts[t] = (db.prepare(`SELECT COUNT(*) AS n FROM "${t}" WHERE session_id = ?`).get(id) as { n: number }).n;
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** A completed review of project p1, so it can be sealed. */
function completedReview(db: WriteDb, sessionId: string): void {
  db.prepare(`INSERT OR IGNORE INTO rubrics (fingerprint, rubric_json) VALUES ('rf', '{}')`).run();
  db.prepare(
    `INSERT INTO reviews (session_id, project_id, expert_id, review_json, rubric_fingerprint, version, saved_at, completed_at)
     VALUES (?, 'p1', 'local', '{"rubricFingerprint":"rf"}', 'rf', 1, 't', 't')`,
  ).run(sessionId);
}

/**
 * A data folder as the app before the change left it: version 17, the package imported with its id as written
 * (upper-case) in the session row, every table keyed by it, the files folder, a bureau draft and its published copy.
 */
async function legacyDataFolder(): Promise<{ dataDir: string; pkg: string }> {
  const dataDir = tempDir('migration018-');
  const pkg = await writeMinimalPackage(tempDir(), { packageId: UPPER });
  const manifestBytes = await fs.readFile(path.join(pkg, 'manifest.json'));
  const handle = new Database(path.join(dataDir, DB_FILE));
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  const db = writableDb(handle);
  migrateTo(db, 17);
  const manifest = { ...manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8'))), packageId: UPPER };
  insertSession(db, manifest, createHash('sha256').update(manifestBytes).digest('hex'), '2027-03-01T00:00:00Z');
  touchRecentPackage(db, pkg, UPPER, 't');
  saveUiState(db, { sessionId: UPPER, projectId: 'p1' });
  db.prepare(`INSERT INTO session_commitments (session_id, accepted_at, expert_name, text) VALUES (?, 't', '张三', '承诺')`).run(UPPER);
  completedReview(db, UPPER);
  sealReview(db, UPPER, 'p1', await makeTestSigner(), '2027-03-02T00:00:00Z');
  db.prepare(`INSERT INTO bureau_drafts (id, draft_json, version, created_at, updated_at) VALUES (?, ?, 1, 't', 't')`).run(
    UPPER,
    JSON.stringify({ id: UPPER, createdAt: 't', session: {}, projects: [] }),
  );
  handle.close();
  await fs.cp(pkg, path.join(dataDir, 'packages', UPPER), { recursive: true });
  await fs.mkdir(path.join(dataDir, 'bureau', 'drafts', UPPER, 'documents'), { recursive: true });
  await fs.mkdir(path.join(dataDir, 'bureau', 'published'), { recursive: true });
  await fs.writeFile(path.join(dataDir, 'bureau', 'published', `${UPPER}.rpkg`), 'rpkg');
  return { dataDir, pkg };
}

describe('018 lower-case package ids', () => {
  it('makes a session imported with an upper-case id the one a re-import finds; its files, seals and draft follow', async () => {
    const { dataDir, pkg } = await legacyDataFolder();
    const core = await openCore(quietHost(dataDir));
    cores.push(core);

    const live = readLiveDb(dataDir);
    try {
      const raw = live.db as unknown as Database.Database;
      expect(raw.pragma('user_version', { simple: true })).toBe(18);
      expect(rowsKeyedBy(raw, UPPER)).toEqual({});
      expect(Object.keys(rowsKeyedBy(raw, LOWER)).sort()).toEqual(
        [
          'budget_lines',
          'documents',
          'experts',
          'projects',
          'recent_packages',
          'review_seals',
          'reviews',
          'session_commitments',
          'sessions',
        ].sort(),
      );
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      // A seal keeps the spelling it signed and still verifies.
      const [seal] = listSeals(live.db, LOWER, 'p1');
      expect(seal?.sessionId).toBe(UPPER);
      expect(sealIntact(seal!)).toBe(true);
      expect(raw.prepare(`SELECT id, json_extract(draft_json, '$.id') AS draftId FROM bureau_drafts`).all()).toEqual([
        { id: LOWER, draftId: LOWER },
      ]);
    } finally {
      live.close();
    }
    // The folders named by the id follow it, so the sweep keeps them.
    expect(existsSync(path.join(dataDir, 'packages', LOWER, 'manifest.json'))).toBe(true);
    expect(await fs.readdir(path.join(dataDir, 'packages'))).toEqual([LOWER]);
    expect(await fs.readdir(path.join(dataDir, 'bureau', 'drafts'))).toEqual([LOWER]);
    expect(await fs.readdir(path.join(dataDir, 'bureau', 'published'))).toEqual([`${LOWER}.rpkg`]);
    expect(await callCore(core.dispatch, 'ui.restore', {})).toMatchObject({ sessionId: LOWER, projectId: 'p1' });

    // The same package again (its manifest says the id in upper case): recognised, no second session.
    const again = await callCore<SessionSummary>(core.dispatch, 'package.import', { jobId: 'j1', source: { kind: 'path', path: pkg } });
    expect(again.id).toBe(LOWER);
    expect((await callCore<SessionSummary[]>(core.dispatch, 'session.list', {})).map((s) => s.id)).toEqual([LOWER]);
    // Its manifest rewritten with the id in lower case is another version of the same package: recognised as that
    // session (and refused as different content), never imported beside it.
    const manifestPath = path.join(pkg, 'manifest.json');
    await fs.writeFile(manifestPath, (await fs.readFile(manifestPath, 'utf8')).replace(UPPER, LOWER));
    await expect(callCore(core.dispatch, 'package.import', { jobId: 'j2', source: { kind: 'path', path: pkg } })).rejects.toThrow(
      /评审包编号相同但内容不同/,
    );
    expect((await callCore<SessionSummary[]>(core.dispatch, 'session.list', {})).map((s) => s.id)).toEqual([LOWER]);
  });

  it('where both spellings are stored, the lower-case session keeps the id and the other stays whole under its own', () => {
    const db = sessionDbAt(17); // session 's', project 'p'
    const session = db.prepare(`INSERT INTO sessions VALUES (?, 'h', 1, '局', 'national', ?, '2027-01-01', '', 'c', ?, '{}')`);
    const project = db.prepare(`INSERT INTO projects VALUES (?, 'p1', 0, '项目', '单位', NULL, 'new', 100, '', NULL, 1, '')`);
    session.run(UPPER, '旧导入', '2027-01-01');
    session.run(LOWER, '新导入', '2027-02-01');
    // Two other spellings of a second id and no lower-case one: the first imported moves, the other stays.
    const mixedA = 'AAAAAAAA-0000-0000-0000-000000000001';
    const mixedB = 'AaAaAaAa-0000-0000-0000-000000000001';
    session.run(mixedB, '后导入', '2027-01-05');
    session.run(mixedA, '先导入', '2027-01-02');
    for (const id of [UPPER, LOWER, mixedA, mixedB]) {
      project.run(id);
      completedReview(db, id);
    }
    migrateTo(db, 18);
    const rows = db.prepare(`SELECT id, title FROM sessions ORDER BY title`).all();
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: UPPER, title: '旧导入' },
        { id: LOWER, title: '新导入' },
        { id: mixedA.toLowerCase(), title: '先导入' },
        { id: mixedB, title: '后导入' },
      ]),
    );
    expect(rowsKeyedBy(db as unknown as Database.Database, UPPER)).toEqual({ sessions: 1, projects: 1, reviews: 1 });
    expect(rowsKeyedBy(db as unknown as Database.Database, mixedA.toLowerCase())).toEqual({ sessions: 1, projects: 1, reviews: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
