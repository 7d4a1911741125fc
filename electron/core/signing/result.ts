// Owns the expert result file `*.rdr.json` (评审结果文件): assembling it from the database, and signing and verifying it — the signature over its canonical JSON, the certificate, every history chain, and the optional roster and manifest checks.
import { fenToYuan } from '../../../shared/money';
import {
  resultFileSchema,
  resultFormatVersion,
  type ProjectResult,
  type ResultExpert,
  type ResultFile,
  type UnsignedResult,
} from '../../../shared/resultFile';
import { normalizeFingerprint } from '../../../shared/signing';
import type { ReadDb } from '../store/access';
import { reviewHistory } from '../store/reviews';
import { reviewContext, reviewView, rubricForSession } from '../scoring/view';
import { parseCertificate } from './certificate';
import { chainHistory, verifyChain } from './chain';
import { chineseMessages } from '../kernel/zodMessages';
import {
  checkCertificate,
  checkSignature,
  checkValidity,
  firstProblem,
  readCanonicalJson,
  ReportBuilder,
  sealObject,
  signerCertificate,
} from './envelope';
import { SigningError, signingMessages } from './errors';
import type { Signer, VerificationReport } from './types';
import { sessionOrThrow } from '../context/session';

/** The result file's expert block, read from the signer's own certificate. */
export function expertFromSigner(signer: Signer): ResultExpert {
  const { subject, algorithm } = parseCertificate(signer.certificateDer);
  return { ...subject, algorithm, certificate: Buffer.from(signer.certificateDer).toString('base64'), fingerprint: signer.fingerprint };
}

/** The unsigned result of a whole session for the signer's expert (see signResult); projects in package order, not-started ones included. */
export function buildResult(db: ReadDb, sessionId: string, signer: Signer, now: Date): UnsignedResult {
  const expert = expertFromSigner(signer);
  const session = sessionOrThrow(db, sessionId);
  const rubricNow = rubricForSession(db, session);
  const projects = session.projects.map((project): ProjectResult => {
    const ctx = reviewContext(db, session, project.id, rubricNow);
    const view = reviewView(ctx);
    const { expertId: _, conclusion, investment, ...entered } = view.review;
    return {
      ...entered,
      state: view.state,
      completedAt: view.completedAt,
      conclusion: { chosen: conclusion.chosen, suggested: view.suggestion.conclusion, reason: conclusion.reason },
      investment: ctx.lines.map((line) => {
        const reviewed = investment[line.id];
        return {
          lineId: line.id,
          name: line.name,
          requested: fenToYuan(line.amountFen),
          approved: reviewed?.approvedFen == null ? null : fenToYuan(reviewed.approvedFen),
          reason: reviewed?.reason ?? '',
        };
      }),
      history: chainHistory(reviewHistory(db, sessionId, project.id)),
    };
  });
  return {
    formatVersion: resultFormatVersion,
    packageId: session.id,
    manifestSha256: session.manifestSha256,
    expert,
    projects,
    createdAt: now.toISOString(),
  };
}

/**
 * Signs a result at `now`: refuses a signer whose certificate is not valid then, or that is not the expert the result
 * names. Returns the file object and its bytes (write the bytes as they are).
 */
export function signResult(unsigned: UnsignedResult, signer: Signer, now: Date): { file: ResultFile; bytes: Uint8Array } {
  signerCertificate(signer, now);
  if (
    unsigned.expert.fingerprint !== signer.fingerprint ||
    unsigned.expert.certificate !== Buffer.from(signer.certificateDer).toString('base64')
  ) {
    throw new SigningError('identity-malformed', signingMessages.identityMalformed('结果文件中的专家证书与当前签名身份不一致'));
  }
  const { value, bytes } = sealObject({ ...unsigned, signedAt: now.toISOString() }, signer);
  return { file: value, bytes };
}

export interface ResultExpectations {
  /** The roster's registered fingerprint for this expert (名单登记的证书指纹), lowercase hex. */
  expectedFingerprint?: string | null;
  /** The package's manifest hash the result must name. */
  manifestSha256?: string;
}

/** Verifies result file bytes; every failed check carries a Chinese reason. Never throws for bad input. */
export function verifyResultFile(bytes: Uint8Array, expect: ResultExpectations = {}): VerificationReport {
  const r = new ReportBuilder('result');
  const raw = readCanonicalJson(bytes, r, '评审结果文件');
  if (raw === undefined) return r.finish();
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (
    !r.check(
      'format-version',
      version === resultFormatVersion,
      `格式版本 ${resultFormatVersion}。`,
      `评审结果文件的格式版本为 ${JSON.stringify(version)}，本程序只支持版本 ${resultFormatVersion}。请使用对应版本的评审工作台验证。`,
    )
  ) {
    return r.finish();
  }
  const parsed = resultFileSchema.safeParse(raw, chineseMessages);
  if (!parsed.success) {
    r.check('schema', false, '', `评审结果文件不符合格式（${firstProblem(parsed.error)}），文件可能被修改过。`);
    return r.finish();
  }
  r.check('schema', true, '文件结构符合评审结果文件格式。', '');
  const file = parsed.data;
  r.report.signedAt = file.signedAt;
  const cert = checkCertificate(r, file.expert.certificate, file.expert.fingerprint, [file.expert.algorithm, file.signature.algorithm]);
  if (!cert) return r.finish();
  const sameExpert =
    cert.subject.name === file.expert.name && cert.subject.title === file.expert.title && cert.subject.employer === file.expert.employer;
  r.check(
    'expert',
    sameExpert,
    '文件中的专家信息与证书一致。',
    `文件中的专家信息（${file.expert.name}）与证书所载（${cert.subject.name}）不一致，文件可能被修改过。`,
  );
  checkValidity(r, cert, file.signedAt);
  checkSignature(r, cert, raw as Record<string, unknown>, file.signature);
  const broken = file.projects.flatMap((p) => {
    const result = verifyChain(p.history.entries, p.history.head);
    return result.ok ? [] : [`项目 ${p.projectId} 的第 ${(result.brokenAt ?? 0) + 1} 条`];
  });
  r.check(
    'history',
    broken.length === 0,
    '每个项目的修改记录哈希链完整。',
    `修改记录哈希链断裂（${broken.join('、')}）：修改记录被删除、调换或改动过。`,
  );
  if (expect.expectedFingerprint) {
    const expected = normalizeFingerprint(expect.expectedFingerprint);
    r.check(
      'roster',
      expected === cert.fingerprint,
      '签名证书与评审包专家名单登记的指纹一致。',
      `专家“${cert.subject.name}”的签名证书指纹 ${cert.fingerprint.slice(0, 16)}… 与评审包名单为其登记的指纹 ${expected.slice(0, 16)}… 不一致：该结果文件不是用名单登记的密钥签名的。请联系该专家核对签名身份。`,
    );
  }
  if (expect.manifestSha256) {
    r.check(
      'manifest',
      expect.manifestSha256.toLowerCase() === file.manifestSha256,
      '结果文件对应本评审包。',
      `该结果文件对应的评审包（清单哈希 ${file.manifestSha256.slice(0, 16)}…）不是当前评审包（${expect.manifestSha256.slice(0, 16)}…），请确认专家评审的是同一版评审包。`,
    );
  }
  return r.finish();
}
