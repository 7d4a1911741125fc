// Migration 014 (发文登记, 发文设置, 专业) runs on a version-13 database with an expert on its roster; the register gives
// each letter the next number of its prefix and year, gives a letter issued again its own number back, refuses a second
// letter on a number (UNIQUE), and two issues racing — in one process, or from two connections to one file — never
// share a number.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writableDb } from '../../../electron/core/store/access';
import { runMigrations } from '../../../electron/core/store/migrations';
import {
  letterNumber,
  listLetters,
  loadLetterSettings,
  registerLetter,
  saveLetterSettings,
  type LetterIssue,
} from '../../../electron/core/store/letterRegister';
import { tempDir } from '../../helpers/core';
import { migrateTo, sessionDbAt } from './migrationDb';

const issue = (projectId: string, more: Partial<LetterIssue> = {}): LetterIssue => ({
  prefix: '武数据评',
  year: 2027,
  sessionId: 's',
  projectId,
  letterKind: 'opinion-letter',
  sessionTitle: '会',
  projectName: `项目${projectId}`,
  dated: '2027-03-18',
  issuedAt: '2027-03-18T02:00:00.000Z',
  ...more,
});

describe('014 letter register', () => {
  it('runs on a version-13 database: the roster keeps its experts (专业 empty), and the tables start empty', () => {
    const db = sessionDbAt(13);
    db.prepare(
      `INSERT INTO experts (session_id, position, name, title, employer, fingerprint, is_chair) VALUES ('s', 0, '周建国', '正高级工程师', '设计院', NULL, 1)`,
    ).run();
    migrateTo(db, 14);
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(db.prepare(`SELECT name, specialty FROM experts`).get()).toEqual({ name: '周建国', specialty: '' });
    expect(listLetters(db)).toEqual([]);
    expect(loadLetterSettings(db)).toEqual({ issuerMark: '', numberPrefix: '', copyTo: [], updatedAt: null });
  });

  it('numbers letters in order per prefix and year; a letter issued again keeps its number; another prefix or year starts at 1', () => {
    const db = sessionDbAt(14);
    expect(registerLetter(db, issue('a')).number).toBe('武数据评〔2027〕1号');
    expect(registerLetter(db, issue('b')).number).toBe('武数据评〔2027〕2号');
    // Issued again (new 成文日期, later): the same number, the new date, the first issue remembered.
    const again = registerLetter(db, issue('a', { dated: '2027-03-20', issuedAt: '2027-03-20T01:00:00.000Z' }));
    expect(again).toMatchObject({
      number: '武数据评〔2027〕1号',
      serial: 1,
      dated: '2027-03-20',
      issuedAt: '2027-03-20T01:00:00.000Z',
      firstIssuedAt: '2027-03-18T02:00:00.000Z',
    });
    expect(registerLetter(db, issue('c')).number).toBe('武数据评〔2027〕3号');
    expect(registerLetter(db, issue('d', { prefix: '武发改评' })).number).toBe('武发改评〔2027〕1号');
    expect(registerLetter(db, issue('e', { year: 2028, dated: '2028-01-05' })).number).toBe('武数据评〔2028〕1号');
    expect(letterNumber('武数据评', 2027, 12)).toBe('武数据评〔2027〕12号');
    expect(listLetters(db).map((l) => l.number)).toEqual([
      '武数据评〔2028〕1号',
      '武发改评〔2027〕1号',
      '武数据评〔2027〕3号',
      '武数据评〔2027〕2号',
      '武数据评〔2027〕1号',
    ]);
    // The register keeps what was issued even when the session goes: a number is never freed for another letter.
    db.prepare(`DELETE FROM sessions`).run();
    expect(listLetters(db)).toHaveLength(5);
    expect(registerLetter(db, issue('f', { sessionId: 's2' })).number).toBe('武数据评〔2027〕4号');
  });

  it('refuses a second letter on a number, and a date that is not a date', () => {
    const db = sessionDbAt(14);
    registerLetter(db, issue('a'));
    const insert = db.prepare(
      `INSERT INTO letter_register (prefix, year, serial, number, session_id, project_id, letter_kind, session_title, project_name, dated, issued_at, first_issued_at)
       VALUES (?, 2027, ?, ?, 's', ?, 'opinion-letter', '会', '项目', '2027-03-18', 'x', 'x')`,
    );
    expect(() => insert.run('武数据评', 1, '武数据评〔2027〕1号x', 'b')).toThrow(
      /UNIQUE constraint failed: letter_register.prefix, letter_register.year, letter_register.serial/,
    );
    expect(() => insert.run('其他', 9, '武数据评〔2027〕1号', 'b')).toThrow(/UNIQUE constraint failed: letter_register.number/);
    expect(() => insert.run('武数据评', 2, '武数据评〔2027〕2号', 'a')).toThrow(
      /UNIQUE constraint failed: letter_register.session_id, letter_register.project_id, letter_register.letter_kind/,
    );
    expect(() => registerLetter(db, issue('c', { dated: '18.03.2027' }))).toThrow(/CHECK/);
  });

  it('two issues racing — in one process, or on two connections to one database file — never share a number', async () => {
    const file = path.join(tempDir('rd-register-'), 'review.db');
    const open = () => {
      const db = writableDb(new Database(file));
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      return db;
    };
    const one = open();
    runMigrations(one);
    const two = open();
    // In one process: issues started together (as two calls of the dispatcher would be) each take their own number.
    const raced = await Promise.all(
      ['a', 'b', 'c', 'd'].map((p) => Promise.resolve().then(() => registerLetter(p === 'b' || p === 'd' ? two : one, issue(p)))),
    );
    expect(new Set(raced.map((r) => r.number)).size).toBe(4);
    // Interleaved on two connections, each read of the maximum is followed by its own insert: 5 … 44 with no gap.
    const numbers: number[] = [];
    for (let i = 0; i < 20; i++) {
      numbers.push(registerLetter(one, issue(`x${i}`)).serial, registerLetter(two, issue(`y${i}`)).serial);
    }
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 5));
    // The same letter from both connections: one number.
    expect(registerLetter(one, issue('z')).number).toBe(registerLetter(two, issue('z')).number);
    one.close();
    two.close();
  });

  it('keeps the bureau’s letter settings in one row', () => {
    const db = sessionDbAt(14);
    saveLetterSettings(
      db,
      { issuerMark: '武隆区大数据发展局', numberPrefix: '武数据评', copyTo: ['武隆区财政局', '武隆区审计局'] },
      '2027-03-18T01:00:00.000Z',
    );
    saveLetterSettings(
      db,
      { issuerMark: '武隆区大数据发展局', numberPrefix: '武数据函', copyTo: ['武隆区财政局'] },
      '2027-03-19T01:00:00.000Z',
    );
    expect(loadLetterSettings(db)).toEqual({
      issuerMark: '武隆区大数据发展局',
      numberPrefix: '武数据函',
      copyTo: ['武隆区财政局'],
      updatedAt: '2027-03-19T01:00:00.000Z',
    });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM bureau_settings`).get()).toEqual({ n: 1 });
    expect(() => db.prepare(`INSERT INTO bureau_settings VALUES (2, '', '', '[]', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE bureau_settings SET copy_to_json = '{}'`).run()).toThrow(/CHECK/);
  });
});
