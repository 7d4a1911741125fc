// Owns the expert calls: the profile (专家信息) and each session's commitment (专家承诺书), and the guards scoring and signing use.
import type { SessionDetail } from '../../../shared/domain';
import { commitmentText } from '../../../shared/expert';
import { AppError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { ReadDb, WriteDb } from '../store/access';
import { acceptCommitment, loadCommitment, loadExpertProfile, saveExpertProfile } from '../store/expert';
import { loadRosterChoice } from '../store/identity';
import { getSession } from '../store/sessions';

type ExpertMethod = 'expert.get' | 'expert.save' | 'session.commitment.get' | 'session.commitment.accept';

/** Refuses scoring in a session whose commitment the expert has not accepted. */
export function requireCommitment(db: ReadDb, sessionId: string): void {
  if (!loadCommitment(db, sessionId)) throw new AppError('invalid-input', '请先阅读评审纪律并签署专家承诺书，再进行评分。');
}

/** Whether the expert has settled who they are in this session: always, when the package has no roster (专家名单). */
export function rosterConfirmed(db: ReadDb, session: SessionDetail): boolean {
  return session.experts.length === 0 || loadRosterChoice(db, session.id) !== null;
}

/**
 * Refuses writing a review (saving scores, completing, signing) in a session whose package carries a roster before the expert
 * has confirmed their entry on it (确认身份, `session.roster.confirm`): identity first, so a result is never scored under a
 * name the bureau will refuse.
 */
export function requireRosterConfirmed(db: ReadDb, session: SessionDetail): void {
  if (!rosterConfirmed(db, session))
    throw new AppError(
      'invalid-input',
      '请先确认评审专家身份：本评审包附有专家名单，请在“评分”页从名单中选择您的姓名并确认，再评分、完成评审或签名。',
    );
}

export function expertHandlers(db: WriteDb, now: () => Date): HandlerMap<ExpertMethod> {
  return {
    'expert.get'() {
      return loadExpertProfile(db);
    },
    'expert.save'(profile) {
      saveExpertProfile(db, profile, now().toISOString());
      return loadExpertProfile(db)!;
    },
    'session.commitment.get'({ sessionId }) {
      return loadCommitment(db, sessionId);
    },
    'session.commitment.accept'({ sessionId }) {
      if (!getSession(db, sessionId)) throw new AppError('not-found', '找不到该评审会，可能评审包已被移除。');
      const profile = loadExpertProfile(db);
      if (!profile) throw new AppError('invalid-input', '请先填写专家信息，再签署承诺书。');
      acceptCommitment(db, sessionId, profile.name, commitmentText, now().toISOString());
      return loadCommitment(db, sessionId)!;
    },
  };
}
