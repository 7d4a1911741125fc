// 签名并导出 through the dispatcher on the real sample: who the expert is settled against the roster first, what blocks the export said
// before any passphrase, one unlock signing every completed review and exporting, 已完成 → 已签名 → 已导出, and the key locking itself after 15 idle minutes.
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import { verifyFile } from '../../../electron/core/signing/verify';
import type { Envelope } from '../../../shared/api';
import type { ExpertProfile } from '../../../shared/expert';
import type { SessionDetail } from '../../../shared/domain';
import type { ReviewView } from '../../../shared/scoring';
import type { ExportPlan, ExportResult, IdentityView, RosterCheck, SealView } from '../../../shared/signing';
import { tempDir, writeMinimalPackage } from '../../helpers/core';
import { completedReview, ok, sampleSession } from '../sampleSession';

const passphrase = '评审口令-2027-secure';
const minute = 60_000;
const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

/** A clock the test moves: each call ticks a second, `advance` jumps. */
function testClock(start: string) {
  let at = Date.parse(start);
  return { now: () => new Date((at += 1000)), advance: (ms: number) => void (at += ms) };
}

async function core(dataDir: string, now: () => Date): Promise<Core> {
  const opened = await openCore(
    {
      dataDir,
      version: 't',
      transport: 'http',
      choosePath: null,
      openPath: async () => true,
      openFolder: async () => true,
      emit: () => undefined,
    },
    now,
  );
  cores.push(opened);
  return opened;
}

async function refused(c: Core, name: string, input: unknown): Promise<string> {
  const res = (await c.dispatch(name, input)) as Envelope<unknown>;
  if (res.ok) throw new Error(`${name} was not refused`);
  return res.error.message;
}

function signaturePng(): Uint8Array {
  const png = new PNG({ width: 120, height: 40 });
  png.data.fill(255);
  for (let x = 10; x < 110; x++) png.data.set([10, 10, 60, 255], (20 * 120 + x) * 4);
  return new Uint8Array(PNG.sync.write(png));
}

const stages = (plan: ExportPlan) => plan.projects.map((p) => p.stage);

