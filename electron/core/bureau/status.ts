// Owns the status board of result collection (收取情况): per expert whether and when they submitted and which version is in force, per project their state (完成 / 回避 / 未完成), who is missing, and declared conflicts.
import type { ExpertStatus, StatusBoard } from '../../../shared/bureau';
import { listPendingResults, listResults } from '../store/bureauResults';
import type { ReadDb } from '../store/access';
import { sessionOrThrow } from '../context/session';
import { storedResultFile } from '../panel/members';

export function statusBoard(db: ReadDb, sessionId: string): StatusBoard {
  const session = sessionOrThrow(db, sessionId);
  const all = listResults(db, sessionId);
  const held = listPendingResults(db, sessionId);
  const experts: ExpertStatus[] = session.experts.map((e, position) => {
    const mine = all.filter((r) => r.expertPosition === position);
    const current = mine.at(-1);
    const file = current ? storedResultFile(db, current) : null;
    return {
      position,
      name: e.name,
      isChair: e.isChair,
      fingerprint: e.fingerprint,
      submitted: current
        ? { signedAt: current.signedAt, receivedAt: current.receivedAt, version: mine.length, fileSha256: current.fileSha256 }
        : null,
      projects: session.projects.map((p) => {
        const result = file?.projects.find((x) => x.projectId === p.id);
        const state = !file
          ? 'missing'
          : !result
            ? 'incomplete'
            : result.state === 'recused'
              ? 'recused'
              : result.state === 'complete'
                ? 'complete'
                : 'incomplete';
        return { projectId: p.id, state };
      }),
      history: mine.map(({ signedAt, receivedAt, fileName, fileSha256 }) => ({ signedAt, receivedAt, fileName, fileSha256 })),
      submissions: mine.length,
      pending: held
        .filter((r) => r.expertPosition === position)
        .map(({ id, fingerprint, signedAt, receivedAt, fileName }) => ({ id, fingerprint, signedAt, receivedAt, fileName })),
    };
  });
  return {
    sessionId,
    experts,
    missing: experts.filter((e) => !e.submitted).map((e) => e.name),
    conflicts: session.projects
      .map((p) => ({
        projectId: p.id,
        name: p.name,
        experts: experts.filter((e) => e.projects.find((x) => x.projectId === p.id)?.state === 'recused').map((e) => e.name),
      }))
      .filter((c) => c.experts.length > 0),
  };
}
