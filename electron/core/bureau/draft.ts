// Owns a draft review session (评审会草稿) on disk and as a package: its document files, what keeps it from export, the manifest it becomes, the deterministic .rpkg export, per-expert copies, and reopening an .rpkg as a draft.
//
// The draft's id and createdAt become the package's packageId and createdAt, and manifest.json is written the one way
// (2-space JSON, trailing newline), so the same draft exports to the same bytes on any day, on any machine. A draft
// using one of the bureau's own profiles carries the chosen version's stored bytes as profile.json (the caller reads
// them: bureau/profiles.ts draftProfileJson), which are fixed once saved, so that holds for it too.
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Draft, DraftDocument, DraftProblem, DraftProject } from '../../../shared/bureau';
import { isBuiltInJurisdiction, manifestSchema, PROFILE_PATH, type DocumentKind, type Manifest } from '../../../shared/manifest';
import { AppError } from '../kernel/errors';
import { chineseMessages } from '../kernel/zodMessages';
import { checkEntryName, collisionKey } from '../package/entryName';
import { stagingRoot } from '../package/importer';
import { MANIFEST_NAME, manifestProblem, verifyPackage } from '../package/verify';
import { writePackageZip } from '../package/write';
import { safeFileStem } from '../kernel/files';
import { yuanToFen } from '../../../shared/money';

export const bureauDir = (dataDir: string) => path.join(dataDir, 'bureau');
export const draftFilesDir = (dataDir: string, draftId: string) => path.join(bureauDir(dataDir), 'drafts', draftId);
/** The package as distributed (已分发评审包): kept whole, because results name its manifest hash and the archive carries it. */
export const publishedPackage = (dataDir: string, sessionId: string) => path.join(bureauDir(dataDir), 'published', `${sessionId}.rpkg`);

export const documentPath = (projectId: string, fileName: string) => `documents/${projectId}/${fileName}`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Everything that keeps the draft from being exported as a valid package, each with the field to go to. `profileJson`:
 * the profile.json the package carries (the bureau's own profile), null for a built-in profile.
 */
export function draftProblems(draft: Draft, profileJson: string | null): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const say = (code: string, p: string, message: string) => problems.push({ code, path: p, message });
  if (!isBuiltInJurisdiction(draft.session.jurisdiction) && profileJson === null) {
    say(
      'profile-missing',
      'session.jurisdiction',
      `找不到规则配置“${draft.session.jurisdiction}”第 ${draft.session.profileVersion ?? '?'} 版：请在基本信息中重新选择评审规则。`,
    );
  }
  if (draft.session.experts.length === 0) say('no-experts', 'session.experts', '专家名单为空：请至少添加一位评审专家。');
  if (!draft.session.chair) say('no-chair', 'session.chair', '尚未指定评审组长：请在专家名单中选定组长。');
  if (draft.projects.length === 0) say('no-projects', 'projects', '尚未添加评审项目。');
  for (const p of draft.projects) {
    if (p.documents.length === 0)
      say('no-documents', `projects.${p.id}.documents`, `项目「${p.name}」尚未附申报材料：请至少附上建设方案或可研报告。`);
    const budget = p.budgetLines.reduce((s, l) => s + l.amountFen, 0);
    if (p.budgetLines.length > 0 && budget !== p.investmentFen) {
      say(
        'budget-total',
        `projects.${p.id}.budgetLines`,
        `项目「${p.name}」概算明细合计 ${budget / 100} 元，与申报总投资 ${p.investmentFen / 100} 元不一致：请核对概算表或总投资。`,
      );
    }
  }
  if (problems.length === 0) {
    const manifest = buildManifest(draft, profileJson);
    const parsed = manifestSchema.safeParse(manifest, chineseMessages);
    if (!parsed.success)
      for (const issue of parsed.error.issues.slice(0, 20)) say('manifest', issue.path.join('.'), manifestProblem(issue, manifest).message);
  }
  return problems;
}

