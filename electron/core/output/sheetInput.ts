// Owns what the score sheets (评分表) of a session are made from on this machine: the panel's results on the bureau's
// machine once they arrived (panel/panel.ts), else the local expert's reviews of every project aggregated as a
// one-member panel, with the rubric's conclusion labels.
import type { Conclusion, Rubric } from '../../../shared/profile';
import { sessionOrThrow, sessionProfile } from '../context/session';
import { aggregateSession } from '../panel/aggregate';
import { localPanelMember, projectPanelInput } from '../panel/members';
import { sessionPanel, type SessionPanel } from '../panel/panel';
import { profileRule } from '../panel/rule';
import { rubricForSession } from '../scoring/view';
import type { ReadDb } from '../store/access';
import { countResults } from '../store/bureauResults';
import type { ScoreSheetInput } from './sheets/model';

const conclusionLabels = (bands: Rubric['bands']) =>
  Object.fromEntries(bands.map((b) => [b.conclusion, b.label])) as Record<Conclusion, string>;

/** The session's 评分汇总表 from the bureau's panel (every member's result), under the profile's rule. */
function bureauScoreSheetInput(now: Date, author: string, computed: SessionPanel): ScoreSheetInput {
  const { session, rubric, view } = computed;
  return {
    sessionTitle: session.title,
    session: view.aggregate,
    conclusionLabels: conclusionLabels(rubric.rubric.bands),
    createdAt: now.toISOString(),
    author,
  };
}

/** `panel`: the session's panel when the caller already has it (a batch computes it once for all its documents). */
export function sessionScoreSheetInput(
  db: ReadDb,
  sessionId: string,
  now: Date,
  author: string,
  panel: () => SessionPanel = () => sessionPanel(db, sessionId),
): ScoreSheetInput {
  // On the bureau's machine, once experts' results arrived, the sheet is the panel's.
  if (countResults(db, sessionId) > 0) return bureauScoreSheetInput(now, author, panel());
  const session = sessionOrThrow(db, sessionId);
  const projects = session.projects.map((p) => {
    const member = localPanelMember(db, sessionId, p.id);
    return projectPanelInput(p, member.view.rubric.rubric, [member]);
  });
  return {
    sessionTitle: session.title,
    session: aggregateSession(projects, profileRule(sessionProfile(db, session))),
    conclusionLabels: conclusionLabels(rubricForSession(db, session).rubric.bands),
    createdAt: now.toISOString(),
    author,
  };
}
