// Owns assembling a project's pre-check (形式审查): chapters, findings (own and cross-project), budget verdicts and totals.
import type { SessionDetail } from '../../../shared/domain';
import type { ChapterMatch, DocumentText, Finding, PrecheckReport } from '../../../shared/precheck';
import type { Profile } from '../../../shared/profile';
import type { Db } from '../store/db';
import { findingMarksOf } from '../store/findingMarks';
import { viewerFor } from '../store/sessions';
import { hasText, loadDocumentText, textStamp } from '../store/texts';
import { classifyBudgetLine, summarizeBudget, type BudgetSummary } from './budget';
import { detectChapters } from './chapters';
import { crossProjectFindings, runProjectChecks, textFromDocuments, textFromProject, type PrecheckProject } from './checks';
import { loadProfile } from './profiles';

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
export function evaluateProject(project: PrecheckProject, allProjects: PrecheckProject[], profile: Profile, texts: DocumentText[], textReady: boolean): ProjectEvaluation {
  const kindOf = new Map(project.documents.map((d) => [d.id, d.kind]));
  const matches = textReady ? detectChapters(texts.filter((t) => chapterBearingKinds.has(kindOf.get(t.documentId) ?? 'other')), profile.requiredChapters) : [];
  const titles = new Map(project.documents.map((d) => [d.id, d.title]));
  const projectText = [...textFromProject(project), ...textFromDocuments(texts, titles)];
  const findings = [
    ...runProjectChecks({ project, profile, chapterMatches: matches, projectText }).map((f) => ({ ...f, crossProject: false })),
    ...(crossProjectFindings(allProjects, profile).get(project.id) ?? []).map((f) => ({ ...f, crossProject: true })),
  ];
  const verdicts = project.budgetLines.map((line) => classifyBudgetLine(line, profile));
  return { findings, matches, verdicts, totals: summarizeBudget(project.budgetLines, verdicts) };
}

/** The report the 形式审查 tab shows: the evaluation on the stored text, with document keys and the expert's marks. */
export function projectReport(db: Db, session: SessionDetail, projectId: string): PrecheckReport | null {
  const project = session.projects.find((p) => p.id === projectId);
  if (!project) return null;
  const profile = loadProfile(session.jurisdiction);
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
    budgetLines: verdicts.map((v, i) => ({ ...v, amountFen: project.budgetLines[i].amountFen })),
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
const evaluations = new WeakMap<Db, Map<string, CachedEvaluation>>();

function cachedEvaluation(db: Db, session: SessionDetail, project: SessionDetail['projects'][number], profile: Profile): CachedEvaluation {
  const stamp = textStamp(db, session.id);
  const cache = evaluations.get(db) ?? new Map<string, CachedEvaluation>();
  evaluations.set(db, cache);
  const key = `${session.id}\u0000${project.id}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit;
  const readable = readableDocuments(project);
  const texts = readable.map((d) => loadDocumentText(db, d.key, d.id)).filter((t): t is DocumentText => t !== null);
  const textReady = readable.every((d) => hasText(db, d.key));
  const entry = { stamp, textReady, evaluation: evaluateProject(project, session.projects, profile, texts, textReady) };
  cache.set(key, entry);
  return entry;
}

/** Documents whose text the app can extract (PDF, DOCX, XLSX). */
export function readableDocuments<D extends { path: string }>(project: { documents: D[] }): D[] {
  return project.documents.filter((d) => ['pdf', 'docx', 'xlsx'].includes(viewerFor(d.path)));
}
