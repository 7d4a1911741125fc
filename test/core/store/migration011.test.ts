// Migration 011 (a session's carried profile) runs on a version-10 database with a session in it, keeps one profile per session, and the profile goes with the session.
import { describe, expect, it } from 'vitest';
import { saveSessionProfile, sessionProfileOf } from '../../../electron/core/store/sessionProfiles';
import { migrateTo, sessionDbAt } from './migrationDb';

describe('011 session profiles', () => {
  it('runs on a version-10 database, stores the bytes as carried, one per session, and deletes with the session', () => {
    const db = sessionDbAt(10);
    migrateTo(db, 11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(sessionProfileOf(db, 's')).toBeNull();

    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]); // a BOM and {}: kept byte for byte
    const stored = { sha256: 'a'.repeat(64), bytes, resolvedJson: '{"id":"xishan"}' };
    saveSessionProfile(db, 's', stored);
    const read = sessionProfileOf(db, 's')!;
    expect({ ...read, bytes: new Uint8Array(read.bytes) }).toEqual(stored);
    expect(() => saveSessionProfile(db, 's', stored)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => saveSessionProfile(db, 'no-such-session', stored)).toThrow(/FOREIGN KEY/);
    db.prepare(`DELETE FROM session_profiles`).run();
    expect(() => saveSessionProfile(db, 's', { ...stored, sha256: 'short' })).toThrow(/CHECK/);
    saveSessionProfile(db, 's', stored);

    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM session_profiles`).get()).toEqual({ n: 0 });
  });
});
