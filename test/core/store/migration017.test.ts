// Migration 017 (名单核对, 已导出) runs on a version-15 database with a sealed review in it, keeps the data, and stores one roster
// choice per session and the sealed versions exported, both going with their session.
import { describe, expect, it } from 'vitest';
import { loadRosterChoice, recordExport, saveRosterChoice, wasExported } from '../../../electron/core/store/identity';
import { migrateTo, sessionDbAt } from './migrationDb';

describe('017 roster choice and exports', () => {
  it('runs on a version-15 database with a seal in it; choices replace each other, exports need their seal, both cascade', () => {
    const db = sessionDbAt(15);
    db.prepare(`INSERT INTO rubrics VALUES ('f', '{}')`).run();
    db.prepare(`INSERT INTO review_seals VALUES ('s', 'p', 1, 3, '{}', 'f', 'head', '{}', x'01', x'02', ?, 'ecdsa-p256', 'now')`).run(
      'a'.repeat(64),
    );

    migrateTo(db, 17);
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    expect(db.prepare(`SELECT seal_version AS v FROM review_seals`).get()).toEqual({ v: 1 });
    expect(loadRosterChoice(db, 's')).toBeNull();
    expect(wasExported(db, 's', 'p', 1)).toBe(false);

    saveRosterChoice(db, 's', { position: 2, name: '李明华', confirmedAt: 't1' });
    saveRosterChoice(db, 's', { position: 0, name: '周建国', confirmedAt: 't2' });
    expect(loadRosterChoice(db, 's')).toEqual({ position: 0, name: '周建国', confirmedAt: 't2' });
    expect(() => saveRosterChoice(db, 's', { position: -1, name: '周建国', confirmedAt: 't3' })).toThrow(/CHECK/);
    expect(() => saveRosterChoice(db, 's', { position: null, name: ' ', confirmedAt: 't3' })).toThrow(/CHECK/);
    expect(() => saveRosterChoice(db, 'nope', { position: null, name: '周建国', confirmedAt: 't3' })).toThrow(/FOREIGN KEY/);

    recordExport(db, 's', [{ projectId: 'p', sealVersion: 1 }], 't4');
    recordExport(db, 's', [{ projectId: 'p', sealVersion: 1 }], 't5'); // exported again: the first time stays
    expect(wasExported(db, 's', 'p', 1)).toBe(true);
    expect(db.prepare(`SELECT exported_at AS at FROM signed_exports`).all()).toEqual([{ at: 't4' }]);
    expect(wasExported(db, 's', 'p', 2)).toBe(false);
    expect(() => recordExport(db, 's', [{ projectId: 'p', sealVersion: 2 }], 't6')).toThrow(/FOREIGN KEY/);

    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM session_roster_choice`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM signed_exports`).get()).toEqual({ n: 0 });
  });
});
