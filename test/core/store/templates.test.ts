// Migration 006 on a version-5 database with data in it, and the template store: edits become versions, uploads of one name are versioned, generated files are recorded and cascade with their session.
import { describe, expect, it } from 'vitest';
import type { ReadDb, WriteDb } from '../../../electron/core/store/access';
import { runMigrations } from '../../../electron/core/store/migrations';
import { migrateTo, sessionDbAt } from './migrationDb';
import {
  findDocxTemplate,
  generatedDocuments,
  latestDocxTemplates,
  latestTemplateVersion,
  recordGeneratedDocument,
  saveDocxTemplate,
  saveTemplateVersion,
  templateVersion,
  templateVersions,
} from '../../../electron/core/store/templates';

const tables = (db: ReadDb) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
const sha = 'a'.repeat(64);

function version5(): WriteDb {
  const db = sessionDbAt(5);
  db.prepare(`INSERT INTO expert_profile VALUES (1, '王专家', '', '', '', 'now')`).run();
  return db;
}

describe('006 templates', () => {
  it('runs on a version-5 database with data in it, keeps the data, and checks what it stores', () => {
    const db = version5();
    migrateTo(db, 6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare(`SELECT name FROM expert_profile`).get()).toEqual({ name: '王专家' });
    expect(tables(db)).toEqual(expect.arrayContaining(['template_versions', 'docx_templates', 'generated_documents']));

    db.prepare(`INSERT INTO template_versions VALUES ('expert-opinion', 2, '{}', 'now', 1)`).run();
    expect(() => db.prepare(`INSERT INTO template_versions VALUES ('expert-opinion', 2, '{}', 'now', 1)`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO template_versions VALUES ('expert-opinion', 3, '{}', 'now', 3)`).run()).toThrow(/CHECK/); // based on itself
    expect(() =>
      db
        .prepare(`INSERT INTO docx_templates (name, version, bytes, placeholders_json, uploaded_at) VALUES (' ', 1, x'00', '[]', 'now')`)
        .run(),
    ).toThrow(/CHECK/);

    const insert = db.prepare(
      `INSERT INTO generated_documents (session_id, project_id, template_id, template_version, format, path, sha256, bytes, created_at) VALUES (?, ?, 'expert-opinion', 1, ?, '/x', ?, 10, 'now')`,
    );
    insert.run('s', 'p', 'pdf', sha);
    insert.run('s', null, 'xlsx', sha); // session-wide
    expect(() => insert.run('s', 'p', 'html', sha)).toThrow(/CHECK/);
    expect(() => insert.run('s', 'nope', 'pdf', sha)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('nope', null, 'pdf', sha)).toThrow(/FOREIGN KEY/);
    db.prepare(`DELETE FROM sessions`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM generated_documents`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM template_versions`).get()).toEqual({ n: 1 }); // templates outlive sessions
  });
});

describe('template store', () => {
  it('stores each edit of a built-in template as the next version, above the shipped one', () => {
    const db = version5();
    runMigrations(db);
    expect(latestTemplateVersion(db, 'expert-opinion')).toBeNull();
    const first = saveTemplateVersion(db, 'expert-opinion', 1, (v) => `{"v":${v}}`, 't1');
    expect(first).toEqual({ templateId: 'expert-opinion', version: 2, json: '{"v":2}', editedAt: 't1', basedOn: 1 });
    // An edit of an old version still gets a fresh number; a shipped template newer than every edit is respected.
    expect(saveTemplateVersion(db, 'expert-opinion', 1, (v) => `{"v":${v}}`, 't2').version).toBe(3);
    expect(saveTemplateVersion(db, 'expert-opinion', 7, (v) => `{"v":${v}}`, 't3')).toMatchObject({ version: 8, basedOn: 7 });
    expect(latestTemplateVersion(db, 'expert-opinion')?.json).toBe('{"v":8}');
    expect(templateVersion(db, 'expert-opinion', 2)?.json).toBe('{"v":2}');
    expect(templateVersions(db, 'expert-opinion').map((v) => v.version)).toEqual([8, 3, 2]);
    expect(latestTemplateVersion(db, 'panel-opinion')).toBeNull();
  });

  it('versions uploads by name, keeps the bytes and placeholders, and lists the newest of each name', () => {
    const db = version5();
    runMigrations(db);
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]);
    const a1 = saveDocxTemplate(db, '红头函', bytes, ['project.name', '文号'], 't1');
    const a2 = saveDocxTemplate(db, '红头函', new Uint8Array([1]), ['project.name'], 't2');
    const b1 = saveDocxTemplate(db, '签到表', new Uint8Array([2]), [], 't3');
    expect([a1.version, a2.version, b1.version]).toEqual([1, 2, 1]);
    expect(findDocxTemplate(db, a1.id)).toEqual({
      id: a1.id,
      name: '红头函',
      version: 1,
      bytes,
      placeholders: ['project.name', '文号'],
      uploadedAt: 't1',
    });
    expect(latestDocxTemplates(db).map((t) => [t.name, t.version])).toEqual([
      ['签到表', 1],
      ['红头函', 2],
    ]);
    expect(findDocxTemplate(db, 999)).toBeNull();
  });

  it('records generated files newest first, per session', () => {
    const db = version5();
    runMigrations(db);
    const base = { sessionId: 's', templateId: 'expert-opinion', templateVersion: 2, sha256: sha, bytes: 1234 };
    recordGeneratedDocument(db, { ...base, projectId: 'p', format: 'pdf', path: '/out/a.pdf', createdAt: '2027-03-05T09:00:00.000Z' });
    recordGeneratedDocument(db, { ...base, projectId: null, format: 'csv', path: '/out/b.csv', createdAt: '2027-03-05T09:01:00.000Z' });
    const listed = generatedDocuments(db, 's');
    expect(listed.map((d) => [d.path, d.projectId, d.format, d.templateVersion])).toEqual([
      ['/out/b.csv', null, 'csv', 2],
      ['/out/a.pdf', 'p', 'pdf', 2],
    ]);
    expect(generatedDocuments(db, 'other')).toEqual([]);
  });
});
