// Owns the pre-check calls: a project's report, and the expert's marks on its findings (recorded with history).
import { AppError } from '../api/errors';
import type { HandlerMap } from '../api/handlers';
import type { Db } from '../store/db';
import { appendFindingMark } from '../store/findingMarks';
import { getSession } from '../store/sessions';
import { projectReport } from './report';

export function precheckHandlers(db: Db, now: () => Date): HandlerMap<'precheck.project' | 'precheck.mark'> {
  return {
    'precheck.project'({ sessionId, projectId }) {
      const session = getSession(db, sessionId);
      const report = session && projectReport(db, session, projectId);
      if (!report) throw new AppError('not-found', '找不到该项目，可能评审包已被移除。');
      return report;
    },
    'precheck.mark'({ sessionId, projectId, ruleId, mark, note }) {
      if (!getSession(db, sessionId)?.projects.some((p) => p.id === projectId)) throw new AppError('not-found', '找不到该项目，标记未保存。');
      appendFindingMark(db, sessionId, projectId, ruleId, { mark, note, markedAt: now().toISOString() });
      return null;
    },
  };
}
