// Migration 010 (the panel's opinion text) runs on a version-9 database with data in it, keeps it, constrains the section key and versions, and the texts go with the session.
import { describe, expect, it } from 'vitest';
import { migrateTo, sessionDbAt } from './migrationDb';

describe('010 panel opinion text', () => {
  it('runs on a version-9 database, keeps its data, and constrains the panel texts', () => {
    const db = sessionDbAt(9);
    db.prepare(`INSERT INTO bureau_dissents VALUES ('s', 'p', 2, '不同意', 'now')`).run();

    migrateTo(db, 10);
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
