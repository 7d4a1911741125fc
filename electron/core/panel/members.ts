// Owns who sits on the panel (专家组成员): a member with their review and everything computed from it, the members read back from the experts' results in force or this machine's expert alone, and one project's aggregation input from its members.
import type { ProjectInfo } from '../../../shared/domain';
import { yuanToFen } from '../../../shared/money';
import type { Conclusion, Rubric } from '../../../shared/profile';
import { resultFileSchema, type ProjectResult, type ResultFile } from '../../../shared/resultFile';
import type { Review, ReviewView } from '../../../shared/scoring';
import { sessionOrThrow } from '../context/session';
import { reviewContext, reviewView } from '../scoring/view';
import type { ReadDb } from '../store/access';
import { resultBytes, type StoredResult } from '../store/bureauResults';
import { loadExpertProfile } from '../store/expert';
import { localExpertId } from '../store/reviews';
import { expertScoresFromReview, type ProjectPanelInput } from './aggregate';

/** The expert id a roster position stands for in aggregation (ordered like the roster). */
export const rosterExpertId = (position: number) => `expert-${String(position + 1).padStart(3, '0')}`;

/** One member of the panel: who, and their review with everything computed. */
export interface PanelMember {
  expertId: string;
  name: string;
  title: string;
  employer: string;
  isChair: boolean;
  view: ReviewView;
}

/** This machine's expert as a panel member: the profile's name, chair when the package names them chair. */
export function localPanelMember(db: ReadDb, sessionId: string, projectId: string): PanelMember {
  const session = sessionOrThrow(db, sessionId);
  const profile = loadExpertProfile(db);
  const name = profile?.name ?? '评审专家';
  const listed = session.experts.find((e) => e.name === name);
  return {
    expertId: localExpertId,
    name,
    title: profile?.title || listed?.title || '',
    employer: profile?.employer || listed?.employer || '',
    isChair: listed?.isChair ?? false,
    view: reviewView(reviewContext(db, session, projectId)),
  };
}

/** A stored result parsed again (it was verified when accepted). */
export function storedResultFile(db: ReadDb, stored: StoredResult): ResultFile {
  return resultFileSchema.parse(JSON.parse(Buffer.from(resultBytes(db, stored.id)).toString('utf8')));
}

/** One project of a result file as the Review the scoring code computes from (amounts back to fen). */
export function reviewFromResult(p: ProjectResult, expertId: string): Review {
  const { state: _state, completedAt: _completedAt, history: _history, conclusion, investment, ...entered } = p;
  return {
    ...entered,
    expertId,
    conclusion: { chosen: conclusion.chosen, reason: conclusion.reason },
    investment: Object.fromEntries(
      investment.map((l) => [l.lineId, { approvedFen: l.approved === null ? null : yuanToFen(l.approved), reason: l.reason }]),
    ),
  };
}

/**
 * What aggregation takes for one project: the rubric's dimensions, the budget lines and each member's scores.
 * `conclusions[i]` is member i's conclusion as signed (default: the one chosen, else the suggestion the member saw);
 * `overrides` are the chair's approved amounts by line.
 */
export function projectPanelInput(
  project: ProjectInfo,
  rubric: Rubric,
  members: readonly PanelMember[],
  conclusions: readonly (Conclusion | null)[] = members.map((m) => m.view.review.conclusion.chosen ?? m.view.suggestion.conclusion),
  overrides?: ProjectPanelInput['overrides'],
): ProjectPanelInput {
  return {
    projectId: project.id,
    name: project.name,
    dimensions: rubric.dimensions.map(({ id, name, maxPoints }) => ({ id, name, maxPoints })),
    totalPoints: rubric.totalPoints,
    lines: project.budgetLines.map(({ id, name, amountFen }) => ({ id, name, amountFen })),
    experts: members.map((m, i) => ({ ...expertScoresFromReview(m.view.review, rubric, m.name, conclusions[i]!), expertId: m.expertId })),
    overrides,
  };
}
