// Owns assembling one project's review for the form and the overview: the rubric in force, the stored (or an empty) review, and everything computed from it.
import type { ProjectInfo, SessionDetail } from '../../../shared/domain';
import type { Profile } from '../../../shared/profile';
import {
  reviewSchema,
  type BudgetLineAmount,
  type ProjectOverview,
  type Review,
  type ReviewView,
  type RubricInForce,
} from '../../../shared/scoring';
import { AppError } from '../kernel/errors';
import { projectReport } from '../precheck/report';
import { sessionProfile } from '../context/session';
import type { ReadDb } from '../store/access';
import { loadReview, loadRubric, localExpertId, type StoredReview } from '../store/reviews';
import { sessionRubricOverride } from '../store/sessions';
import { chaptersNeedingOpinion, missingForCompletion, reviewState } from './completeness';
import { resolveRubric } from './rubric';
import { investmentReductions, scoreTotals, suggestConclusion, vetoStates, type VetoFinding } from '../../../shared/reviewTotals';

/** What a project's review is computed against. */
export interface ReviewContext {
  session: SessionDetail;
  project: ProjectInfo;
  profile: Profile;
  /** The stored review's own rubric, else the one in force now. */
  rubric: RubricInForce;
  stored: StoredReview | null;
  findings: VetoFinding[];
  lines: BudgetLineAmount[];
}

/** The rubric in force for new reviews of the session: the profile's, changed by the package's `session.rubric`. */
function currentRubric(db: ReadDb, session: SessionDetail, profile: Profile): RubricInForce {
  return resolveRubric(profile, sessionRubricOverride(db, session.id));
}

export function reviewContext(db: ReadDb, session: SessionDetail, projectId: string, rubricNow?: RubricInForce): ReviewContext {
  const project = session.projects.find((p) => p.id === projectId);
  if (!project) throw new AppError('not-found', '找不到该项目，可能评审包已被移除。');
  const profile = sessionProfile(db, session);
  const stored = loadReview(db, session.id, projectId);
  const rubric = (stored && loadRubric(db, stored.review.rubricFingerprint)) ?? rubricNow ?? currentRubric(db, session, profile);
  const findings = projectReport(db, session, projectId)?.findings ?? [];
  const lines = project.budgetLines.map(({ id, name, amountFen }) => ({ id, name, amountFen }));
  return { session, project, profile, rubric, stored, findings, lines };
}

export function rubricForSession(db: ReadDb, session: SessionDetail): RubricInForce {
  return currentRubric(db, session, sessionProfile(db, session));
}

/** The stored review, or an empty one under the rubric in force. */
export function currentReview(ctx: ReviewContext): Review {
  return (
    ctx.stored?.review ??
    reviewSchema.parse({ projectId: ctx.project.id, expertId: localExpertId, rubricFingerprint: ctx.rubric.fingerprint })
  );
}

export function reviewView(ctx: ReviewContext): ReviewView {
  const review = currentReview(ctx);
  const rubric = ctx.rubric.rubric;
  const totals = scoreTotals(review, rubric);
  const vetoes = vetoStates(rubric, ctx.findings, review.vetoRulings);
  const hits = vetoes.filter((v) => v.state === 'hit').map((v) => v.veto);
  return {
    review,
    rubric: ctx.rubric,
    totals,
    vetoes,
    suggestion: suggestConclusion(totals.complete ? totals.total : null, hits, rubric),
    reductions: investmentReductions(ctx.lines, review.investment),
    missing: missingForCompletion(review, rubric, ctx.profile.requiredChapters, ctx.lines, {
      findings: ctx.findings,
      projectType: ctx.project.type,
    }),
    chapters: chaptersNeedingOpinion(ctx.profile.requiredChapters, ctx.project.type).map(({ id, title }) => ({ id, title })),
    state: reviewState(review, ctx.stored?.completedAt != null),
    version: ctx.stored?.version ?? 0,
    savedAt: ctx.stored?.savedAt ?? null,
    completedAt: ctx.stored?.completedAt ?? null,
  };
}

export function projectOverview(ctx: ReviewContext): ProjectOverview {
  const view = reviewView(ctx);
  return {
    projectId: ctx.project.id,
    state: view.state,
    total: view.totals.total,
    totalPoints: view.totals.totalPoints,
    conclusion: view.review.conclusion.chosen ?? view.suggestion.conclusion,
    dimensions: view.totals.dimensions.map((d) => ({ id: d.id, name: d.name, score: d.subtotal, max: d.maxPoints })),
  };
}
