// Owns 签名并导出 (sign once): where each project stands on the way out (未完成 → 已完成 → 已签名 → 已导出), what blocks the export —
// known before the passphrase is asked — and signing every completed review that is not yet signed as it stands.
import type { SessionDetail } from '../../../shared/domain';
import type { ExportPlan, SigningStage } from '../../../shared/signing';
import { rosterConfirmed } from '../expert/handlers';
import type { ReadDb, WriteDb } from '../store/access';
import { loadCommitment } from '../store/expert';
import { wasExported, type IdentityRow } from '../store/identity';
import { loadReview } from '../store/reviews';
import { latestSeal, type SealRecord } from '../store/seals';
import { rosterWarning } from './roster';
import { sealIntact, sealReview } from './seal';
import type { Signer } from './types';

type Project = SessionDetail['projects'][number];

export interface ProjectStanding {
  project: Project;
  stage: SigningStage;
  /** 回避: the result file carries the project, no opinion documents are made for it. */
  recused: boolean;
  /** The seal by this identity of the review as it stands now; null while it has none. */
  seal: SealRecord | null;
  /** Why the project stops the export (Chinese, naming it); null when it does not. */
  problem: string | null;
}

/** Where one project stands for the identity with `fingerprint` (null: none on this machine yet). */
export function projectStanding(db: ReadDb, sessionId: string, project: Project, fingerprint: string | null): ProjectStanding {
  const stored = loadReview(db, sessionId, project.id);
  const recused = stored?.review.conflict?.hasConflict === true;
  const base = { project, recused, seal: null, problem: null };
  if (!stored?.completedAt) return { ...base, stage: 'unfinished', problem: `「${project.name}」的评审尚未完成：请完成评审。` };
  const seal = latestSeal(db, sessionId, project.id);
  if (!seal || seal.reviewVersion !== stored.version || seal.signerFingerprint !== fingerprint) return { ...base, stage: 'complete' };
  if (!sealIntact(seal))
    return {
      ...base,
      stage: 'complete',
      problem: `「${project.name}」的已签名版本校验失败，本地数据可能被改动：请重新打开评审、核对后重新签名。`,
    };
  return { ...base, seal, stage: wasExported(db, sessionId, project.id, seal.sealVersion) ? 'exported' : 'signed' };
}

export interface PlanInput {
  session: SessionDetail;
  identity: IdentityRow | null;
  /** The certificate name of `identity`. */
  identityName: string | null;
  /** When the unlocked key locks itself; null while locked. */
  locksAt: string | null;
}

/** What 签名并导出 will do and what stops it, without the passphrase. */
export function exportPlan(db: ReadDb, { session, identity, identityName, locksAt }: PlanInput): ExportPlan {
  const standings = session.projects.map((p) => projectStanding(db, session.id, p, identity?.fingerprint ?? null));
  const blockers: string[] = [];
  if (!loadCommitment(db, session.id)) blockers.push('尚未签署本次评审的专家承诺书：请在评分页阅读评审纪律并签署。');
  if (!rosterConfirmed(db, session)) blockers.push('尚未确认您在专家名单中的身份：请在评分页从名单中确认您的姓名。');
  if (!identity) blockers.push('尚未创建签名身份：请在“签名身份”中创建，再签名并导出。');
  else {
    if (!identity.signaturePng) blockers.push('尚未保存手写签名：请在“签名身份”中书写或导入手写签名。');
    const warning = rosterWarning(session, identityName ?? '', identity.fingerprint);
    if (warning) blockers.push(warning);
  }
  blockers.push(...standings.flatMap((s) => (s.problem ? [s.problem] : [])));
  return {
    blockers,
    locksAt,
    projects: standings.map((s) => ({ projectId: s.project.id, name: s.project.name, stage: s.stage, recused: s.recused })),
  };
}

/** Seals every completed review not yet signed as it stands by `signer` (签名); returns the projects signed now, in package order. */
export function signCompleted(db: WriteDb, session: SessionDetail, signer: Signer, signedAt: string): string[] {
  return session.projects.flatMap((project) => {
    const standing = projectStanding(db, session.id, project, signer.fingerprint);
    if (standing.stage !== 'complete' || standing.problem) return [];
    sealReview(db, session.id, project.id, signer, signedAt);
    return [project.id];
  });
}
