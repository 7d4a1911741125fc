// Migration 009 (panel signatures) runs on a version-8 database with data in it, keeps it, ties each member signature to a frozen opinion, and both go with the session.
import { describe, expect, it } from 'vitest';
import { migrateTo, sessionDbAt } from './migrationDb';

describe('009 panel signatures', () => {
  it('runs on a version-8 database, keeps its data, and constrains frozen opinions and signatures', () => {
    const db = sessionDbAt(8);
    db.prepare(`INSERT INTO bureau_dissents VALUES ('s', 'p', 2, '不同意', 'now')`).run();

    migrateTo(db, 9);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare(`SELECT reason FROM bureau_dissents`).get()).toEqual({ reason: '不同意' });

    const opinion = db.prepare(`INSERT INTO bureau_panel_opinions VALUES (?, ?, '专家组评审意见-项目.pdf', x'25504446', ?, 'then', 'now')`);
    expect(() => opinion.run('s', 'x', 'a'.repeat(64))).toThrow(/FOREIGN KEY/); // no such project
    expect(() => opinion.run('s', 'p', 'short')).toThrow(/CHECK/);
    opinion.run('s', 'p', 'a'.repeat(64));
    expect(() => opinion.run('s', 'p', 'b'.repeat(64))).toThrow(/UNIQUE|PRIMARY/); // one frozen opinion per project

    const signature = db.prepare(
      `INSERT INTO bureau_panel_signatures VALUES ('s', ?, ?, '甲', ?, 'then', ?, 'a.sig.json', x'7b7d', 'now')`,
    );
    signature.run('p', 0, 'f'.repeat(64), '1'.repeat(64));
    expect(() => signature.run('p', 0, 'f'.repeat(64), '2'.repeat(64))).toThrow(/UNIQUE|PRIMARY/); // one signature per member
    expect(() => signature.run('q', 1, 'f'.repeat(64), '3'.repeat(64))).toThrow(/FOREIGN KEY/); // no frozen opinion to sign
    expect(() => signature.run('p', -1, 'f'.repeat(64), '4'.repeat(64))).toThrow(/CHECK/);

    db.prepare(`DELETE FROM sessions`).run();
    for (const table of ['bureau_panel_opinions', 'bureau_panel_signatures'])
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
  });
});
