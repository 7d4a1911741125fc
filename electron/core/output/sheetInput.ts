// Owns what the score sheets (评分表) of a session are made from on this machine: the panel's results on the bureau's
// machine once they arrived (bureau/panel.ts), else the local expert's reviews of every project aggregated as a
// one-member panel, with the rubric's conclusion labels.
import type { Conclusion } from '../../../shared/profile';
import { aggregateSession, expertScoresFromReview, type ProjectPanelInput } from '../bureau/aggregate';
import { bureauScoreSheetInput, type SessionPanel } from '../bureau/panel';
import { profileRule } from '../bureau/rule';
import { countResults } from '../store/bureauResults';
import { loadProfile } from '../precheck/profiles';
import { rubricForSession, sessionOrThrow } from '../scoring/view';
import type { Db } from '../store/db';
import { localPanelMember } from './context';
import type { ScoreSheetInput } from './sheets/model';

/** `panel`: the session's panel when the caller already has it (a batch computes it once for all its documents). */
export function sessionScoreSheetInput(db: Db, sessionId: string, now: Date, author: string, panel?: () => SessionPanel): ScoreSheetInput {
  // On the bureau's machine, once experts' results arrived, the sheet is the panel's.
  if (countResults(db, sessionId) > 0) return bureauScoreSheetInput(db, sessionId, now, author, panel?.());
  const session = sessionOrThrow(db, sessionId);
  const projects: ProjectPanelInput[] = session.projects.map((p) => {
    const member = localPanelMember(db, sessionId, p.id);
    const rubric = member.view.rubric.rubric;
    const conclusion = member.view.review.conclusion.chosen ?? member.view.suggestion.conclusion;
    return {
      projectId: p.id,
      name: p.name,
      dimensions: rubric.dimensions.map(({ id, name, maxPoints }) => ({ id, name, maxPoints })),
      totalPoints: rubric.totalPoints,
      lines: p.budgetLines.map(({ id, name, amountFen }) => ({ id, name, amountFen })),
      experts: [{ ...expertScoresFromReview(member.view.review, rubric, member.name, conclusion), expertId: member.expertId }],
    };
  });
  const bands = rubricForSession(db, session).rubric.bands;
  return {
    sessionTitle: session.title,
    session: aggregateSession(projects, profileRule(loadProfile(session.jurisdiction))),
    conclusionLabels: Object.fromEntries(bands.map((b) => [b.conclusion, b.label])) as Record<Conclusion, string>,
    createdAt: now.toISOString(),
    author,
  };
}
