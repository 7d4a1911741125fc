// What a validly signed result says is checked too (issue 17 item 5): scores within the rubric, a review marked complete
// really complete, approved amounts within the request, a signing time neither in the future nor before the package, and
// signing times compared as instants (+08:00 against Z).
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { sealObject } from '../../../electron/core/signing/envelope';
import { buildResult, signResult } from '../../../electron/core/signing/result';
import type { Signer } from '../../../electron/core/signing/types';
import { openStore } from '../../../electron/core/store/db';
import { packageCreatedAt, getSession } from '../../../electron/core/store/sessions';
import { rubricForSession } from '../../../electron/core/scoring/view';
import type { ResultImportOutcome, StatusBoard } from '../../../shared/bureau';
import type { UnsignedResult } from '../../../shared/resultFile';
import { fingerprintGroups } from '../../../shared/signing';
import { makeTestIdentity } from '../signing/testSigner';
import { makeDraft, ok, openTestCore, refused, tick } from './cycle';

const cores: Core[] = [];
afterAll(() => cores.forEach((c) => c.close()));

const upload = (name: string, bytes: Uint8Array) => ({ kind: 'upload', name, bytes });

async function setUp() {
  const identity = await makeTestIdentity('ecdsa-p256', { name: '专家乙', now: new Date('2027-03-01T00:00:00Z') });
  const first = await openTestCore();
  const draft = await makeDraft(first.core, { 专家乙: identity.stored.fingerprint });
  const { sessionId } = await ok<{ sessionId: string }>(first.core, 'bureau.draft.export', {
    draftId: draft.draft.id,
    jobId: 'e',
    destination: 'default',
  });
  first.core.close(); // one process holds a data folder at a time
  const store = await openStore(first.dataDir, tick);
  const unsigned = buildResult(store.db, sessionId, identity.signer, tick());
  const session = getSession(store.db, sessionId)!;
  const rubric = rubricForSession(store.db, session).rubric;
  const createdAt = packageCreatedAt(store.db, sessionId)!;
  store.close();
  const { core } = await openTestCore(first.dataDir);
  cores.push(core);
  return { core, sessionId, signer: identity.signer, unsigned, rubric, createdAt };
}

const clone = (u: UnsignedResult): UnsignedResult => structuredClone(u);
const sealAt = (u: UnsignedResult, signer: Signer, signedAt: string) => sealObject({ ...u, signedAt }, signer).bytes;

