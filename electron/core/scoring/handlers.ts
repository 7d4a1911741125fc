// Owns the scoring calls: read, save (versioned, with history), complete, reopen and history of a project's review, and the session overview.
import { overLongText } from '../../../shared/scoreInput';
import type { MissingItem } from '../../../shared/scoring';
import { AppError } from '../kernel/errors';
import { requireCommitment, requireRosterConfirmed } from '../expert/handlers';
import type { HandlerMap } from '../kernel/handlers';
import type { WriteDb } from '../store/access';
import { loadReview, localExpertId, reviewHistory, saveReview, setCompleted } from '../store/reviews';
import { currentReview, projectOverview, reviewContext, reviewView, rubricForSession, type ReviewContext } from './view';
import { sessionOrThrow } from '../context/session';
import { profileInForce } from '../precheck/profiles';

type ScoringMethod = 'review.get' | 'review.save' | 'review.complete' | 'review.reopen' | 'review.history' | 'session.overview';

/** A missing item as an API problem: `path` is its completion target as JSON, so the form can go to the field. */
function missingProblem(item: MissingItem) {
  return { code: 'missing', message: item.message, path: JSON.stringify(item.target) };
}

export function scoringHandlers(db: WriteDb, now: () => Date): HandlerMap<ScoringMethod> {
  const load = (sessionId: string, projectId: string) => reviewContext(db, sessionOrThrow(db, sessionId), projectId);
  // After a write only the stored review changed: the pre-check findings and rubric of the context still hold.
  const reloaded = (ctx: ReviewContext) => reviewView({ ...ctx, stored: loadReview(db, ctx.session.id, ctx.project.id) });
  return {
    'review.get'({ sessionId, projectId }) {
      return reviewView(load(sessionId, projectId));
    },
    'review.save'({ sessionId, projectId, review, baseVersion }) {
      const ctx = load(sessionId, projectId);
      requireRosterConfirmed(db, ctx.session);
      requireCommitment(db, sessionId);
      if (review.projectId !== projectId || review.expertId !== localExpertId || review.rubricFingerprint !== ctx.rubric.fingerprint) {
        throw new AppError('invalid-input', '评审记录与项目或执行的评分标准不一致，未保存。请刷新后重试。');
      }
      if (ctx.stored?.completedAt) throw new AppError('invalid-input', '该项目评审已完成。如需修改，请先重新打开评审。');
      const tooLong = overLongText(review, {
        dimension: (id) => ctx.rubric.rubric.dimensions.find((d) => d.id === id)?.name ?? '评审维度',
        chapter: (id) => ctx.profile.requiredChapters.find((c) => c.id === id)?.title ?? '篇章',
        line: (id) => ctx.lines.find((l) => l.id === id)?.name ?? '预算明细',
      });
      if (tooLong) throw new AppError('invalid-input', tooLong);
      saveReview(db, sessionId, projectId, review, currentReview(ctx), ctx.rubric, baseVersion, now().toISOString(), {
        record: profileInForce(ctx.profile),
        json: JSON.stringify(ctx.profile),
      });
      return reloaded(ctx);
    },
    'review.complete'({ sessionId, projectId }) {
      const ctx = load(sessionId, projectId);
      requireRosterConfirmed(db, ctx.session);
      const view = reviewView(ctx);
      if (view.missing.length > 0) {
        const list = view.missing.map((m, i) => `${i + 1}. ${m.message}`).join('\n');
        throw new AppError(
          'invalid-input',
          `还有 ${view.missing.length} 项未完成，暂不能完成评审：\n${list}`,
          view.missing.map(missingProblem),
        );
      }
      if (ctx.stored?.completedAt) return view;
      setCompleted(db, sessionId, projectId, now().toISOString(), true, '');
      return reloaded(ctx);
    },
    'review.reopen'({ sessionId, projectId, reason }) {
      const ctx = load(sessionId, projectId);
      requireRosterConfirmed(db, ctx.session);
      if (!ctx.stored?.completedAt) throw new AppError('invalid-input', '该项目评审尚未完成，无需重新打开。');
      setCompleted(db, sessionId, projectId, now().toISOString(), false, reason);
      return reloaded(ctx);
    },
    'review.history'({ sessionId, projectId }) {
      load(sessionId, projectId);
      return reviewHistory(db, sessionId, projectId);
    },
    'session.overview'({ sessionId }) {
      const session = sessionOrThrow(db, sessionId);
      const rubric = rubricForSession(db, session);
      return session.projects.map((p) => projectOverview(reviewContext(db, session, p.id, rubric)));
    },
  };
}
