// Owns sealing a completed review (签名封存): the frozen review, its rubric fingerprint and history chain head, signed; and how seals are shown and checked.
import type { SealView } from '../../../shared/signing';
import { AppError } from '../kernel/errors';
import { transaction, type ReadDb, type WriteDb } from '../store/access';
import { loadReview, reviewHistory } from '../store/reviews';
import { appendSeal, latestSeal, listSeals, nextSealVersion, type SealRecord } from '../store/seals';
import { verifySignature } from './algorithms';
import { parseCertificate } from './certificate';
import { historyChainHead } from './chain';
import { jcs } from '../kernel/jcs';
import type { Signer } from './types';

/** What a seal signs, as canonical JSON (RFC 8785): everything that makes the sealed version what it is. */
function sealPayload(s: Omit<SealRecord, 'signedJson' | 'signature' | 'certificate'>): string {
  return new TextDecoder().decode(
    jcs({
      kind: 'review-seal',
      sessionId: s.sessionId,
      projectId: s.projectId,
      sealVersion: s.sealVersion,
      reviewVersion: s.reviewVersion,
      review: JSON.parse(s.reviewJson) as unknown,
      rubricFingerprint: s.rubricFingerprint,
      chainHead: s.chainHead,
      signerFingerprint: s.signerFingerprint,
      algorithm: s.algorithm,
      signedAt: s.signedAt,
    }),
  );
}

/**
 * Seals the stored review of a project as its next version, signed by `signer`. Only a completed review can be sealed;
 * signing a version that is already sealed returns that seal unchanged.
 */
export function sealReview(db: WriteDb, sessionId: string, projectId: string, signer: Signer, signedAt: string): SealRecord {
  return transaction(db, () => {
    const stored = loadReview(db, sessionId, projectId);
    if (!stored?.completedAt) throw new AppError('invalid-input', '该项目评审尚未完成。请先在评分页点“完成评审”，再签名。');
    const latest = latestSeal(db, sessionId, projectId);
    if (latest && latest.reviewVersion === stored.version && latest.signerFingerprint === signer.fingerprint) return latest;
    const base = {
      sessionId,
      projectId,
      sealVersion: nextSealVersion(db, sessionId, projectId),
      reviewVersion: stored.version,
      reviewJson: JSON.stringify(stored.review),
      rubricFingerprint: stored.review.rubricFingerprint,
      chainHead: historyChainHead(reviewHistory(db, sessionId, projectId)),
      signerFingerprint: signer.fingerprint,
      algorithm: signer.algorithm,
      signedAt,
    };
    const signedJson = sealPayload(base);
    const seal: SealRecord = {
      ...base,
      signedJson,
      signature: signer.sign(new TextEncoder().encode(signedJson)),
      certificate: signer.certificateDer,
    };
    appendSeal(db, seal);
    return seal;
  });
}

/** Whether a stored seal still verifies: its text is what its fields say, and its signature is by its certificate's key. */
export function sealIntact(seal: SealRecord): boolean {
  try {
    const cert = parseCertificate(seal.certificate);
    if (cert.fingerprint !== seal.signerFingerprint || cert.algorithm !== seal.algorithm) return false;
    if (sealPayload(seal) !== seal.signedJson) return false;
    return verifySignature(seal.algorithm, cert.publicPoint, new TextEncoder().encode(seal.signedJson), seal.signature);
  } catch {
    return false;
  }
}

/** The seal as the screens show it; `current` when the stored review is still exactly the sealed version. */
export function sealView(seal: SealRecord, storedVersion: number | null): SealView {
  return {
    sessionId: seal.sessionId,
    projectId: seal.projectId,
    sealVersion: seal.sealVersion,
    reviewVersion: seal.reviewVersion,
    review: JSON.parse(seal.reviewJson) as unknown,
    rubricFingerprint: seal.rubricFingerprint,
    chainHead: seal.chainHead,
    signerFingerprint: seal.signerFingerprint,
    algorithm: seal.algorithm,
    signedAt: seal.signedAt,
    current: storedVersion === seal.reviewVersion,
  };
}

export function projectSeals(db: ReadDb, sessionId: string, projectId: string): SealView[] {
  const stored = loadReview(db, sessionId, projectId);
  return listSeals(db, sessionId, projectId).map((s) => sealView(s, stored?.completedAt ? stored.version : null));
}