describe('result content against the package', () => {
  it('refuses a re-signed result with an impossible score, a hollow completion, an excessive amount or an impossible time, each with its reason', async () => {
    const { core, sessionId, signer, unsigned, rubric, createdAt } = await setUp();
    const [dimension] = rubric.dimensions;
    const [criterion] = dimension!.subCriteria;

    const score = clone(unsigned);
    score.projects[0]!.dimensions = { [dimension!.id]: { scores: { [criterion!.id]: 1000 }, opinion: '', lowScoreReason: '' } };
    const hollow = clone(unsigned);
    hollow.projects[0]!.state = 'complete';
    hollow.projects[0]!.completedAt = new Date(Date.parse(createdAt) + 1000).toISOString();
    const amount = clone(unsigned);
    amount.projects[0]!.investment = amount.projects[0]!.investment.map((l) =>
      l.lineId === 'b1' ? { ...l, approved: l.requested * 2, reason: '多核' } : l,
    );
    const files = [
      signResult(score, signer, tick()).bytes,
      signResult(hollow, signer, tick()).bytes,
      signResult(amount, signer, tick()).bytes,
      signResult(unsigned, signer, new Date('2030-01-01T00:00:00Z')).bytes,
      signResult(unsigned, signer, new Date(Date.parse(createdAt) - 86_400_000)).bytes,
    ];
    const outcomes = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: files.map((b, i) => upload(`${i}.rdr.json`, b)),
    });
    expect(outcomes.map((o) => [o.status, o.refusal, o.expert])).toEqual(
      Array.from({ length: 5 }, () => ['refused', 'invalid-content', '专家乙']),
    );
    const project = '项目“测试区智慧城管综合平台建设项目”';
    expect(outcomes[0]!.message).toContain(`专家乙对${project}的「${dimension!.name} · ${criterion!.name}」得分 1000 不合评分标准`);
    expect(outcomes[1]!.message).toMatch(new RegExp(`专家乙对${project}的评审标记为已完成，但并未完成：尚未作出回避声明`));
    expect(outcomes[2]!.message).toContain(`专家乙对${project}的「应用软件开发」建议核定 200.00 万元，超出申报金额 100.00 万元`);
    // In the bureau's local time, to the second (2030-01-01T00:00:00Z wherever the tests run).
    const future = new Date('2030-01-01T00:00:00Z');
    const local = `${future.getFullYear()}年${future.getMonth() + 1}月${future.getDate()}日 ${String(future.getHours()).padStart(2, '0')}:00:00`;
    expect(outcomes[3]!.message).toContain(`专家乙的签名时间 ${local} 晚于本机当前时间`);
    expect(outcomes[4]!.message).toMatch(/专家乙的签名时间 .* 早于评审包的制作时间/);
    const board = await ok<StatusBoard>(core, 'bureau.results.status', { sessionId });
    expect(board.experts.every((e) => e.submissions === 0)).toBe(true);
    // The same content, unaltered, is accepted.
    const [fine] = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [upload('ok.rdr.json', signResult(unsigned, signer, tick()).bytes)],
    });
    expect(fine).toMatchObject({ status: 'accepted', expert: '专家乙' });
  });

  it('orders signing times as instants: an older version written in +08:00 does not replace a newer one in UTC', async () => {
    const { core, sessionId, signer, unsigned, createdAt } = await setUp();
    const base = Date.parse(createdAt);
    const newer = new Date(base + 60_000).toISOString(); // …Z
    const olderInstant = new Date(base + 30_000);
    // The same instant 30 s earlier, written in China time: as text it sorts after the newer UTC time.
    const older = `${new Date(olderInstant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
    expect(older > newer).toBe(true);
    expect(Date.parse(older)).toBeLessThan(Date.parse(newer));
    const first = clone(unsigned);
    first.projects[0]!.overallOpinion = '新版本';
    const [a, b] = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [upload('new.rdr.json', sealAt(first, signer, newer)), upload('old.rdr.json', sealAt(unsigned, signer, older))],
    });
    expect(a).toMatchObject({ status: 'accepted' });
    expect(b).toMatchObject({ status: 'refused', refusal: 'superseded' });
    const board = await ok<StatusBoard>(core, 'bureau.results.status', { sessionId });
    expect(board.experts[1]!.submitted?.signedAt).toBe(newer);
  });

  it('holds the first key seen for a name the roster lists without a fingerprint until the bureau confirms it', async () => {
    const genuine = await makeTestIdentity('ecdsa-p256', { name: '专家甲', now: new Date('2027-03-01T00:00:00Z') });
    const impostor = await makeTestIdentity('ecdsa-p256', { name: '专家甲', now: new Date('2027-03-01T00:00:00Z') });
    // The roster registers only 专家乙; 专家甲 has no fingerprint.
    const { core, sessionId, unsigned } = await setUp();
    const asSigner = (id: typeof genuine) => ({
      ...unsigned,
      expert: {
        ...unsigned.expert,
        name: '专家甲',
        certificate: Buffer.from(id.signer.certificateDer).toString('base64'),
        fingerprint: id.signer.fingerprint,
        algorithm: id.signer.algorithm,
      },
    });
    const fake = signResult(asSigner(impostor), impostor.signer, tick()).bytes;
    const real = signResult(asSigner(genuine), genuine.signer, tick()).bytes;
    const outcomes = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [upload('fake.rdr.json', fake), upload('real.rdr.json', real)],
    });
    // The first key seen no longer owns the name: both are held, neither is in force.
    expect(outcomes.map((o) => [o.status, o.expert])).toEqual([
      ['held', '专家甲'],
      ['held', '专家甲'],
    ]);
    expect(outcomes[1]!.message).toContain(`（指纹 ${fingerprintGroups(genuine.signer.fingerprint).join(' ')}）`);
    let board = await ok<StatusBoard>(core, 'bureau.results.status', { sessionId });
    expect(board.experts[0]!.submitted).toBeNull();
    expect(board.missing).toContain('专家甲');
    expect(board.experts[0]!.pending.map((p) => [p.fingerprint, p.fileName])).toEqual([
      [impostor.signer.fingerprint, 'fake.rdr.json'],
      [genuine.signer.fingerprint, 'real.rdr.json'],
    ]);
    // The same file again is a duplicate of the held one.
    const [again] = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [upload('real-again.rdr.json', real)],
    });
    expect(again).toMatchObject({ status: 'refused', refusal: 'duplicate' });
    // The bureau reads the fingerprint with 专家甲 and confirms the genuine key: its result is accepted, the other refused.
    const confirmed = await ok<ResultImportOutcome[]>(core, 'bureau.results.confirmKey', {
      sessionId,
      pendingId: board.experts[0]!.pending[1]!.id,
    });
    expect(confirmed.map((o) => [o.file, o.status, o.refusal])).toEqual([
      ['fake.rdr.json', 'refused', 'roster-mismatch'],
      ['real.rdr.json', 'accepted', null],
    ]);
    board = await ok<StatusBoard>(core, 'bureau.results.status', { sessionId });
    expect(board.experts[0]!.pending).toEqual([]);
    expect(board.experts[0]!.submitted).not.toBeNull();
    // The key is now bound: the impostor is refused outright, and confirming a result no longer held is refused.
    const [late] = await ok<ResultImportOutcome[]>(core, 'bureau.results.import', {
      sessionId,
      sources: [upload('fake2.rdr.json', signResult(asSigner(impostor), impostor.signer, tick()).bytes)],
    });
    expect(late).toMatchObject({ status: 'refused', refusal: 'roster-mismatch' });
    expect((await refused(core, 'bureau.results.confirmKey', { sessionId, pendingId: 99_999 })).message).toMatch(/已不存在/);
  });
});
