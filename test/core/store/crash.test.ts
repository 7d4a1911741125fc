// A process killed mid-write never leaves a broken database or a half-saved session (reliability item 11).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, DB_FILE } from '../../../electron/core/store/db';
import { tempDir } from '../../helpers/core';

const ROUNDS = 6;

function runAndKill(dataDir: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../helpers/crash-writer.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited without being killed: ${signal}`)),
    );
  });
}

describe('crash safety', () => {
  it(`after ${ROUNDS} SIGKILLs at random moments the database is intact and every session is whole`, async () => {
    const dataDir = tempDir();
    for (let round = 0; round < ROUNDS; round++) {
      await runAndKill(dataDir, Math.floor(Math.random() * 150));
      const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const partial = db
        .prepare(
          `SELECT s.id FROM sessions s WHERE (SELECT COUNT(*) FROM projects p WHERE p.session_id = s.id) != 3
              OR (SELECT COUNT(*) FROM documents d WHERE d.session_id = s.id) != 6
              OR (SELECT COUNT(*) FROM budget_lines b WHERE b.session_id = s.id) != 3`,
        )
        .all();
      expect(partial).toEqual([]);
      db.close();
    }
    const store = await openStore(dataDir);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n).toBeGreaterThan(0);
    store.close();
  }, 120_000);
});