/**
 * The manifest the draft becomes (not validated: a draft being edited may still be incomplete; see draftProblems).
 * `profileJson`, the profile.json it carries, is listed under `profile`; the pre-check, given its profile directly, omits it.
 */
export function buildManifest(draft: Draft, profileJson: string | null = null): Manifest {
  const s = draft.session;
  return {
    formatVersion: 1,
    packageId: draft.id,
    createdAt: draft.createdAt,
    issuer: s.issuer,
    jurisdiction: s.jurisdiction,
    ...(profileJson !== null
      ? { profile: { path: PROFILE_PATH, sha256: sha256(Buffer.from(profileJson, 'utf8')), bytes: Buffer.byteLength(profileJson, 'utf8') } }
      : {}),
    session: {
      title: s.title,
      date: s.date,
      location: s.location,
      experts: s.experts.map((e) => ({
        name: e.name,
        title: e.title,
        employer: e.employer,
        ...(e.specialty ? { specialty: e.specialty } : {}),
        ...(e.fingerprint ? { fingerprint: e.fingerprint } : {}),
      })),
      chair: s.chair,
    },
    projects: draft.projects.map((p) => ({
      id: p.id,
      name: p.name,
      applicant: p.applicant,
      ...(p.supervisor ? { supervisor: p.supervisor } : {}),
      type: p.type,
      totalInvestment: p.investmentFen / 100,
      fundingSource: p.fundingSource,
      ...(p.periodMonths !== null ? { periodMonths: p.periodMonths } : {}),
      inAnnualPlan: p.inAnnualPlan,
      summary: p.summary,
      documents: p.documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        title: d.title,
        path: documentPath(p.id, d.fileName),
        sha256: d.sha256,
        bytes: d.bytes,
      })),
      budgetLines: p.budgetLines.map((l) => ({
        id: l.id,
        name: l.name,
        category: l.category,
        quantity: l.quantity,
        unit: l.unit,
        unitPrice: l.unitPriceFen / 100,
        amount: l.amountFen / 100,
        note: l.note,
      })),
    })),
  };
}

/** manifest.json's bytes: the one spelling every export uses. */
export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

/** A file name for a dropped document that is safe inside the package and unique within the project. */
function documentFileName(project: DraftProject, wanted: string): string {
  const base = wanted.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext =
    dot > 0
      ? base
          .slice(dot)
          .toLowerCase()
          .replace(/[^.a-z0-9]/g, '')
      : '';
  const stem = safeFileStem(dot > 0 ? base.slice(0, dot) : base) || '文件';
  const taken = new Set(project.documents.map((d) => collisionKey(d.fileName)));
  let name = `${stem}${ext}`;
  for (let n = 2; taken.has(collisionKey(name)); n++) name = `${stem}-${n}${ext}`;
  const bad = checkEntryName(documentPath(project.id, name));
  if (bad) throw new AppError('invalid-input', `文件名“${base}”不能放入评审包（${bad.message}），请改名后再添加。`);
  return name;
}

