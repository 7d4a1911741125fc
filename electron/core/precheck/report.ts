// Owns assembling a project's pre-check (形式审查): chapters, findings (own and cross-project), budget verdicts and totals.
import type { SessionDetail } from '../../../shared/domain';
import type { ChapterMatch, DocumentText, Finding, PrecheckReport } from '../../../shared/precheck';
import type { Profile } from '../../../shared/profile';
import { ENGINE_ID } from '../documents/ocr/engine';
import { imageKind } from '../documents/ocr/recognise';
import { isTextKind } from '../documents/text';
import type { ReadDb } from '../store/access';
import { findingMarksOf } from '../store/findingMarks';
import { viewerFor } from '../store/sessions';
import { hasText, loadDocumentText, textStamp } from '../store/texts';
import { loadOcrPages, ocrState } from '../store/ocrPages';
import { classifyBudgetLine, summarizeBudget, type BudgetSummary } from './budget';
import { detectChapters } from './chapters';
import { crossProjectFindings, runProjectChecks, textFromDocuments, textFromProject, type PrecheckProject } from './checks';
import { profileForSession } from './sessionProfile';

/** The documents in which a proposal's chapters (篇章) are looked for: the 建设方案 family, not companion documents. */
const chapterBearingKinds = new Set(['proposal', 'feasibility', 'preliminary-design']);

export interface ProjectEvaluation {
  findings: (Finding & { crossProject: boolean })[];
  matches: ChapterMatch[];
  verdicts: ReturnType<typeof classifyBudgetLine>[];
  totals: BudgetSummary;
}

/**
 * The pre-check of one project given its documents' text. `textReady` false means extraction has not run: chapter
 * findings then say so (judge) instead of reporting chapters missing.
 */
export function evaluateProject(
  project: PrecheckProject,
  allProjects: PrecheckProject[],
  profile: Profile,
  texts: DocumentText[],
  textReady: boolean,
  unreadable: ReadonlyMap<string, string> = new Map(),
): ProjectEvaluation {
  const kindOf = new Map(project.documents.map((d) => [d.id, d.kind]));
  const companions = project.documents
    .filter((d) => !chapterBearingKinds.has(d.kind))
    .map((d) => ({
      documentId: d.id,
      title: d.title,
      chapterIds: profile.requiredDocuments.flatMap((r) => (r.orChapter && r.kinds.includes(d.kind) ? [r.orChapter] : [])),
    }));
  const detected = textReady
    ? detectChapters(
        texts.filter((t) => chapterBearingKinds.has(kindOf.get(t.documentId) ?? 'other')),
        profile.requiredChapters,
        companions,
      )
    : [];
  // A chapter-bearing document whose text could not be read may hold the chapters not found elsewhere: those are for
  // the expert to judge (no match → judge), not 不符合.
  const titles = new Map(project.documents.map((d) => [d.id, d.title]));
  const blindTo = [...unreadable].filter(([id]) => chapterBearingKinds.has(kindOf.get(id) ?? 'other'));
  const matches = blindTo.length ? detected.filter((m) => m.found) : detected;
  // Why those chapters are left to the expert, naming each file: 《建设方案》为扫描件，文字识别中.
  const unreadableWhy = blindTo.length ? blindTo.map(([id, why]) => `《${titles.get(id) ?? id}》${why}`).join('；') : undefined;
  const projectText = [...textFromProject(project), ...textFromDocuments(texts, titles)];
  const findings = [
    ...runProjectChecks({ project, profile, chapterMatches: matches, projectText, unreadableWhy }).map((f) => ({
      ...f,
      crossProject: false,
    })),
    ...(sessionCrossProject(allProjects, profile).get(project.id) ?? []).map((f) => ({ ...f, crossProject: true })),
  ];
  const verdicts = project.budgetLines.map((line) => classifyBudgetLine(line, profile));
  return { findings, matches, verdicts, totals: summarizeBudget(project.budgetLines, verdicts) };
}

/**
 * Cross-project findings depend on every project of the session (names, summaries, budget lines) and the profile,
 * never on document text, so they are computed once per list of projects and profile, not once per project: with
 * 1,000 projects an overview otherwise compared every pair a thousand times. A session read afresh (a new
 * `projects` array with the same projects) is matched by its projects' ids and budget lines, below.
 */
const crossByList = new WeakMap<readonly PrecheckProject[], { profile: Profile; result: Map<string, Finding[]> }>();
let crossBySession: { key: string; profile: Profile; result: Map<string, Finding[]> } | undefined;

function sessionCrossProject(allProjects: PrecheckProject[], profile: Profile): Map<string, Finding[]> {
  const listed = crossByList.get(allProjects);
  if (listed && listed.profile === profile) return listed.result;
  // The content that matters, as one string: cheap next to the comparison it saves.
  const key = JSON.stringify(allProjects.map((p) => [p.id, p.name, p.summary, p.budgetLines.map((l) => [l.name, l.category])]));
  if (crossBySession && crossBySession.profile === profile && crossBySession.key === key) {
    crossByList.set(allProjects, { profile, result: crossBySession.result });
    return crossBySession.result;
  }
  const result = crossProjectFindings(allProjects, profile);
  crossByList.set(allProjects, { profile, result });
  crossBySession = { key, profile, result };
  return result;
}

