// Owns templates and generated documents in SQLite: edited versions of built-in templates (模板版本), the bureau's
// uploaded .docx templates (自有模板) and the record of every generated file (生成记录).
import type { GeneratedDocument } from '../../../shared/output';
import { transaction, type ReadDb, type WriteDb } from './access';
import { generatedDocumentProfiles } from './profilesInForce';

export interface StoredTemplateVersion {
  templateId: string;
  version: number;
  json: string;
  editedAt: string;
  basedOn: number;
}

export interface StoredDocxTemplate {
  /** Row id; the API names the template `docx-<id>`. */
  id: number;
  name: string;
  version: number;
  bytes: Uint8Array;
  placeholders: string[];
  uploadedAt: string;
}

const versionColumns = `template_id AS templateId, version, json, edited_at AS editedAt, based_on AS basedOn`;

/** The newest edited version of a built-in template, or null while it is used as shipped. */
export function latestTemplateVersion(db: ReadDb, templateId: string): StoredTemplateVersion | null {
  const row = db
    .prepare(`SELECT ${versionColumns} FROM template_versions WHERE template_id = ? ORDER BY version DESC LIMIT 1`)
    .get(templateId);
  return (row as StoredTemplateVersion | undefined) ?? null;
}

export function templateVersion(db: ReadDb, templateId: string, version: number): StoredTemplateVersion | null {
  const row = db.prepare(`SELECT ${versionColumns} FROM template_versions WHERE template_id = ? AND version = ?`).get(templateId, version);
  return (row as StoredTemplateVersion | undefined) ?? null;
}

/** Every edited version of a template, newest first. */
export function templateVersions(db: ReadDb, templateId: string): StoredTemplateVersion[] {
  return db
    .prepare(`SELECT ${versionColumns} FROM template_versions WHERE template_id = ? ORDER BY version DESC`)
    .all(templateId) as StoredTemplateVersion[];
}

/**
 * Stores an edit as the next version: one above both the newest stored version and `basedOn` (the shipped template's
 * version when nothing was stored yet); `jsonFor` writes the template file carrying that number. One transaction, so two
 * saves cannot take the same number.
 */
export function saveTemplateVersion(
  db: WriteDb,
  templateId: string,
  basedOn: number,
  jsonFor: (version: number) => string,
  at: string,
): StoredTemplateVersion {
  return transaction(db, () => {
    const newest = latestTemplateVersion(db, templateId)?.version ?? 0;
    const version = Math.max(newest, basedOn) + 1;
    const json = jsonFor(version);
    db.prepare(`INSERT INTO template_versions (template_id, version, json, edited_at, based_on) VALUES (?, ?, ?, ?, ?)`).run(
      templateId,
      version,
      json,
      at,
      basedOn,
    );
    return { templateId, version, json, editedAt: at, basedOn };
  });
}

interface DocxRow {
  id: number;
  name: string;
  version: number;
  bytes: Buffer;
  placeholdersJson: string;
  uploadedAt: string;
}
const docxColumns = `id, name, version, bytes, placeholders_json AS placeholdersJson, uploaded_at AS uploadedAt`;
const fromDocxRow = (r: DocxRow): StoredDocxTemplate => ({
  id: r.id,
  name: r.name,
  version: r.version,
  bytes: new Uint8Array(r.bytes),
  placeholders: JSON.parse(r.placeholdersJson) as string[],
  uploadedAt: r.uploadedAt,
});

/** Uploading a name again stores the next version of it; the older versions stay for the documents made from them. */
export function saveDocxTemplate(db: WriteDb, name: string, bytes: Uint8Array, placeholders: string[], at: string): StoredDocxTemplate {
  return transaction(db, () => {
    const { next } = db.prepare(`SELECT COALESCE(MAX(version), 0) + 1 AS next FROM docx_templates WHERE name = ?`).get(name) as {
      next: number;
    };
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO docx_templates (name, version, bytes, placeholders_json, uploaded_at) VALUES (?, ?, ?, ?, ?)`)
      .run(name, next, Buffer.from(bytes), JSON.stringify(placeholders), at);
    return { id: Number(lastInsertRowid), name, version: next, bytes, placeholders, uploadedAt: at };
  });
}

export function findDocxTemplate(db: ReadDb, id: number): StoredDocxTemplate | null {
  const row = db.prepare(`SELECT ${docxColumns} FROM docx_templates WHERE id = ?`).get(id) as DocxRow | undefined;
  return row ? fromDocxRow(row) : null;
}

/** The newest version of each uploaded name, by name. */
export function latestDocxTemplates(db: ReadDb): StoredDocxTemplate[] {
  const rows = db
    .prepare(
      `SELECT ${docxColumns} FROM docx_templates d WHERE version = (SELECT MAX(version) FROM docx_templates WHERE name = d.name) ORDER BY name`,
    )
    .all() as DocxRow[];
  return rows.map(fromDocxRow);
}

export type NewGeneratedDocument = Omit<GeneratedDocument, 'id'>;

/** Records a generated file; its `profile`, when given, must already be stored (profilesInForce.ts recordProfile). */
export function recordGeneratedDocument(db: WriteDb, doc: NewGeneratedDocument): number {
  const { profile, ...row } = doc;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO generated_documents (session_id, project_id, template_id, template_version, format, path, sha256, bytes, created_at, profile_fingerprint)
       VALUES (@sessionId, @projectId, @templateId, @templateVersion, @format, @path, @sha256, @bytes, @createdAt, @profileFingerprint)`,
    )
    .run({ ...row, profileFingerprint: profile?.fingerprint ?? null });
  return Number(lastInsertRowid);
}

/** The record of a session's generated files, newest first, each with the profile it was generated under. */
export function generatedDocuments(db: ReadDb, sessionId: string): GeneratedDocument[] {
  const profiles = generatedDocumentProfiles(db, sessionId);
  const rows = db
    .prepare(
      `SELECT id, session_id AS sessionId, project_id AS projectId, template_id AS templateId, template_version AS templateVersion, format, path,
              sha256, bytes, created_at AS createdAt
       FROM generated_documents WHERE session_id = ? ORDER BY created_at DESC, id DESC`,
    )
    .all(sessionId) as GeneratedDocument[];
  return rows.map((r) => (profiles.has(r.id) ? { ...r, profile: profiles.get(r.id) } : r));
}
