// Migration 007 (signing) runs on a version-6 database with data in it, keeps the data, and stores one identity and append-only seals.
import { describe, expect, it } from 'vitest';
import { migrateTo, sessionDbAt } from './migrationDb';

describe('007 signing', () => {
  it('runs on a version-6 database with a review in it, keeps the data, and stores one identity and seals that cascade', () => {
    const db = sessionDbAt(6);
    db.prepare(`INSERT INTO rubrics VALUES ('f', '{}')`).run();
    db.prepare(`INSERT INTO reviews VALUES ('s', 'p', 'local', '{"overallOpinion":"好"}', 'f', 3, 'now', 'now')`).run();

    migrateTo(db, 7);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare(`SELECT review_json AS json, completed_at AS done FROM reviews`).get()).toEqual({
      json: '{"overallOpinion":"好"}',
      done: 'now',
    });

    const fp = 'a'.repeat(64);
    db.prepare(`INSERT INTO signing_identity (id, stored_json, fingerprint, algorithm, created_at) VALUES (1, '{}', ?, 'sm2', 'now')`).run(
      fp,
    );
    expect(() =>
      db
        .prepare(`INSERT INTO signing_identity (id, stored_json, fingerprint, algorithm, created_at) VALUES (2, '{}', ?, 'sm2', 'now')`)
        .run(fp),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE signing_identity SET algorithm = 'rsa'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE signing_identity SET fingerprint = 'short'`).run()).toThrow(/CHECK/);

    const seal = db.prepare(`INSERT INTO review_seals VALUES (?, ?, ?, 3, '{}', ?, 'head', '{}', x'01', x'02', ?, 'ecdsa-p256', 'now')`);
    seal.run('s', 'p', 1, 'f', fp);
    seal.run('s', 'p', 2, 'f', fp);
    expect(() => seal.run('s', 'p', 2, 'f', fp)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => seal.run('s', 'p', 0, 'f', fp)).toThrow(/CHECK/);
    expect(() => seal.run('s', 'nope', 1, 'f', fp)).toThrow(/FOREIGN KEY/);
    expect(() => seal.run('s', 'p', 3, 'no-such-rubric', fp)).toThrow(/FOREIGN KEY/);

    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM review_seals`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM signing_identity`).get()).toEqual({ n: 1 }); // the identity outlives sessions
  });
});
