// Migration 008 (bureau) runs on a version-7 database with data in it, keeps the data, keeps every result submission, and its decisions cascade with the session.
import { describe, expect, it } from 'vitest';
import { migrateTo, sessionDbAt } from './migrationDb';

describe('008 bureau', () => {
  it('runs on a version-7 database, keeps its data, and constrains results and decisions', () => {
    const db = sessionDbAt(7);

    migrateTo(db, 8);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare(`SELECT name FROM projects`).get()).toEqual({ name: '项目' });

    db.prepare(`INSERT INTO bureau_drafts VALUES ('d', '{}', 1, 'now', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO bureau_drafts VALUES ('e', '{}', 0, 'now', 'now')`).run()).toThrow(/CHECK/);

    const result = db.prepare(
      `INSERT INTO bureau_results (session_id, expert_position, expert_name, fingerprint, signed_at, file_sha256, file_name, bytes, received_at) VALUES (?, ?, '甲', ?, ?, ?, 'a.rdr.json', x'7b7d', 'now')`,
    );
    const fp = 'a'.repeat(64);
    result.run('s', 0, fp, '2027-03-01T00:00:00Z', '1'.repeat(64));
    result.run('s', 0, fp, '2027-03-02T00:00:00Z', '2'.repeat(64)); // a newer submission is kept beside the older
    expect(() => result.run('s', 1, fp, '2027-03-03T00:00:00Z', '2'.repeat(64))).toThrow(/UNIQUE/); // the same bytes twice
    expect(() => result.run('s', 0, fp, '2027-03-02T00:00:00Z', '3'.repeat(64))).toThrow(/UNIQUE/); // two files of one signing time
    expect(() => result.run('nope', 0, fp, '2027-03-04T00:00:00Z', '4'.repeat(64))).toThrow(/FOREIGN KEY/);
    expect(() => result.run('s', 0, 'short', '2027-03-05T00:00:00Z', '5'.repeat(64))).toThrow(/CHECK/);

    db.prepare(`INSERT INTO bureau_line_overrides VALUES ('s', 'p', 'b1', 100, '利旧', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO bureau_line_overrides VALUES ('s', 'p', 'b2', 100, '  ', 'now')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO bureau_conclusions VALUES ('s', 'p', 'maybe', '理由', 'now')`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO bureau_conclusions VALUES ('s', 'p', 'revise', '理由', 'now')`).run();
    db.prepare(`INSERT INTO bureau_dissents VALUES ('s', 'p', 2, '不同意', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO bureau_dissents VALUES ('s', 'x', 2, '不同意', 'now')`).run()).toThrow(/FOREIGN KEY/);

    db.prepare(`DELETE FROM sessions`).run();
    for (const table of ['bureau_results', 'bureau_line_overrides', 'bureau_conclusions', 'bureau_dissents']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(db.prepare(`SELECT COUNT(*) AS n FROM bureau_drafts`).get()).toEqual({ n: 1 }); // a draft outlives its registered session
  });
});
