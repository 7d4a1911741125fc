// Removing a session takes the OCR cache of its files with it, unless another session still holds the same file.
import { describe, expect, it } from 'vitest';
import { dropSessionWithoutResults } from '../../../electron/core/store/bureauDrafts';
import { latestVersion } from '../../../electron/core/store/migrations';
import { loadOcrPages, saveOcrPage } from '../../../electron/core/store/ocrPages';
import { removeSession } from '../../../electron/core/store/sessions';
import { sessionDbAt } from './migrationDb';

const SHARED_SCAN = 'a'.repeat(64);
const OWN_SCAN = 'b'.repeat(64);

function twoSessionsSharingAScan() {
  const db = sessionDbAt(latestVersion); // session 's' with project 'p'
  db.prepare(`INSERT INTO sessions VALUES ('t', 'h2', 1, '局', 'national', '会二', '2027-02-01', '', 'c', 'i', '{}')`).run();
  db.prepare(`INSERT INTO projects VALUES ('t', 'p', 0, '项目', '单位', NULL, 'new', 100, '', NULL, 1, '')`).run();
  const doc = db.prepare(
    `INSERT INTO documents (session_id, project_id, id, kind, title, path, sha256, bytes, position) VALUES (?, 'p', ?, 'proposal', '扫描件', ?, ?, 1, 0)`,
  );
  doc.run('s', 'd1', 'documents/p/scan.pdf', SHARED_SCAN);
  doc.run('s', 'd2', 'documents/p/own.pdf', OWN_SCAN);
  doc.run('t', 'd1', 'documents/p/scan.pdf', SHARED_SCAN);
  for (const sha of [SHARED_SCAN, OWN_SCAN])
    for (const page of [1, 2]) saveOcrPage(db, sha, 'e1', { page, text: `第 ${page} 页`, boxes: [], confidence: 0.9 }, 't');
  return db;
}

const cachedPages = (db: ReturnType<typeof twoSessionsSharingAScan>, sha: string) => [...loadOcrPages(db, sha, 'e1').keys()];

describe('removing a session prunes the OCR cache', () => {
  it('keeps a scan another session holds; removing both clears it', () => {
    const db = twoSessionsSharingAScan();
    removeSession(db, 's');
    expect(cachedPages(db, SHARED_SCAN)).toEqual([1, 2]);
    expect(cachedPages(db, OWN_SCAN)).toEqual([]);
    removeSession(db, 't');
    expect(cachedPages(db, SHARED_SCAN)).toEqual([]);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM ocr_pages`).get()).toEqual({ n: 0 });
  });

  it('prunes when the bureau drops its copy of a session, and not when results keep the session', () => {
    const db = twoSessionsSharingAScan();
    db.prepare(
      `INSERT INTO bureau_results (session_id, expert_position, expert_name, fingerprint, signed_at, file_sha256, file_name, bytes, received_at)
       VALUES ('t', 0, '专家', ?, 's', ?, 'r.json', x'00', 'r')`,
    ).run('f'.repeat(64), 'e'.repeat(64));
    expect(dropSessionWithoutResults(db, 't')).toBe(false);
    expect(dropSessionWithoutResults(db, 's')).toBe(true);
    expect(cachedPages(db, SHARED_SCAN)).toEqual([1, 2]); // 't' still holds the scan
    expect(cachedPages(db, OWN_SCAN)).toEqual([]);
  });
});