function nextId(prefix: string, taken: string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Stores the bytes of a dropped document under the draft and returns the draft with the document listed. */
export async function attachDocument(
  dataDir: string,
  draft: Draft,
  projectId: string,
  doc: { name: string; kind: DocumentKind; title: string; bytes: Uint8Array },
): Promise<Draft> {
  const project = draft.projects.find((p) => p.id === projectId);
  if (!project) throw new AppError('not-found', '找不到该项目，可能已被删除。');
  if (doc.bytes.length === 0) throw new AppError('invalid-input', `文件“${doc.name}”是空文件，请检查后重新添加。`);
  const fileName = documentFileName(project, doc.name);
  const target = path.join(draftFilesDir(dataDir, draft.id), 'documents', projectId, fileName);
  await fs.mkdir(path.dirname(target), { recursive: true });
  // The name is unique among the draft's documents; a file already there is a leftover of an edit that was not saved.
  await fs.writeFile(target, doc.bytes);
  const entry: DraftDocument = {
    id: nextId(
      'd',
      project.documents.map((d) => d.id),
    ),
    kind: doc.kind,
    title: doc.title.trim() || fileName,
    fileName,
    sha256: sha256(doc.bytes),
    bytes: doc.bytes.length,
  };
  return { ...draft, projects: draft.projects.map((p) => (p.id === projectId ? { ...p, documents: [...p.documents, entry] } : p)) };
}

/** The draft without the document, and its file (to remove once the draft is saved). */
export function detachDocument(dataDir: string, draft: Draft, projectId: string, documentId: string): { draft: Draft; file: string } {
  const project = draft.projects.find((p) => p.id === projectId);
  const doc = project?.documents.find((d) => d.id === documentId);
  if (!project || !doc) throw new AppError('not-found', '找不到该文件，可能已被移除。');
  return {
    draft: {
      ...draft,
      projects: draft.projects.map((p) => (p.id === projectId ? { ...p, documents: p.documents.filter((d) => d.id !== documentId) } : p)),
    },
    file: path.join(draftFilesDir(dataDir, draft.id), 'documents', projectId, doc.fileName),
  };
}

/**
 * Stages the package tree (manifest, the carried profile.json if any, documents, each checked against its recorded
 * hash), runs `use`, then removes it.
 */
async function withPackageTree<T>(
  dataDir: string,
  draft: Draft,
  profileJson: string | null,
  use: (folder: string, manifest: Manifest) => Promise<T>,
): Promise<T> {
  const problems = draftProblems(draft, profileJson);
  if (problems.length)
    throw new AppError('invalid-input', `评审会草稿还不能导出：\n${problems.map((p, i) => `${i + 1}. ${p.message}`).join('\n')}`, problems);
  const manifest = manifestSchema.parse(buildManifest(draft, profileJson));
  const folder = path.join(stagingRoot(dataDir), randomUUID());
  try {
    if (manifest.profile && profileJson !== null) {
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(path.join(folder, manifest.profile.path), profileJson, 'utf8');
    }
    for (const p of draft.projects) {
      for (const d of p.documents) {
        const from = path.join(draftFilesDir(dataDir, draft.id), 'documents', p.id, d.fileName);
        const bytes = await fs.readFile(from).catch(() => null);
        if (!bytes || sha256(bytes) !== d.sha256) {
          throw new AppError('invalid-input', `项目「${p.name}」的文件“${d.title}”已丢失或在添加后被改动：请移除后重新添加。`);
        }
        const to = path.join(folder, ...documentPath(p.id, d.fileName).split('/'));
        await fs.mkdir(path.dirname(to), { recursive: true });
        await fs.writeFile(to, bytes);
      }
    }
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, MANIFEST_NAME), manifestBytes(manifest));
    return await use(folder, manifest);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/**
 * Writes the draft as a .rpkg at `outFile` (carrying `profileJson` as profile.json when the draft uses one of the
 * bureau's own profiles); returns the manifest and its hash (what results must name).
 */
export async function exportDraft(
  dataDir: string,
  draft: Draft,
  profileJson: string | null,
  outFile: string,
): Promise<{ manifest: Manifest; manifestSha256: string }> {
  return withPackageTree(dataDir, draft, profileJson, async (folder, manifest) => {
    await fs.mkdir(path.dirname(outFile), { recursive: true });
    await writePackageZip(folder, outFile);
    return { manifest, manifestSha256: sha256(manifestBytes(manifest)) };
  });
}

/** `<session title>.rpkg`, safe on every file system. */
export const packageFileName = (draft: Draft) => `${safeFileStem(draft.session.title)}.rpkg`;

/** One identical copy of the package per expert in `folder` (分发): `<title>-<expert>.rpkg`; returns the names written. */
export async function writeExpertCopies(rpkgFile: string, draft: Draft, folder: string): Promise<string[]> {
  const bytes = await fs.readFile(rpkgFile);
  await fs.mkdir(folder, { recursive: true });
  const names = draft.session.experts.map((e) => `${safeFileStem(`${draft.session.title}-${e.name}`)}.rpkg`);
  for (const name of names) {
    const tmp = path.join(folder, `.${name}.${process.pid}.tmp`);
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, path.join(folder, name));
  }
  return names;
}