describe('签名并导出', () => {
  it('settles the roster, lists blockers before the passphrase, signs every completed review with one unlock, and locks after 15 idle minutes', async () => {
    const sample = await sampleSession();
    sample.close();
    const clock = testClock('2027-03-18T02:00:00Z');
    const c = await core(sample.dataDir, clock.now);
    const { sessionId, projectIds } = sample;
    const last = projectIds.at(-1)!;
    const key = { sessionId, projectId: last };
    await ok(c, 'review.reopen', { ...key, reason: '再看一遍' });

    // 周建国, the roster's first entry, was confirmed before scoring (确认身份 comes first; the core refuses scoring without it).
    const check = await ok<RosterCheck>(c, 'session.roster.get', { sessionId });
    expect(check).toMatchObject({ suggested: 0, confirmed: { position: 0, name: '周建国' }, identity: null, problem: null });
    expect(check.roster[0]).toMatchObject({ position: 0, name: '周建国', registered: false });

    // Before anything else: no identity, one project unfinished — both said, no passphrase asked.
    const first = await ok<ExportPlan>(c, 'signing.plan', { sessionId });
    expect(first.locksAt).toBeNull();
    expect(first.blockers).toEqual([
      '尚未创建签名身份：请在“签名身份”中创建，再签名并导出。',
      expect.stringMatching(/^「.+」的评审尚未完成：请完成评审。$/),
    ]);
    expect(stages(first)).toEqual([...projectIds.slice(0, -1).map(() => 'complete'), 'unfinished']);
    expect(await refused(c, 'signing.signAndExport', { sessionId, jobId: 'x', destination: 'default', passphrase })).toMatch(
      /^还不能签名并导出：\n1\. 尚未创建签名身份/,
    );

    await ok(c, 'signing.identity.create', { passphrase });
    await ok(c, 'signing.image.save', { png: signaturePng() });
    const blocked = await ok<ExportPlan>(c, 'signing.plan', { sessionId });
    expect(blocked.blockers).toHaveLength(1);
    expect(blocked.blockers[0]).toMatch(/的评审尚未完成/);

    await ok(c, 'review.complete', key);
    expect((await ok<ExportPlan>(c, 'signing.plan', { sessionId })).blockers).toEqual([]);
    // Locked: without the passphrase it is refused; a wrong one signs nothing.
    const exportInput = { sessionId, jobId: 'e1', destination: 'default' };
    expect(await refused(c, 'signing.signAndExport', exportInput)).toMatch(/签名身份已锁定/);
    expect(await refused(c, 'signing.signAndExport', { ...exportInput, passphrase: 'wrong-passphrase' })).toBe('口令不正确，请重新输入');
    expect(await ok<SealView[]>(c, 'review.seals', key)).toEqual([]);

    const exported = await ok<ExportResult>(c, 'signing.signAndExport', { ...exportInput, passphrase });
    expect(exported.included.map((p) => p.projectId)).toEqual(projectIds);
    expect(exported.included.every((p) => p.documents)).toBe(true);
    expect(exported.folder).toBe(path.join(sample.dataDir, 'exports', '2027年度武隆区政务信息化项目专家评审会', '签名文件'));
    const rdr = exported.files.find((f) => f.endsWith('.rdr.json'))!;
    expect(rdr).toBe('评审结果-2027年度武隆区政务信息化项目专家评审会-周建国.rdr.json');
    const report = await verifyFile(path.join(exported.folder, rdr));
    expect(report.checks.filter((ch) => !ch.ok)).toEqual([]);
    expect(report.signer?.name).toBe('周建国');
    const after = await ok<ExportPlan>(c, 'signing.plan', { sessionId });
    expect(stages(after)).toEqual(projectIds.map(() => 'exported'));
    expect(after.locksAt).not.toBeNull();

    // Changed after export: that project alone is 已完成 again; still unlocked, so no passphrase is needed to sign it and export again.
    await ok(c, 'review.reopen', { ...key, reason: '补充意见' });
    const reopened = await ok<ReviewView>(c, 'review.get', key);
    await ok(c, 'review.save', {
      ...key,
      review: completedReview(reopened, { overall: '同意建设，建议加强数据共享。' }),
      baseVersion: reopened.version,
    });
    await ok(c, 'review.complete', key);
    expect(stages(await ok<ExportPlan>(c, 'signing.plan', { sessionId }))).toEqual([
      ...projectIds.slice(0, -1).map(() => 'exported'),
      'complete',
    ]);
    clock.advance(14 * minute);
    const again = await ok<ExportResult>(c, 'signing.signAndExport', { ...exportInput, jobId: 'e2' });
    expect(again.included).toHaveLength(projectIds.length);
    expect((await ok<SealView[]>(c, 'review.seals', key)).map((s) => s.sealVersion)).toEqual([1, 2]);
    expect((await ok<SealView[]>(c, 'review.seals', { sessionId, projectId: projectIds[0]! })).map((s) => s.sealVersion)).toEqual([1]);
    expect(stages(await ok<ExportPlan>(c, 'signing.plan', { sessionId }))).toEqual(projectIds.map(() => 'exported'));

    // 15 minutes without use: locked again. Unlock once, then 锁定 by hand.
    clock.advance(15 * minute);
    expect((await ok<ExportPlan>(c, 'signing.plan', { sessionId })).locksAt).toBeNull();
    expect(await refused(c, 'review.sign', key)).toMatch(/签名身份已锁定/);
    expect(await refused(c, 'signing.unlock', { passphrase: 'wrong-passphrase' })).toBe('口令不正确，请重新输入');
    const { locksAt } = await ok<{ locksAt: string }>(c, 'signing.unlock', { passphrase });
    expect(Date.parse(locksAt) - clock.now().getTime()).toBeGreaterThan(14 * minute);
    expect((await ok<SealView>(c, 'review.sign', key)).sealVersion).toBe(2); // signed as it stands: the same seal
    await ok(c, 'signing.lock', {});
    expect((await ok<ExportPlan>(c, 'signing.plan', { sessionId })).locksAt).toBeNull();
    expect(await refused(c, 'review.sign', key)).toMatch(/签名身份已锁定/);
  }, 180_000);

  it('takes the roster spelling into 专家信息, and holds a signing identity made under another name until it is re-created', async () => {
    const clock = testClock('2027-03-05T09:00:00Z');
    const c = await core(tempDir(), clock.now);
    const folder = await writeMinimalPackage(tempDir());
    const { id: sessionId } = await ok<{ id: string }>(c, 'package.import', { jobId: 'j', source: { kind: 'path', path: folder } });
    await ok(c, 'expert.save', { name: '王专家', title: '高级工程师', employer: '某设计院', phone: '' });
    const old = await ok<IdentityView>(c, 'signing.identity.create', { passphrase });

    const before = await ok<RosterCheck>(c, 'session.roster.get', { sessionId });
    expect(before).toMatchObject({ suggested: null, confirmed: null, identity: { name: '王专家', fingerprint: old.fingerprint } });
    expect(before.problem).toBe('专家名单中没有“王专家”。请从名单中选择您的姓名；如名单有误，请联系组织方。');
    expect(await refused(c, 'session.roster.confirm', { sessionId, position: 3 })).toBe('专家名单中没有第 4 位专家，请从名单中选择。');
    expect(await refused(c, 'session.roster.confirm', { sessionId, position: null })).toMatch(/请从名单中选择您的姓名/);

    const picked = await ok<RosterCheck>(c, 'session.roster.confirm', { sessionId, position: 0 });
    expect((await ok<ExpertProfile>(c, 'expert.get', {})).name).toBe('张三');
    expect(picked.confirmed).toMatchObject({ position: 0, name: '张三' });
    expect(picked.problem).toMatch(/^本机签名身份的证书姓名是“王专家”，与名单中的“张三”不一致/);
    expect((await ok<ExportPlan>(c, 'signing.plan', { sessionId })).blockers).toContainEqual(
      expect.stringMatching(/专家名单中没有“王专家”/),
    );

    // Re-created from the profile, the certificate carries the roster name: settled.
    await ok(c, 'signing.identity.create', { passphrase, replace: true });
    expect(await ok<RosterCheck>(c, 'session.roster.get', { sessionId })).toMatchObject({ suggested: 0, problem: null });
    // Editing the name afterwards unsettles it again.
    await ok(c, 'expert.save', { name: '张 三', title: '高级工程师', employer: '某设计院', phone: '' });
    expect((await ok<RosterCheck>(c, 'session.roster.get', { sessionId })).problem).toBe(
      '专家信息中的姓名“张 三”与您在名单中确认的“张三”不一致：请重新确认。',
    );
  }, 60_000);

  it('confirms the name as entered when a session has no roster, and still answers with a damaged identity', async () => {
    const clock = testClock('2027-03-05T09:00:00Z');
    const dataDir = tempDir();
    const c = await core(dataDir, clock.now);
    const folder = await writeMinimalPackage(tempDir());
    const { id: sessionId } = await ok<{ id: string }>(c, 'package.import', { jobId: 'j', source: { kind: 'path', path: folder } });
    await ok(c, 'expert.save', { name: '王专家', title: '', employer: '', phone: '' });
    await ok(c, 'signing.identity.create', { passphrase });
    c.close();
    cores.pop();
    // The package format requires a roster; a session without one is made by removing it from the store. The identity's
    // certificate is damaged on the way: the gate must still answer (the 签名身份 screen reports the damage).
    const { openStore } = await import('../../../electron/core/store/db');
    const store = await openStore(dataDir, clock.now);
    store.db.prepare(`DELETE FROM experts WHERE session_id = ?`).run(sessionId);
    store.db.prepare(`UPDATE signing_identity SET stored_json = json_set(stored_json, '$.certificate', 'AAAA')`).run();
    store.close();
    const again = await core(dataDir, clock.now);
    const detail = await ok<SessionDetail>(again, 'session.get', { sessionId });
    expect(detail.experts).toEqual([]);
    expect(await ok<RosterCheck>(again, 'session.roster.get', { sessionId })).toMatchObject({
      identity: null,
      problem: '本评审包没有附专家名单：评审结果将以专家信息中的姓名“王专家”签名。请确认姓名无误；如有误，请先修改专家信息。',
    });
    expect(await refused(again, 'signing.plan', { sessionId })).toMatch(/^证书无法解析/);
    expect(await refused(again, 'session.roster.confirm', { sessionId, position: 0 })).toBe('本评审包没有附专家名单，无法按名单确认身份。');
    expect(await ok<RosterCheck>(again, 'session.roster.confirm', { sessionId, position: null })).toMatchObject({
      confirmed: { position: null, name: '王专家' },
      problem: null,
    });
  }, 60_000);
});