/** The report the 形式审查 tab shows: the evaluation on the stored text, with document keys and the expert's marks. */
export function projectReport(db: ReadDb, session: SessionDetail, projectId: string): PrecheckReport | null {
  const project = session.projects.find((p) => p.id === projectId);
  if (!project) return null;
  const profile = profileForSession(db, session);
  const { textReady, evaluation } = cachedEvaluation(db, session, project, profile);
  const { findings, matches, verdicts, totals } = evaluation;

  const keys = new Map(project.documents.map((d) => [d.id, d.key]));
  const marks = findingMarksOf(db, session.id, projectId);
  return {
    projectId,
    textReady,
    findings: findings.map((f) => ({
      ...f,
      evidence: f.evidence.map((e) => ({ ...e, documentKey: e.documentId ? keys.get(e.documentId) : undefined })),
      mark: marks.get(f.ruleId)?.current ?? null,
      history: marks.get(f.ruleId)?.history ?? [],
    })),
    chapters: profile.requiredChapters.map((c) => {
      const m = matches.find((x) => x.chapterId === c.id);
      return {
        chapterId: c.id,
        title: c.title,
        found: m?.found ?? false,
        opinionRequired: c.opinionRequired,
        documentId: m?.documentId,
        documentKey: m?.documentId ? keys.get(m.documentId) : undefined,
        page: m?.page,
        heading: m?.heading,
      };
    }),
    budgetLines: verdicts.map((v, i) => ({ ...v, amountFen: project.budgetLines[i]!.amountFen })),
    totals: { totalFen: totals.totalFen, ineligibleFen: totals.ineligibleFen, needsEvaluationFen: totals.needsEvaluationFen },
  };
}

/**
 * Evaluating a project reads every page of its text and compares it with the session's other projects; the result
 * changes only when text is extracted (a session is immutable once imported, and marks are applied afterwards).
 * Scoring asks for it on every save, so it is kept per database until the session's text changes.
 */
interface CachedEvaluation {
  stamp: string;
  textReady: boolean;
  evaluation: ProjectEvaluation;
}
const evaluations = new WeakMap<ReadDb, Map<string, CachedEvaluation>>();

function cachedEvaluation(
  db: ReadDb,
  session: SessionDetail,
  project: SessionDetail['projects'][number],
  profile: Profile,
): CachedEvaluation {
  const stamp = textStamp(db, session.id);
  const cache = evaluations.get(db) ?? new Map<string, CachedEvaluation>();
  evaluations.set(db, cache);
  const key = `${session.id}\u0000${project.id}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit;
  const readable = readableDocuments(project);
  const texts = readable.map((d) => loadDocumentText(db, d.key, d.id)).filter((t): t is DocumentText => t !== null);
  const textReady = readable.every((d) => hasText(db, d.key));
  // Extraction ran and left no text: the file could not be read (recorded as failed). A scan (pages without a text
  // layer) is unreadable until recognised, and after recognition when no page gave text.
  const unreadable = new Map<string, string>();
  for (const d of readable) {
    if (hasText(db, d.key) && !texts.some((t) => t.documentId === d.id)) unreadable.set(d.id, '未能读取文本');
    else {
      const ocr = ocrState(db, d.key, d.sha256, ENGINE_ID);
      if (ocr === 'pending') unreadable.set(d.id, '为扫描件，文字识别中');
      else if (ocr === 'failed') unreadable.set(d.id, '为扫描件，未能识别文字');
    }
  }
  // A PNG/JPEG document is read by recognition alone: its text once recognised, else why there is none.
  for (const d of project.documents.filter((doc) => imageKind(doc.path) !== undefined)) {
    const text = loadDocumentText(db, d.key, d.id);
    if (text?.pages.some((p) => p.text.trim())) texts.push(text);
    else {
      const page = loadOcrPages(db, d.sha256, ENGINE_ID).get(1);
      unreadable.set(d.id, !page ? '为图片，文字识别中' : 'error' in page ? '为图片，未能识别文字' : '为图片，未识别出文字');
    }
  }
  const entry = { stamp, textReady, evaluation: evaluateProject(project, session.projects, profile, texts, textReady, unreadable) };
  cache.set(key, entry);
  return entry;
}

/** Documents whose text the app can extract (PDF, DOCX, XLSX, DOC/WPS, XLS/ET, OFD: documents/text.ts). */
export function readableDocuments<D extends { path: string }>(project: { documents: D[] }): D[] {
  return project.documents.filter((d) => isTextKind(viewerFor(d.path)));
}
