// Owns the pre-check calls: the rules a session is reviewed under, a project's report, and the expert's marks on its findings (recorded with history).
import { AppError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { WriteDb } from '../store/access';
import { appendFindingMark } from '../store/findingMarks';
import { getSession } from '../store/sessions';
import { sessionProfileOf } from '../store/sessionProfiles';
import { projectReport } from './report';
import { profileForSession } from './sessionProfile';

export function precheckHandlers(db: WriteDb, now: () => Date): HandlerMap<'precheck.rules' | 'precheck.project' | 'precheck.mark'> {
  return {
    'precheck.rules'({ sessionId }) {
      const session = getSession(db, sessionId);
      if (!session) throw new AppError('not-found', '找不到该评审会，可能评审包已被移除。');
      const profile = profileForSession(db, session);
      return {
        id: profile.id,
        name: profile.name,
        regulation: profile.regulation,
        version: profile.version,
        carried: sessionProfileOf(db, sessionId) !== null,
      };
    },
    'precheck.project'({ sessionId, projectId }) {
      const session = getSession(db, sessionId);
      const report = session && projectReport(db, session, projectId);
      if (!report) throw new AppError('not-found', '找不到该项目，可能评审包已被移除。');
      return report;
    },
    'precheck.mark'({ sessionId, projectId, ruleId, mark, note }) {
      if (!getSession(db, sessionId)?.projects.some((p) => p.id === projectId))
        throw new AppError('not-found', '找不到该项目，标记未保存。');
      appendFindingMark(db, sessionId, projectId, ruleId, { mark, note, markedAt: now().toISOString() });
      return null;
    },
  };
}
