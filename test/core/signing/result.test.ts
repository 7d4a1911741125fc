// The signed result file (*.rdr.json) built from a real store: round trips for both algorithms, each check's Chinese failure, and single-byte tampering (property).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importPackage } from '../../../electron/core/package/importer';
import { rubricForSession } from '../../../electron/core/scoring/view';
import { formatFingerprint } from '../../../electron/core/signing/certificate';
import { sealObject } from '../../../electron/core/signing/envelope';
import { SigningError } from '../../../electron/core/signing/errors';
import { jcs } from '../../../electron/core/kernel/jcs';
import { buildResult, signResult, verifyResultFile } from '../../../electron/core/signing/result';
import { chainHistory } from '../../../electron/core/signing/chain';
import type { Signer, VerificationReport } from '../../../electron/core/signing/types';
import { verifyFile } from '../../../electron/core/signing/verify';
import { localExpertId, reviewHistory, saveReview, setCompleted } from '../../../electron/core/store/reviews';
import { getSession } from '../../../electron/core/store/sessions';
import { resultFileSchema, unsignedResultSchema, type ResultFile } from '../../../shared/resultFile';
import { reviewSchema, type Review } from '../../../shared/scoring';
import type { ReadDb } from '../../../electron/core/store/access';
import { openTestCore, tempDir, writeMinimalPackage, type TestCore } from '../../helpers/core';
import { makeTestIdentity, testNow, testPassphrase, type TestIdentity } from './testSigner';
import { unlockIdentity } from '../../../electron/core/signing/identity';

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.store.close();
});

/** A store with the minimal package imported and project p1 reviewed twice, with an approved amount, then completed. */
async function reviewedStore(): Promise<{ db: ReadDb; sessionId: string }> {
  const core = await openTestCore();
  cores.push(core);
  const summary = await importPackage(core.ctx, 'job', await writeMinimalPackage(tempDir()));
  const db = core.store.db;
  const rubric = rubricForSession(db, getSession(db, summary.id)!);
  const blank = reviewSchema.parse({ projectId: 'p1', expertId: localExpertId, rubricFingerprint: rubric.fingerprint });
  const first: Review = {
    ...blank,
    conflict: { hasConflict: false, note: '' },
    familiarity: 'familiar',
    overallOpinion: '基本同意',
    investment: { b1: { approvedFen: 8_000_050, reason: '单价偏高' } },
  };
  saveReview(db, summary.id, 'p1', first, blank, rubric, 0, '2027-03-05T09:01:00.000Z');
  saveReview(db, summary.id, 'p1', { ...first, overallOpinion: '同意立项，建议核减。' }, blank, rubric, 1, '2027-03-05T09:02:00.000Z');
  setCompleted(db, summary.id, 'p1', '2027-03-05T09:03:00.000Z', true, '');
  return { db, sessionId: summary.id };
}

const signedAt = new Date('2027-03-05T10:00:00Z');
const chinese = /[\u4e00-\u9fff]/;
const failed = (report: VerificationReport) => report.checks.filter((c) => !c.ok);

function expectOnlyFailure(report: VerificationReport, id: string): string {
  expect(report.valid).toBe(false);
  const f = failed(report);
  expect(f.map((c) => c.id)).toEqual([id]);
  expect(f[0]!.message).toMatch(chinese);
  return f[0]!.message;
}

/** Re-signs an edited file object so that only the edit (not the signature) can be what verification catches. */
function resign(file: ResultFile, signer: Signer, edit: (f: ResultFile) => void): Uint8Array {
  const { signature: _, ...body } = structuredClone(file);
  edit(body as ResultFile);
  return sealObject(body, signer).bytes;
}

let p256: TestIdentity;
let sm2: TestIdentity;
beforeAll(async () => {
  [p256, sm2] = await Promise.all([makeTestIdentity('ecdsa-p256'), makeTestIdentity('sm2')]);
});

