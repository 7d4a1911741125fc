// Each migration runs on the previous schema with data in it; a failing migration changes nothing.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writableDb, type ReadDb } from '../../../electron/core/store/access';
import { migrations, runMigrations } from '../../../electron/core/store/migrations';
import type { Migration } from '../../../electron/core/store/migrations/migration';
import { migrateTo, sessionDbAt } from './migrationDb';

const tables = (db: ReadDb) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('001 creates the schema from an empty database, with foreign keys that cascade', () => {
    const db = writableDb(new Database(':memory:'));
    db.pragma('foreign_keys = ON');
    migrateTo(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual([
      'budget_lines',
      'documents',
      'experts',
      'projects',
      'reading_positions',
      'recent_packages',
      'sessions',
      'ui_state',
    ]);
    db.prepare(`INSERT INTO sessions VALUES ('s', 'h', 1, '局', 'national', '会', '2027-01-01', '', 'c', 'i', '{}')`).run();
    db.prepare(`INSERT INTO projects VALUES ('s', 'p', 0, '项目', '单位', NULL, 'new', 100, '', NULL, 1, '')`).run();
    db.prepare(
      `INSERT INTO documents (session_id, project_id, id, position, kind, title, path, sha256, bytes) VALUES ('s', 'p', 'd', 0, 'proposal', 't', 'a.pdf', 'x', 1)`,
    ).run();
    db.prepare(`INSERT INTO reading_positions VALUES (1, '{}', 'now')`).run();
    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM reading_positions`).get()).toEqual({ n: 0 });
    expect(() =>
      db.prepare(`INSERT INTO projects VALUES ('nope', 'p', 0, '项目', '单位', NULL, 'new', 100, '', NULL, 1, '')`).run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('a migration that fails halfway leaves the schema and user_version as they were', () => {
    const db = writableDb(new Database(':memory:'));
    runMigrations(db);
    const before = tables(db);
    const broken: Migration = {
      version: 99,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => runMigrations(db, [...migrations, broken])).toThrow('boom');
    expect(tables(db)).toEqual(before);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
  });
});

describe('002 document text', () => {
  it('runs on a version-1 database with a session in it, keeps the data, and indexes page text for search', async () => {
    const { saveDocumentText, searchSession } = await import('../../../electron/core/store/texts');
    const db = sessionDbAt(1);
    db.prepare(
      `INSERT INTO documents (session_id, project_id, id, position, kind, title, path, sha256, bytes) VALUES ('s', 'p', 'd', 0, 'proposal', '建设方案', 'a.pdf', 'x', 1)`,
    ).run();

    migrateTo(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare(`SELECT title FROM documents`).get()).toEqual({ title: '建设方案' });

    saveDocumentText(
      db,
      1,
      {
        documentId: 'd',
        pages: [
          { page: 1, text: '第一章 项目概况' },
          { page: 5, text: '第五章 数据资源共享分析\n本项目通过政务数据共享交换平台共享数据。' },
        ],
        headings: [],
      },
      'ok',
      null,
      'now',
    );
    expect(searchSession(db, 's', '数据资源共享')).toEqual([
      { documentKey: 1, documentTitle: '建设方案', projectId: 'p', page: 5, snippet: expect.stringContaining('【数据资源共享】') },
    ]);
    expect(searchSession(db, 's', '概况').map((h) => h.page)).toEqual([1]); // two characters: below the trigram length
    expect(searchSession(db, 's', '"; DROP TABLE documents; --')).toEqual([]);

    // Re-extraction replaces the pages, and the index follows.
    saveDocumentText(db, 1, { documentId: 'd', pages: [{ page: 1, text: '只剩一页' }], headings: [] }, 'ok', null, 'later');
    expect(searchSession(db, 's', '数据资源共享')).toEqual([]);
    // Removing the session removes its text and its index entries.
    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM document_pages_fts WHERE document_pages_fts MATCH '"只剩一页"'`).get()).toEqual({ n: 0 });
  });
});

describe('searchable text', () => {
  it('joins line wraps inside Chinese sentences and keeps other breaks as spaces', async () => {
    const { searchableText } = await import('../../../electron/core/store/texts');
    expect(searchableText('本项目数据资源\n共享交换。\nSM2 算法\nand more')).toBe('本项目数据资源共享交换。 SM2 算法 and more');
  });
});

