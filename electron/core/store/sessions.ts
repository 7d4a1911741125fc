// Owns the session aggregate in SQLite: a whole imported package (session, experts, projects, documents, budget lines).
import type { Manifest } from '../../../shared/manifest';
import type { DocumentInfo, ProjectInfo, SessionDetail, SessionSummary, ViewerKind } from '../../../shared/domain';
import { yuanToFen } from '../../../shared/money';
import { transaction, type ReadDb, type WriteDb } from './access';
import { pruneOcrPages } from './ocrPages';

const viewerByExtension: Record<string, ViewerKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  doc: 'doc',
  wps: 'doc',
  xls: 'xls',
  et: 'xls',
  ofd: 'ofd',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  bmp: 'image',
  webp: 'image',
};

export function viewerFor(path: string): ViewerKind {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return viewerByExtension[ext] ?? 'external';
}

/** Writes a verified package's manifest as one transaction: all of it or none of it. */
export function insertSession(db: WriteDb, manifest: Manifest, manifestSha256: string, importedAt: string): void {
  const s = manifest.session;
  transaction(db, () => {
    db.prepare(
      `INSERT INTO sessions (id, manifest_sha256, format_version, issuer, jurisdiction, title, date, location, created_at, imported_at, manifest_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      manifest.packageId,
      manifestSha256,
      manifest.formatVersion,
      manifest.issuer,
      manifest.jurisdiction,
      s.title,
      s.date,
      s.location,
      manifest.createdAt,
      importedAt,
      JSON.stringify(manifest),
    );
    const expert = db.prepare(
      `INSERT INTO experts (session_id, position, name, title, employer, specialty, fingerprint, is_chair) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    s.experts.forEach((e, i) => {
      const isChair = e.id === s.chair || e.name === s.chair;
      expert.run(manifest.packageId, i, e.name, e.title ?? '', e.employer ?? '', e.specialty ?? '', e.fingerprint ?? null, isChair ? 1 : 0);
    });
    const project = db.prepare(
      `INSERT INTO projects (session_id, id, position, name, applicant, supervisor, type, total_investment_fen, funding_source, period_months, in_annual_plan, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const doc = db.prepare(
      `INSERT INTO documents (session_id, project_id, id, position, kind, title, path, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const line = db.prepare(
      `INSERT INTO budget_lines (session_id, project_id, id, position, name, category, quantity, unit, unit_price_fen, amount_fen, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    manifest.projects.forEach((p, i) => {
      project.run(
        manifest.packageId,
        p.id,
        i,
        p.name,
        p.applicant,
        p.supervisor ?? null,
        p.type,
        yuanToFen(p.totalInvestment),
        p.fundingSource,
        p.periodMonths ?? null,
        p.inAnnualPlan ? 1 : 0,
        p.summary,
      );
      p.documents.forEach((d, j) => doc.run(manifest.packageId, p.id, d.id, j, d.kind, d.title, d.path, d.sha256.toLowerCase(), d.bytes));
      p.budgetLines.forEach((b, j) =>
        line.run(
          manifest.packageId,
          p.id,
          b.id,
          j,
          b.name,
          b.category,
          b.quantity,
          b.unit,
          yuanToFen(b.unitPrice),
          yuanToFen(b.amount),
          b.note,
        ),
      );
    });
  });
}

/**
 * Removes a session with everything keyed by it (the foreign keys cascade) and, in the same transaction, the OCR cache
 * of the files no remaining session holds: a scanned 300-page package would otherwise leave megabytes behind.
 */
export function removeSession(db: WriteDb, sessionId: string): void {
  transaction(db, () => {
    db.prepare(`DELETE FROM sessions WHERE id = ?`).run(sessionId);
    pruneOcrPages(db);
  });
}

export function findSessionVersion(db: ReadDb, sessionId: string): string | null {
  const row = db.prepare(`SELECT manifest_sha256 FROM sessions WHERE id = ?`).get(sessionId) as { manifest_sha256: string } | undefined;
  return row?.manifest_sha256 ?? null;
}

const summaryColumns = `s.id, s.title, s.date, s.issuer, s.jurisdiction, s.imported_at AS importedAt,
  (SELECT COUNT(*) FROM projects p WHERE p.session_id = s.id) AS projectCount`;

export function listSessions(db: ReadDb): SessionSummary[] {
  return db.prepare(`SELECT ${summaryColumns} FROM sessions s ORDER BY s.imported_at DESC`).all() as SessionSummary[];
}

export function getSessionSummary(db: ReadDb, sessionId: string): SessionSummary | null {
  return (db.prepare(`SELECT ${summaryColumns} FROM sessions s WHERE s.id = ?`).get(sessionId) as SessionSummary | undefined) ?? null;
}

/** When the package was made (its manifest's `createdAt`), null for an unknown session. */
export function packageCreatedAt(db: ReadDb, sessionId: string): string | null {
  return (
    (db.prepare(`SELECT created_at AS createdAt FROM sessions WHERE id = ?`).get(sessionId) as { createdAt: string } | undefined)
      ?.createdAt ?? null
  );
}

export function getSession(db: ReadDb, sessionId: string): SessionDetail | null {
  const summary = getSessionSummary(db, sessionId);
  if (!summary) return null;
  const extra = db.prepare(`SELECT location, manifest_sha256 AS manifestSha256 FROM sessions WHERE id = ?`).get(sessionId) as {
    location: string;
    manifestSha256: string;
  };
  const experts = (
    db
      .prepare(
        `SELECT name, title, employer, specialty, fingerprint, is_chair AS isChair FROM experts WHERE session_id = ? ORDER BY position`,
      )
      .all(sessionId) as (Omit<SessionDetail['experts'][number], 'isChair'> & { isChair: number })[]
  ).map((e) => ({ ...e, isChair: e.isChair === 1 }));
  const documents = db
    .prepare(
      `SELECT key, project_id AS projectId, id, kind, title, path, sha256, bytes FROM documents WHERE session_id = ? ORDER BY position`,
    )
    .all(sessionId) as (Omit<DocumentInfo, 'viewer'> & { projectId: string })[];
  const lines = db
    .prepare(
      `SELECT project_id AS projectId, id, name, category, quantity, unit, unit_price_fen AS unitPriceFen, amount_fen AS amountFen, note
       FROM budget_lines WHERE session_id = ? ORDER BY position`,
    )
    .all(sessionId) as (ProjectInfo['budgetLines'][number] & { projectId: string })[];
  const projects = (
    db
      .prepare(
        `SELECT id, name, applicant, supervisor, type, total_investment_fen AS totalInvestmentFen, funding_source AS fundingSource,
                period_months AS periodMonths, in_annual_plan AS inAnnualPlan, summary
         FROM projects WHERE session_id = ? ORDER BY position`,
      )
      .all(sessionId) as (Omit<ProjectInfo, 'documents' | 'budgetLines' | 'inAnnualPlan'> & { inAnnualPlan: number })[]
  ).map((p) => ({
    ...p,
    inAnnualPlan: p.inAnnualPlan === 1,
    documents: documents.filter((d) => d.projectId === p.id).map(({ projectId: _, ...d }) => ({ ...d, viewer: viewerFor(d.path) })),
    budgetLines: lines.filter((l) => l.projectId === p.id).map(({ projectId: _, ...l }) => l),
  }));
  return { ...summary, ...extra, experts, projects };
}

export interface StoredDocument {
  key: number;
  sessionId: string;
  path: string;
  sha256: string;
  bytes: number;
}

export function findDocument(db: ReadDb, key: number): StoredDocument | null {
  return (
    (db.prepare(`SELECT key, session_id AS sessionId, path, sha256, bytes FROM documents WHERE key = ?`).get(key) as
      StoredDocument | undefined) ?? null
  );
}

/** The package's rubric override (`session.rubric` of its manifest), unvalidated; undefined when it has none. */
export function sessionRubricOverride(db: ReadDb, sessionId: string): unknown {
  const row = db.prepare(`SELECT manifest_json FROM sessions WHERE id = ?`).get(sessionId) as { manifest_json: string } | undefined;
  return row ? (JSON.parse(row.manifest_json) as { session?: { rubric?: unknown } }).session?.rubric : undefined;
}

export function listSessionIds(db: ReadDb): string[] {
  return (db.prepare(`SELECT id FROM sessions`).all() as { id: string }[]).map((r) => r.id);
}
