// Owns the bureau's calls (组织方): drafts and their projects, documents and 概算表 import, pre-check, package export and copies, reopening a package, result import, the status board, the panel and its decisions, the panel's opinion text, and the session archive.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { draftSessionSchema, type Draft, type DraftView, type ResultImportOutcome } from '../../../shared/bureau';
import { AppError } from '../kernel/errors';
import { chooseFolder, withSourceFile } from '../kernel/files';
import type { HandlerMap, Host } from '../kernel/handlers';
import type { JobRegistry } from '../jobs/registry';
import { importPackage, sessionFilesDir, stagingRoot, type ImportContext } from '../package/importer';
import { checkPackageProjects } from '../precheck/packageCheck';
import { checkCarriedProfile } from '../precheck/sessionProfile';
import {
  deleteDraft,
  dropSessionWithoutResults,
  insertDraft,
  listDrafts,
  loadDraft,
  saveDraft,
  StaleDraftError,
} from '../store/bureauDrafts';
import {
  clearConclusionOverride,
  clearDissent,
  clearLineOverride,
  countResults,
  setConclusionOverride,
  setDissent,
  setLineOverride,
} from '../store/bureauResults';
import type { WriteDb } from '../store/access';
import { findSessionVersion } from '../store/sessions';
import { exportArchive, importArchive } from './archive';
import { previewBudget } from './budgetImport';
import { adoptCarriedProfile, assertDraftProfile, draftProfile, draftProfileJson } from './profiles';
import {
  attachDocument,
  bureauDir,
  buildManifest,
  detachDocument,
  draftFilesDir,
  draftFromPackage,
  draftProblems,
  exportDraft,
  packageFileName,
  publishedPackage,
  writeExpertCopies,
} from './draft';
import { sessionPanel } from '../panel/panel';
import { panelOpinionText, savePanelOpinionText } from './panelOpinion';
import {
  assertPanelOpen,
  freezeOpinion,
  importPanelSignatures,
  opinionStatuses,
  readSignatureSources,
  unfreezeOpinion,
  writeOpinionFile,
} from './panelSigning';
import { confirmPendingKey, importResult, readResultSources } from './results';
import { statusBoard } from './status';
import { exportRegister, issueLetters, lettersView, saveSettings } from './letters';
import { sessionOrThrow } from '../context/session';
import { rosterExpertId } from '../panel/members';

type BureauMethod =
  | 'bureau.draft.list'
  | 'bureau.draft.create'
  | 'bureau.draft.get'
  | 'bureau.draft.delete'
  | 'bureau.draft.saveSession'
  | 'bureau.draft.saveProject'
  | 'bureau.draft.removeProject'
  | 'bureau.draft.addDocument'
  | 'bureau.draft.removeDocument'
  | 'bureau.draft.precheck'
  | 'bureau.budget.preview'
  | 'bureau.budget.apply'
  | 'bureau.draft.export'
  | 'bureau.draft.copies'
  | 'bureau.draft.open'
  | 'bureau.results.import'
  | 'bureau.results.status'
  | 'bureau.results.confirmKey'
  | 'bureau.panel.get'
  | 'bureau.panel.setLine'
  | 'bureau.panel.setConclusion'
  | 'bureau.panel.setDissent'
  | 'bureau.panel.opinionText.get'
  | 'bureau.panel.opinionText.save'
  | 'bureau.panel.opinions'
  | 'bureau.panel.freeze'
  | 'bureau.panel.unfreeze'
  | 'bureau.panel.opinionFile'
  | 'bureau.panel.importSignatures'
  | 'bureau.letters.get'
  | 'bureau.letters.saveSettings'
  | 'bureau.letters.issue'
  | 'bureau.letters.exportRegister'
  | 'bureau.archive.export'
  | 'bureau.archive.import';

/** Where exports go without a folder dialog: `<dataDir>/bureau/exports/<draft id>/`. */
export const bureauExportFolder = (dataDir: string, id: string) => path.join(bureauDir(dataDir), 'exports', id);