describe('buildResult', () => {
  it('reads the session, the review as entered, amounts in yuan and the history chain from the store', async () => {
    const { db, sessionId } = await reviewedStore();
    const unsigned = buildResult(db, sessionId, p256.signer, signedAt);
    expect(unsignedResultSchema.safeParse(unsigned).success).toBe(true);
    expect(unsigned).toMatchObject({
      formatVersion: 1,
      packageId: sessionId,
      manifestSha256: getSession(db, sessionId)!.manifestSha256,
      createdAt: signedAt.toISOString(),
    });
    expect(unsigned.expert).toMatchObject({
      name: '王专家',
      title: '高级工程师',
      employer: '某设计院',
      algorithm: 'ecdsa-p256',
      fingerprint: p256.signer.fingerprint,
    });
    const [p] = unsigned.projects;
    expect(p).toMatchObject({
      projectId: 'p1',
      state: 'complete',
      completedAt: '2027-03-05T09:03:00.000Z',
      familiarity: 'familiar',
      overallOpinion: '同意立项，建议核减。',
    });
    expect(p!.investment).toEqual([{ lineId: 'b1', name: '服务器', requested: 100000, approved: 80000.5, reason: '单价偏高' }]);
    const history = reviewHistory(db, sessionId, 'p1');
    expect(history.length).toBeGreaterThan(3);
    expect(p!.history).toEqual(chainHistory(history));
    expect(p!.history.entries.map((e) => e.field)).toContain('overallOpinion');
  });
});

describe.each(['ecdsa-p256', 'sm2'] as const)('signed result file (%s)', (algorithm) => {
  it('signs over canonical JSON and verifies with every check passing, also from disk via verifyFile', async () => {
    const { signer } = algorithm === 'sm2' ? sm2 : p256;
    const { db, sessionId } = await reviewedStore();
    const { file, bytes } = signResult(buildResult(db, sessionId, signer, signedAt), signer, signedAt);
    expect(resultFileSchema.safeParse(file).success).toBe(true);
    expect(Buffer.from(bytes).equals(Buffer.from(jcs(file)))).toBe(true);
    const report = verifyResultFile(bytes, { expectedFingerprint: signer.fingerprint, manifestSha256: file.manifestSha256 });
    expect(failed(report)).toEqual([]);
    expect(report).toMatchObject({
      kind: 'result',
      valid: true,
      signedAt: signedAt.toISOString(),
      signer: { name: '王专家', title: '高级工程师', employer: '某设计院', algorithm, fingerprint: signer.fingerprint },
    });
    expect(report.checks.map((c) => c.id)).toEqual([
      'json',
      'canonical',
      'format-version',
      'schema',
      'certificate',
      'fingerprint',
      'expert',
      'validity',
      'signature',
      'history',
      'roster',
      'manifest',
    ]);
    const file2 = path.join(tempDir(), '评审结果.rdr.json');
    writeFileSync(file2, bytes);
    expect((await verifyFile(file2)).valid).toBe(true);
  });
});