export interface OpenAsDraft {
  /** Refuses a package whose id already has a draft (the message), before anything is written; null: go on. */
  taken?: (id: string) => string | null;
  /**
   * Takes the package's carried profile.json (hash-verified, content not yet judged) into the bureau's own profiles and
   * answers the version the draft names (bureau/profiles.ts adoptCarriedProfile). Without it such a package is refused.
   */
  adoptProfile?: (bytes: Uint8Array, jurisdiction: string) => number;
}

/**
 * Opens a package (ZIP or folder) as a new draft with the package's id and createdAt; its files are copied under the
 * draft. A package carrying its own profile gets that profile as the draft's (`adoptProfile`).
 */
export async function draftFromPackage(dataDir: string, location: string, options: OpenAsDraft = {}): Promise<Draft> {
  const staging = path.join(stagingRoot(dataDir), randomUUID());
  await fs.mkdir(stagingRoot(dataDir), { recursive: true });
  try {
    const { manifest } = await verifyPackage(location, { stagingDir: staging });
    const refusal = options.taken?.(manifest.packageId);
    if (refusal) throw new AppError('invalid-input', refusal);
    const jurisdiction = manifest.jurisdiction;
    let profileVersion: number | null = null;
    if (manifest.profile) {
      if (!options.adoptProfile) throw new AppError('invalid-input', '该评审包附带了自己的辖区规则配置（profile.json），此处不能打开。');
      profileVersion = options.adoptProfile(await fs.readFile(path.join(staging, ...manifest.profile.path.split('/'))), jurisdiction);
    }
    const chair = manifest.session.experts.find((e) => e.id === manifest.session.chair || e.name === manifest.session.chair);
    const draft: Draft = {
      id: manifest.packageId,
      createdAt: manifest.createdAt,
      session: {
        jurisdiction,
        profileVersion, // null: a built-in profile
        issuer: manifest.issuer,
        title: manifest.session.title,
        date: manifest.session.date,
        location: manifest.session.location,
        experts: manifest.session.experts.map((e) => ({
          name: e.name,
          title: e.title ?? '',
          employer: e.employer ?? '',
          specialty: e.specialty ?? '',
          fingerprint: (e.fingerprint ?? '').replace(/[\s:]/g, '').toLowerCase(),
        })),
        chair: chair?.name ?? '',
      },
      projects: manifest.projects.map((p) => ({
        id: p.id,
        name: p.name,
        applicant: p.applicant,
        supervisor: p.supervisor ?? '',
        type: p.type,
        investmentFen: yuanToFen(p.totalInvestment),
        fundingSource: p.fundingSource,
        periodMonths: p.periodMonths ?? null,
        inAnnualPlan: p.inAnnualPlan,
        summary: p.summary,
        documents: [],
        budgetLines: p.budgetLines.map((l) => ({
          id: l.id,
          name: l.name,
          category: l.category,
          quantity: l.quantity,
          unit: l.unit,
          unitPriceFen: yuanToFen(l.unitPrice),
          amountFen: yuanToFen(l.amount),
          note: l.note,
        })),
      })),
    };
    // Files move under the draft's folder as documents/<project id>/<name>; the manifest keeps each one's id, kind and title.
    const target = draftFilesDir(dataDir, draft.id);
    await fs.rm(target, { recursive: true, force: true });
    for (const [i, p] of manifest.projects.entries()) {
      const project = draft.projects[i]!; // the manifest was built from these projects, in this order
      for (const d of p.documents) {
        const fileName = documentFileName(project, d.path);
        const to = path.join(target, 'documents', p.id, fileName);
        await fs.mkdir(path.dirname(to), { recursive: true });
        await fs.rename(path.join(staging, ...d.path.split('/')), to);
        project.documents.push({ id: d.id, kind: d.kind, title: d.title, fileName, sha256: d.sha256.toLowerCase(), bytes: d.bytes });
      }
    }
    return draft;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
