// Owns the lookups every domain above the pre-check starts from: a session by id, or the not-found refusal, and the jurisdiction profile it is reviewed under.
import type { SessionDetail } from '../../../shared/domain';
import type { Profile } from '../../../shared/profile';
import { AppError } from '../kernel/errors';
import { profileForSession } from '../precheck/sessionProfile';
import type { ReadDb } from '../store/access';
import { getSession } from '../store/sessions';

export function sessionOrThrow(db: ReadDb, sessionId: string): SessionDetail {
  const session = getSession(db, sessionId);
  if (!session) throw new AppError('not-found', '找不到该评审会，可能评审包已被移除。');
  return session;
}

/**
 * The profile the session is checked and scored under. Which one that is (the profile its package carried, else the
 * built-in one of its jurisdiction) and how it is read and validated is the pre-check's: precheck/sessionProfile.ts.
 */
export const sessionProfile: (db: ReadDb, session: SessionDetail) => Profile = profileForSession;
