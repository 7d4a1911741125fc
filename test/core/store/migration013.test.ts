// Migration 013 (the jurisdiction profile in force) runs on a version-12 database with a review and a generated document
// in it, keeps both (profile unknown: NULL), and from then on a review save and a generated document name a stored profile.
import { describe, expect, it } from 'vitest';
import { loadProfile, profileInForce } from '../../../electron/core/precheck/profiles';
import { generatedDocumentProfiles, recordedProfileJson, recordProfile, reviewProfile } from '../../../electron/core/store/profilesInForce';
import { generatedDocuments, recordGeneratedDocument } from '../../../electron/core/store/templates';
import { migrateTo, sessionDbAt } from './migrationDb';

const hex = (c: string) => c.repeat(64);

describe('013 profiles in force', () => {
  it('runs on a version-12 database, keeps reviews and documents made before it, and constrains what is recorded', () => {
    const db = sessionDbAt(12);
    db.prepare(`INSERT INTO rubrics VALUES ('r', '{}')`).run();
    db.prepare(`INSERT INTO reviews VALUES ('s', 'p', 'local', '{}', 'r', 1, 'then', NULL)`).run();
    db.prepare(
      `INSERT INTO generated_documents (session_id, project_id, template_id, template_version, format, path, sha256, bytes, created_at) VALUES ('s', 'p', 't', 1, 'pdf', '/x.pdf', ?, 1, '2027-01-01T00:00:00Z')`,
    ).run(hex('a'));

    migrateTo(db, 13);
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare(`SELECT review_json, profile_fingerprint FROM reviews`).get()).toEqual({
      review_json: '{}',
      profile_fingerprint: null,
    });
    expect(db.prepare(`SELECT template_id, profile_fingerprint FROM generated_documents`).get()).toEqual({
      template_id: 't',
      profile_fingerprint: null,
    });
    expect(reviewProfile(db, 's', 'p')).toBeNull();

    // Only a stored profile can be named, and a fingerprint is 64 hex digits.
    expect(() => db.prepare(`UPDATE reviews SET profile_fingerprint = ?`).run(hex('b'))).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO profiles_in_force VALUES ('short', 'wulong', 1, '{}')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO profiles_in_force VALUES (?, 'wulong', 0, '{}')`).run(hex('c'))).toThrow(/CHECK/);

    const wulong = loadProfile('wulong');
    const record = profileInForce(wulong);
    expect(record).toMatchObject({ id: 'wulong', version: wulong.version });
    recordProfile(db, record, JSON.stringify(wulong));
    recordProfile(db, record, JSON.stringify(wulong)); // stored once
    expect(db.prepare(`SELECT COUNT(*) AS n FROM profiles_in_force`).get()).toEqual({ n: 1 });
    db.prepare(`UPDATE reviews SET profile_fingerprint = ?`).run(record.fingerprint);
    expect(reviewProfile(db, 's', 'p')).toEqual(record);
    expect(JSON.parse(recordedProfileJson(db, record.fingerprint)!)).toEqual(JSON.parse(JSON.stringify(wulong)));

    const id = recordGeneratedDocument(db, {
      sessionId: 's',
      projectId: 'p',
      templateId: 'expert-opinion',
      templateVersion: 1,
      format: 'docx',
      path: '/y.docx',
      sha256: hex('d'),
      bytes: 2,
      createdAt: '2027-02-01T00:00:00Z',
      profile: record,
    });
    expect(generatedDocumentProfiles(db, 's').get(id)).toEqual(record);
    expect(generatedDocuments(db, 's').map((d) => d.profile ?? null)).toEqual([record, null]);

    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM generated_documents`).get()).toEqual({ n: 0 });
  });
});
