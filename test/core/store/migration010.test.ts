// Migration 010 (the panel's opinion text) runs on a version-9 database with data in it, keeps it, constrains the section key and versions, and the texts go with the session.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations } from '../../../electron/core/store/migrations';

const at = (version: number) => migrations.findIndex((m) => m.version === version) + 1;

describe('010 panel opinion text', () => {
  it('runs on a version-9 database, keeps its data, and constrains the panel texts', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, migrations.slice(0, at(9)));
    db.prepare(`INSERT INTO sessions VALUES ('s', 'h', 1, '局', 'national', '会', '2027-01-01', '', 'c', 'i', '{}')`).run();
    db.prepare(`INSERT INTO projects VALUES ('s', 'p', 0, '项目', '单位', NULL, 'new', 100, '', NULL, 1, '')`).run();
    db.prepare(`INSERT INTO bureau_dissents VALUES ('s', 'p', 2, '不同意', 'now')`).run();

    runMigrations(db, migrations.slice(0, at(10)));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare(`SELECT reason FROM bureau_dissents`).get()).toEqual({ reason: '不同意' });

    const text = db.prepare(`INSERT INTO bureau_panel_texts VALUES ('s', ?, ?, '专家组认为', ?, '组长', 'now')`);
    text.run('p', 'overall', 1);
    text.run('p', 'dimension:necessity', 1);
    text.run('p', 'chapter:ch1', 3);
    expect(() => text.run('p', 'overall', 2)).toThrow(/UNIQUE|PRIMARY/); // one text per section
    expect(() => text.run('x', 'overall', 1)).toThrow(/FOREIGN KEY/); // no such project
    for (const bad of ['dimension:', 'somewhere', 'chapter']) expect(() => text.run('p', bad, 1)).toThrow(/CHECK/);
    expect(() => text.run('p', 'dimension:other', 0)).toThrow(/CHECK/);

    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM bureau_panel_texts`).get()).toEqual({ n: 0 });
  });
});