describe('result file failures', () => {
  async function signed(): Promise<{ file: ResultFile; bytes: Uint8Array }> {
    const { db, sessionId } = await reviewedStore();
    return signResult(buildResult(db, sessionId, p256.signer, signedAt), p256.signer, signedAt);
  }

  it('a result signed by another key than the roster registered names the expert in Chinese', async () => {
    const { bytes } = await signed();
    const other = await makeTestIdentity('ecdsa-p256');
    const message = expectOnlyFailure(verifyResultFile(bytes, { expectedFingerprint: other.signer.fingerprint }), 'roster');
    expect(message).toContain('专家“王专家”');
    expect(message).toContain('不是用名单登记的密钥签名的');
    // The roster may write the fingerprint in spaced capital groups.
    expect(verifyResultFile(bytes, { expectedFingerprint: formatFingerprint(p256.signer.fingerprint).full }).valid).toBe(true);
  });

  it('a result for another package (manifest hash) fails the manifest check', async () => {
    const { bytes } = await signed();
    expect(expectOnlyFailure(verifyResultFile(bytes, { manifestSha256: 'ab'.repeat(32) }), 'manifest')).toContain('不是当前评审包');
  });

  it('a removed, reordered or edited history entry fails the chain even when the file is re-signed', async () => {
    const { file } = await signed();
    const edits: ((f: ResultFile) => void)[] = [
      (f) => f.projects[0]!.history.entries.splice(1, 1),
      (f) => f.projects[0]!.history.entries.reverse(),
      (f) => (f.projects[0]!.history.entries[0]!.after = true),
      (f) => f.projects[0]!.history.entries.pop(),
    ];
    for (const edit of edits) expect(expectOnlyFailure(verifyResultFile(resign(file, p256.signer, edit)), 'history')).toContain('项目 p1');
  });

  it('an expert block that differs from the certificate, and a fingerprint that is not the certificate’s, fail', async () => {
    const { file } = await signed();
    expectOnlyFailure(verifyResultFile(resign(file, p256.signer, (f) => (f.expert.name = '冒名专家'))), 'expert');
    const report = verifyResultFile(resign(file, p256.signer, (f) => (f.expert.fingerprint = 'f'.repeat(64))));
    expect(failed(report).map((c) => c.id)).toEqual(['fingerprint']);
  });

  it('a signing time outside the certificate validity fails the validity check', async () => {
    const { file } = await signed();
    expect(
      expectOnlyFailure(verifyResultFile(resign(file, p256.signer, (f) => (f.signedAt = '2040-01-01T00:00:00.000Z'))), 'validity'),
    ).toContain('过期');
    expect(
      expectOnlyFailure(verifyResultFile(resign(file, p256.signer, (f) => (f.signedAt = '2026-01-01T00:00:00.000Z'))), 'validity'),
    ).toContain('才生效');
  });

  it('a pretty-printed copy, another format version, a broken schema and non-JSON each fail with a Chinese reason', async () => {
    const { file, bytes } = await signed();
    expect(expectOnlyFailure(verifyResultFile(new TextEncoder().encode(JSON.stringify(file, null, 2))), 'canonical')).toContain(
      '规范化 JSON',
    );
    expect(expectOnlyFailure(verifyResultFile(jcs({ ...file, formatVersion: 2 })), 'format-version')).toContain('只支持版本 1');
    expect(expectOnlyFailure(verifyResultFile(jcs({ ...file, packageId: 7 })), 'schema')).toContain('packageId');
    expect(expectOnlyFailure(verifyResultFile(bytes.subarray(0, bytes.length - 1)), 'json')).toMatch(chinese);
  });

  it('signResult refuses an expired certificate and a result naming another expert', async () => {
    const { db, sessionId } = await reviewedStore();
    const old = await makeTestIdentity('ecdsa-p256', { now: new Date('2020-01-01T00:00:00Z'), validYears: 1 });
    const oldSigner = await unlockIdentity(old.stored, testPassphrase, new Date('2020-06-01T00:00:00Z'));
    expect(() => signResult(buildResult(db, sessionId, oldSigner, testNow), oldSigner, testNow)).toThrowError(SigningError);
    expect(() => signResult(buildResult(db, sessionId, sm2.signer, testNow), p256.signer, testNow)).toThrowError(/不一致/);
  });

  it('changing any single byte of a signed result file makes verification fail (property, 200 runs)', async () => {
    const { bytes } = await signed();
    expect(verifyResultFile(bytes).valid).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (i, delta) => {
        const changed = Uint8Array.from(bytes);
        changed[i] = (changed[i]! + delta) % 256;
        const report = verifyResultFile(changed);
        expect(report.valid).toBe(false);
        expect(failed(report).every((c) => chinese.test(c.message))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