export function bureauHandlers(db: WriteDb, host: Host, jobs: JobRegistry, now: () => Date): HandlerMap<BureauMethod> {
  const view = (id: string): DraftView => {
    const stored = loadDraft(db, id);
    if (!stored) throw new AppError('not-found', '找不到该评审会草稿，可能已被删除。');
    const manifestSha256 = findSessionVersion(db, id);
    return {
      ...stored,
      problems: draftProblems(stored.draft, draftProfileJson(db, stored.draft.session)),
      exported: manifestSha256 ? { manifestSha256, results: countResults(db, id) } : null,
    };
  };
  const draftOf = (id: string): Draft => view(id).draft;
  /** Applies `change` to the stored draft named by `baseVersion` and stores the result as the next version. */
  const mutate = async (id: string, baseVersion: number, change: (d: Draft) => Draft | Promise<Draft>): Promise<DraftView> => {
    const current = view(id);
    if (current.version !== baseVersion) throw new StaleDraftError(current.version);
    const next = await change(current.draft);
    saveDraft(db, next, baseVersion, now().toISOString());
    return view(id);
  };
  const projectOf = (d: Draft, projectId: string) => {
    const p = d.projects.find((x) => x.id === projectId);
    if (!p) throw new AppError('not-found', '找不到该项目，可能已被删除。');
    return p;
  };
  const destinationFolder = (destination: 'default' | 'choose', defaultFolder: string) =>
    chooseFolder(host, destination, defaultFolder, '选择导出位置');
  /** How the bureau imports a package itself (its own copy of an exported session, an archive): as an expert's app does, carried profile judged. */
  const importContext = (): ImportContext => ({
    db,
    dataDir: host.dataDir,
    jobs,
    now,
    onProgress: (p) => host.emit('job.progress', p),
    checkProfile: checkCarriedProfile,
  });

  return {
    'bureau.draft.list'() {
      return listDrafts(db);
    },
    'bureau.draft.create'({ session }) {
      assertDraftProfile(db, session);
      const at = now().toISOString();
      const draft: Draft = { id: randomUUID(), createdAt: at, session, projects: [] };
      insertDraft(db, draft, at);
      return view(draft.id);
    },
    'bureau.draft.get'({ draftId }) {
      return view(draftId);
    },
    async 'bureau.draft.delete'({ draftId }) {
      view(draftId);
      deleteDraft(db, draftId);
      await fs.rm(draftFilesDir(host.dataDir, draftId), { recursive: true, force: true });
      return null;
    },
    'bureau.draft.saveSession'({ draftId, baseVersion, session }) {
      assertDraftProfile(db, session);
      return mutate(draftId, baseVersion, (d) => ({ ...d, session }));
    },
    'bureau.draft.saveProject'({ draftId, baseVersion, project }) {
      return mutate(draftId, baseVersion, (d) => {
        const existing = d.projects.find((p) => p.id === project.id);
        const next = { ...project, documents: existing?.documents ?? [] };
        return { ...d, projects: existing ? d.projects.map((p) => (p.id === project.id ? next : p)) : [...d.projects, next] };
      });
    },
    async 'bureau.draft.removeProject'({ draftId, baseVersion, projectId }) {
      const saved = await mutate(draftId, baseVersion, (d) => {
        projectOf(d, projectId);
        return { ...d, projects: d.projects.filter((p) => p.id !== projectId) };
      });
      await fs.rm(path.join(draftFilesDir(host.dataDir, draftId), 'documents', projectId), { recursive: true, force: true });
      return saved;
    },
    'bureau.draft.addDocument'({ draftId, baseVersion, projectId, name, kind, title, bytes }) {
      return mutate(draftId, baseVersion, (d) => attachDocument(host.dataDir, d, projectId, { name, kind, title, bytes }));
    },
    async 'bureau.draft.removeDocument'({ draftId, baseVersion, projectId, documentId }) {
      let file = '';
      const saved = await mutate(draftId, baseVersion, (d) => {
        const detached = detachDocument(host.dataDir, d, projectId, documentId);
        file = detached.file;
        return detached.draft;
      });
      await fs.rm(file, { force: true });
      return saved;
    },
    async 'bureau.draft.precheck'({ draftId }) {
      const draft = draftOf(draftId);
      const checked = await checkPackageProjects(
        buildManifest(draft),
        draftFilesDir(host.dataDir, draftId),
        draftProfile(db, draft.session),
      );
      return checked.map((p) => ({
        projectId: p.id,
        name: p.name,
        findings: p.findings.map(({ ruleId, status, message, citation }) => ({ ruleId, status, message, citation })),
      }));
    },
    'bureau.budget.preview'({ name, bytes, mapping }) {
      return previewBudget(name, bytes, mapping ?? undefined);
    },
    async 'bureau.budget.apply'({ draftId, baseVersion, projectId, name, bytes, mapping }) {
      const { lines } = await previewBudget(name, bytes, mapping);
      return mutate(draftId, baseVersion, (d) => {
        projectOf(d, projectId);
        return { ...d, projects: d.projects.map((p) => (p.id === projectId ? { ...p, budgetLines: lines } : p)) };
      });
    },
    async 'bureau.draft.export'({ draftId, jobId, destination }) {
      const draft = draftOf(draftId);
      const folder = await destinationFolder(destination, bureauExportFolder(host.dataDir, draftId));
      if (!folder) return { file: null, manifestSha256: null, sessionId: draftId };
      const file = path.join(folder, packageFileName(draft));
      const { manifestSha256 } = await exportDraft(host.dataDir, draft, draftProfileJson(db, draft.session), file);
      // The bureau's own copy of the session: results are verified against it and documents are filled from it.
      const held = findSessionVersion(db, draftId);
      if (held !== manifestSha256) {
        if (held !== null && !dropSessionWithoutResults(db, draftId)) {
          throw new AppError(
            'invalid-input',
            `已收到专家对先前版本评审包的评审结果，评审包不能再修改（已写出的文件“${path.basename(file)}”不要分发）。如确需修改，请另建评审会。`,
          );
        }
        await fs.rm(sessionFilesDir(host.dataDir, draftId), { recursive: true, force: true });
        await importPackage(importContext(), jobId, file);
      }
      await fs.mkdir(path.dirname(publishedPackage(host.dataDir, draftId)), { recursive: true });
      await fs.copyFile(file, publishedPackage(host.dataDir, draftId));
      return { file, manifestSha256, sessionId: draftId };
    },
    async 'bureau.draft.copies'({ draftId, destination }) {
      const draft = draftOf(draftId);
      const source = publishedPackage(host.dataDir, draftId);
      const built = await exportDraft(
        host.dataDir,
        draft,
        draftProfileJson(db, draft.session),
        path.join(bureauExportFolder(host.dataDir, draftId), packageFileName(draft)),
      );
      if (findSessionVersion(db, draftId) !== built.manifestSha256)
        throw new AppError('invalid-input', '草稿在导出评审包之后又修改过：请先重新导出评审包，再为专家制作副本。');
      const folder = await destinationFolder(destination, path.join(bureauExportFolder(host.dataDir, draftId), 'copies'));
      if (!folder) return { folder: null, files: [] };
      return { folder, files: await writeExpertCopies(source, draft, folder) };
    },
    async 'bureau.draft.open'({ source }) {
      const alreadyOpen = (id: string) =>
        loadDraft(db, id) ? `评审包“${loadDraft(db, id)!.draft.session.title}”已在草稿中，请直接打开该草稿。` : null;
      // A carried profile.json becomes (or finds) a version of the bureau's own profile, which the draft then names.
      const adoptProfile = (bytes: Uint8Array, jurisdiction: string) => adoptCarriedProfile(db, bytes, jurisdiction, now().toISOString());
      const draft = await withSourceFile(stagingRoot(host.dataDir), source, (file) =>
        draftFromPackage(host.dataDir, file, { taken: alreadyOpen, adoptProfile }),
      );
      insertDraft(db, { ...draft, session: draftSessionSchema.parse(draft.session) }, now().toISOString());
      return view(draft.id);
    },
    async 'bureau.results.import'({ sessionId, sources }) {
      const session = sessionOrThrow(db, sessionId);
      assertPanelOpen(db, sessionId, null);
      const outcomes: ResultImportOutcome[] = [];
      // In the order given: a later file of the same expert is judged against what the earlier ones left.
      for (const s of sources) {
        const read = s.kind === 'upload' ? [{ name: s.name, bytes: s.bytes }] : await readResultSources([path.resolve(s.path)]);
        for (const r of read) outcomes.push('bytes' in r ? importResult(db, session, r, now()) : r);
      }
      return outcomes;
    },
    'bureau.results.status'({ sessionId }) {
      return statusBoard(db, sessionId);
    },
    'bureau.results.confirmKey'({ sessionId, pendingId }) {
      const session = sessionOrThrow(db, sessionId);
      assertPanelOpen(db, sessionId, null);
      return confirmPendingKey(db, session, pendingId, now());
    },
    'bureau.panel.get'({ sessionId }) {
      return sessionPanel(db, sessionId).view;
    },
    'bureau.panel.setLine'({ sessionId, projectId, lineId, approvedFen, reason }) {
      const session = sessionOrThrow(db, sessionId);
      assertPanelOpen(db, sessionId, projectId);
      const line = session.projects.find((p) => p.id === projectId)?.budgetLines.find((l) => l.id === lineId);
      if (!line) throw new AppError('not-found', '找不到该概算明细。');
      if (approvedFen === null) clearLineOverride(db, sessionId, projectId, lineId);
      else setLineOverride(db, sessionId, { projectId, lineId, approvedFen, reason: reason ?? '', setAt: now().toISOString() });
      return sessionPanel(db, sessionId).view;
    },
    'bureau.panel.setConclusion'({ sessionId, projectId, conclusion, reason }) {
      assertPanelOpen(db, sessionId, projectId);
      if (!sessionOrThrow(db, sessionId).projects.some((p) => p.id === projectId)) throw new AppError('not-found', '找不到该项目。');
      if (conclusion === null) clearConclusionOverride(db, sessionId, projectId);
      else setConclusionOverride(db, sessionId, { projectId, conclusion, reason: reason ?? '', setAt: now().toISOString() });
      return sessionPanel(db, sessionId).view;
    },
    'bureau.panel.setDissent'({ sessionId, projectId, expertPosition, reason }) {
      const session = sessionOrThrow(db, sessionId);
      assertPanelOpen(db, sessionId, projectId);
      if (!session.projects.some((p) => p.id === projectId) || !session.experts[expertPosition])
        throw new AppError('not-found', '找不到该项目或专家。');
      const member = sessionPanel(db, sessionId)
        .panels.get(projectId)
        ?.members.find((m) => m.expertId === rosterExpertId(expertPosition));
      if (reason !== null && member?.view.review.conflict?.hasConflict) {
        throw new AppError(
          'invalid-input',
          `${session.experts[expertPosition].name}已声明回避该项目，不参与该项目的结论，不能记录保留意见。`,
        );
      }
      if (reason === null) clearDissent(db, sessionId, projectId, expertPosition);
      else setDissent(db, sessionId, { projectId, expertPosition, reason, recordedAt: now().toISOString() });
      return sessionPanel(db, sessionId).view;
    },
    'bureau.panel.opinionText.get'({ sessionId, projectId }) {
      return panelOpinionText(db, sessionId, projectId);
    },
    'bureau.panel.opinionText.save'({ sessionId, projectId, section, text, baseVersion }) {
      return savePanelOpinionText(db, sessionId, projectId, section, text, baseVersion, now());
    },
    'bureau.panel.opinions'({ sessionId }) {
      return opinionStatuses(db, sessionId);
    },
    'bureau.panel.freeze'({ sessionId, projectId }) {
      return freezeOpinion(db, sessionId, projectId, now());
    },
    'bureau.panel.unfreeze'({ sessionId, projectId }) {
      return unfreezeOpinion(db, sessionId, projectId);
    },
    async 'bureau.panel.opinionFile'({ sessionId, projectId, destination }) {
      sessionOrThrow(db, sessionId);
      const folder = await destinationFolder(destination, path.join(bureauExportFolder(host.dataDir, sessionId), '专家组意见'));
      return { file: folder ? await writeOpinionFile(db, sessionId, projectId, folder) : null };
    },
    async 'bureau.panel.importSignatures'({ sessionId, sources }) {
      sessionOrThrow(db, sessionId);
      const read = [];
      for (const s of sources)
        read.push(...(s.kind === 'upload' ? [{ name: s.name, bytes: s.bytes }] : await readSignatureSources([path.resolve(s.path)])));
      // Outcomes in the order given: a file that could not be read keeps its place.
      const imported = importPanelSignatures(
        db,
        sessionId,
        read.filter((r) => 'bytes' in r),
        now(),
      );
      let next = 0;
      return read.map((r) => ('bytes' in r ? imported[next++]! : r)); // one outcome per readable file, in order
    },
    'bureau.letters.get'({ sessionId }) {
      return lettersView(db, sessionId, now());
    },
    'bureau.letters.saveSettings'(input) {
      return saveSettings(db, input, now());
    },
    'bureau.letters.issue'(input) {
      return issueLetters({ db, host, jobs, now }, input);
    },
    async 'bureau.letters.exportRegister'({ format, destination }) {
      return { file: await exportRegister(db, host, format, destination, now()) };
    },
    async 'bureau.archive.export'({ sessionId, destination }) {
      const session = sessionOrThrow(db, sessionId);
      const folder = await destinationFolder(destination, bureauExportFolder(host.dataDir, sessionId));
      if (!folder) return { file: null, fingerprint: null };
      return exportArchive(db, host.dataDir, session, folder, now());
    },
    async 'bureau.archive.import'({ jobId, source, bureauFingerprint }) {
      return withSourceFile(stagingRoot(host.dataDir), source, (file) => importArchive(importContext(), jobId, file, bureauFingerprint));
    },
  };
}