describe('003 reviews', () => {
  it('runs on a version-2 database with data in it, keeps the data, and stores reviews that cascade with their session', () => {
    const db = sessionDbAt(2);
    db.prepare(
      `INSERT INTO finding_marks (session_id, project_id, rule_id, mark, note, marked_at) VALUES ('s', 'p', 'r', 'verified', '', 'now')`,
    ).run();

    migrateTo(db, 3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare(`SELECT rule_id AS ruleId FROM finding_marks`).get()).toEqual({ ruleId: 'r' });
    expect(tables(db)).toEqual(expect.arrayContaining(['reviews', 'rubrics', 'review_history']));

    db.prepare(`INSERT INTO rubrics VALUES ('f', '{}')`).run();
    db.prepare(`INSERT INTO reviews VALUES ('s', 'p', 'local', '{}', 'f', 1, 'now', NULL)`).run();
    db.prepare(
      `INSERT INTO review_history (session_id, project_id, expert_id, at, field, before_json, after_json, kind) VALUES ('s', 'p', 'local', 'now', 'overallOpinion', NULL, '"好"', 'edit')`,
    ).run();
    expect(() => db.prepare(`INSERT INTO reviews VALUES ('s', 'p', 'local', '{}', 'f', 2, 'now', NULL)`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO reviews VALUES ('s', 'nope', 'local', '{}', 'f', 1, 'now', NULL)`).run()).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO review_history (session_id, project_id, expert_id, at, field, kind) VALUES ('s', 'p', 'local', 'now', 'x', 'delete')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT (SELECT COUNT(*) FROM reviews) + (SELECT COUNT(*) FROM review_history) AS n`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM rubrics`).get()).toEqual({ n: 1 }); // rubrics outlive sessions: other reviews may name them
  });
});

describe('004 phrases', () => {
  it('runs on a version-3 database with a review in it, keeps the data, and stores ordered personal phrases', () => {
    const db = sessionDbAt(3);
    db.prepare(`INSERT INTO rubrics VALUES ('f', '{}')`).run();
    db.prepare(`INSERT INTO reviews VALUES ('s', 'p', 'local', '{"overallOpinion":"好"}', 'f', 3, 'now', NULL)`).run();

    migrateTo(db, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare(`SELECT review_json AS json, version FROM reviews`).get()).toEqual({ json: '{"overallOpinion":"好"}', version: 3 });
    expect(tables(db)).toContain('phrases');

    db.prepare(
      `INSERT INTO phrases ("group", text, position, created_at) VALUES ('overall', '同意通过。', 1, 'now'), ('necessity', '依据充分。', 0, 'now')`,
    ).run();
    expect(db.prepare(`SELECT "group", text FROM phrases ORDER BY position`).all()).toEqual([
      { group: 'necessity', text: '依据充分。' },
      { group: 'overall', text: '同意通过。' },
    ]);
    expect(() => db.prepare(`INSERT INTO phrases ("group", text, position, created_at) VALUES ('overall', '  ', 2, 'now')`).run()).toThrow(
      /CHECK/,
    );
    expect(() =>
      db.prepare(`INSERT INTO phrases ("group", text, position, created_at) VALUES ('overall', '文本', 'x', 'now')`).run(),
    ).toThrow(/cannot store TEXT/);
  });
});

describe('005 expert', () => {
  it('runs on a version-4 database with data in it, keeps the data, and stores one profile and commitments that cascade', () => {
    const db = sessionDbAt(4);
    db.prepare(`INSERT INTO phrases ("group", text, position, created_at) VALUES ('overall', '同意通过。', 0, 'now')`).run();

    migrateTo(db, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare(`SELECT text FROM phrases`).get()).toEqual({ text: '同意通过。' });
    expect(tables(db)).toEqual(expect.arrayContaining(['expert_profile', 'session_commitments']));

    db.prepare(`INSERT INTO expert_profile VALUES (1, '王专家', '', '', '', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO expert_profile VALUES (2, '李专家', '', '', '', 'now')`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO session_commitments VALUES ('s', 'now', '王专家', '承诺')`).run();
    expect(() => db.prepare(`INSERT INTO session_commitments VALUES ('nope', 'now', '王专家', '承诺')`).run()).toThrow(/FOREIGN KEY/);
    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM session_commitments`).get()).toEqual({ n: 0 });
  });
});
