// Migration 012 (the bureau's own profiles) runs on a version-11 database with data in it, keeps it, and constrains ids, versions and the regulation columns; the profiles store saves each version as the next and refuses a stale save.
import { describe, expect, it } from 'vitest';
import {
  findProfile,
  insertProfile,
  listProfiles,
  profileVersion,
  profileVersions,
  saveProfileVersion,
  setProfileRegulation,
  StaleProfileError,
} from '../../../electron/core/store/bureauProfiles';
import { migrateTo, sessionDbAt } from './migrationDb';

const sha = (c: string) => c.repeat(64);

describe('012 bureau profiles', () => {
  it('runs on a version-11 database, keeps its data, and constrains the profile tables', () => {
    const db = sessionDbAt(11);
    db.prepare(`INSERT INTO session_profiles VALUES ('s', ?, x'7b7d', '{}')`).run(sha('a'));

    migrateTo(db, 12);
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare(`SELECT sha256 FROM session_profiles`).get()).toEqual({ sha256: sha('a') });

    const profile = db.prepare(`INSERT INTO bureau_profiles (id, name, base, created_at) VALUES (?, '西山区', 'blank', 'now')`);
    profile.run('xishan');
    for (const bad of ['XiShan', 'xi shan', '西山', '', 'a'.repeat(65)]) expect(() => profile.run(bad), bad).toThrow(/CHECK/);
    // The regulation's name, text and time go together.
    expect(() => db.prepare(`UPDATE bureau_profiles SET regulation_name = 'a.txt' WHERE id = 'xishan'`).run()).toThrow(/CHECK/);

    const version = db.prepare(
      `INSERT INTO bureau_profile_versions (profile_id, version, profile_json, sha256, saved_at) VALUES (?, ?, '{}', ?, 'now')`,
    );
    version.run('xishan', 1, sha('b'));
    expect(() => version.run('xishan', 1, sha('c'))).toThrow(/UNIQUE|PRIMARY/);
    expect(() => version.run('xishan', 0, sha('c'))).toThrow(/CHECK/);
    expect(() => version.run('xishan', 2, 'short')).toThrow(/CHECK/);
    expect(() => version.run('nobody', 1, sha('c'))).toThrow(/FOREIGN KEY/);

    db.prepare(`DELETE FROM bureau_profiles`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM bureau_profile_versions`).get()).toEqual({ n: 0 });
  });

  it('the store: each save is the next version, a stale one is refused, old versions stay readable', () => {
    const db = sessionDbAt(12);
    insertProfile(db, { id: 'xishan', name: '西山区', base: 'wulong' }, '2027-03-01T09:00:00.000Z');
    expect(listProfiles(db)).toEqual([
      {
        id: 'xishan',
        name: '西山区',
        base: 'wulong',
        createdAt: '2027-03-01T09:00:00.000Z',
        latestVersion: 0,
        updatedAt: '2027-03-01T09:00:00.000Z',
        regulationName: null,
      },
    ]);
    expect(profileVersion(db, 'xishan', null)).toBeNull();

    expect(
      saveProfileVersion(db, 'xishan', 0, { name: '西山区', json: '{"v":1}', sha256: sha('1'), note: '初稿' }, '2027-03-02T09:00:00.000Z'),
    ).toBe(1);
    expect(
      saveProfileVersion(
        db,
        'xishan',
        1,
        { name: '西山区（修订）', json: '{"v":2}', sha256: sha('2'), note: '' },
        '2027-03-03T09:00:00.000Z',
      ),
    ).toBe(2);
    expect(() => saveProfileVersion(db, 'xishan', 1, { name: '西山区', json: '{"v":"x"}', sha256: sha('3'), note: '' }, 'later')).toThrow(
      StaleProfileError,
    );

    expect(profileVersion(db, 'xishan', null)).toMatchObject({ version: 2, json: '{"v":2}' });
    expect(profileVersion(db, 'xishan', 1)).toMatchObject({ version: 1, json: '{"v":1}', note: '初稿' });
    expect(profileVersion(db, 'xishan', 3)).toBeNull();
    expect(profileVersions(db, 'xishan').map((v) => v.version)).toEqual([2, 1]);
    expect(listProfiles(db)[0]).toMatchObject({ name: '西山区（修订）', latestVersion: 2, updatedAt: '2027-03-03T09:00:00.000Z' });

    setProfileRegulation(db, 'xishan', { name: '西山区办法.txt', text: '第一条 为规范……' }, '2027-03-04T09:00:00.000Z');
    expect(findProfile(db, 'xishan')?.regulation).toEqual({
      name: '西山区办法.txt',
      text: '第一条 为规范……',
      importedAt: '2027-03-04T09:00:00.000Z',
    });
    expect(findProfile(db, 'nobody')).toBeNull();
  });
});
