// The expert calls through the dispatcher: the profile (saved, validated), and the session commitment and the identity on the roster (确认身份) that scoring requires.
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import type { Envelope } from '../../../shared/api';
import type { ReviewView } from '../../../shared/scoring';
import { quietHost, tempDir, writeMinimalPackage } from '../../helpers/core';
import { callCore } from '../../../electron/core/api/call';
import { confirmIdentity } from '../sampleSession';
import { openStore } from '../../../electron/core/store/db';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function start(dataDir = tempDir()): Promise<Core> {
  const core = await openCore(quietHost(dataDir), () => new Date('2027-03-05T09:00:00Z'));
  cores.push(core);
  return core;
}

const ok = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

async function refused(core: Core, name: string, input: unknown) {
  const res = (await core.dispatch(name, input)) as Envelope<never>;
  if (res.ok) throw new Error(`${name} was not refused`);
  return res.error;
}

const profile = { name: '王专家', title: '高级工程师', employer: '某市信息中心', phone: '023-6688' };
/** The profile of the minimal package's only roster entry. */
const rostered = { ...profile, name: '张三' };

/** Imports the minimal package (its roster: 张三) and answers the session id. */
async function importMinimal(core: Core): Promise<string> {
  const summary = await ok<{ id: string }>(core, 'package.import', {
    jobId: 'j',
    source: { kind: 'path', path: await writeMinimalPackage(tempDir()) },
  });
  return summary.id;
}

describe('expert profile', () => {
  it('is null before the first save, then saved, edited and kept across a restart', async () => {
    const dataDir = tempDir();
    const core = await start(dataDir);
    expect(await ok(core, 'expert.get', {})).toBeNull();
    expect(await ok(core, 'expert.save', { ...profile, name: '  王专家 ' })).toEqual(profile);
    await ok(core, 'expert.save', { ...profile, title: '正高级工程师' });
    core.close();
    cores.pop();
    expect(await ok(await start(dataDir), 'expert.get', {})).toEqual({ ...profile, title: '正高级工程师' });
  });

  it('refuses an empty name and a phone with other characters, in Chinese', async () => {
    const core = await start();
    expect(await refused(core, 'expert.save', { ...profile, name: '  ' })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('请填写姓名'),
    });
    expect(await refused(core, 'expert.save', { ...profile, phone: '023 abc' })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('数字和短横线'),
    });
    expect(await ok(core, 'expert.get', {})).toBeNull();
  });
});

describe('session commitment', () => {
  it('is required before review.save, and records the time and the expert name once', async () => {
    const core = await start();
    const sessionId = await importMinimal(core);
    const view = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    const save = () =>
      core.dispatch('review.save', {
        sessionId,
        projectId: 'p1',
        review: { ...view.review, overallOpinion: '可行' },
        baseVersion: 0,
      }) as Promise<Envelope<ReviewView>>;

    expect(await ok(core, 'session.commitment.get', { sessionId })).toBeNull();
    expect(await refused(core, 'session.commitment.accept', { sessionId })).toMatchObject({ message: expect.stringContaining('专家信息') });
    expect(await refused(core, 'session.commitment.accept', { sessionId: 'nope' })).toMatchObject({ code: 'not-found' });

    // The roster's 张三 confirms who they are first (确认身份); the commitment is still asked for.
    await ok(core, 'expert.save', rostered);
    await confirmIdentity(core, sessionId);
    expect(await refused(core, 'review.save', { sessionId, projectId: 'p1', review: view.review, baseVersion: 0 })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('专家承诺书'),
    });
    const accepted = { sessionId, acceptedAt: '2027-03-05T09:00:00.000Z', expertName: '张三' };
    expect(await ok(core, 'session.commitment.accept', { sessionId })).toEqual(accepted);
    await ok(core, 'expert.save', { ...profile, name: '李专家' });
    expect(await ok(core, 'session.commitment.accept', { sessionId })).toEqual(accepted);
    expect(await ok(core, 'session.commitment.get', { sessionId })).toEqual(accepted);
    expect(await save()).toMatchObject({ ok: true, value: { version: 1 } });
  });
});

describe('identity on the roster (确认身份)', () => {
  it('refuses saving, completing and signing a review before the expert confirmed their roster entry, writes nothing, and allows it after', async () => {
    const core = await start();
    const sessionId = await importMinimal(core);
    await ok(core, 'expert.save', rostered);
    await ok(core, 'session.commitment.accept', { sessionId });
    const key = { sessionId, projectId: 'p1' };
    const view = await ok<ReviewView>(core, 'review.get', key);
    const review = { ...view.review, overallOpinion: '可行' };

    const unconfirmed = {
      code: 'invalid-input',
      message: '请先确认评审专家身份：本评审包附有专家名单，请在“评分”页从名单中选择您的姓名并确认，再评分、完成评审或签名。',
    };
    expect(await refused(core, 'review.save', { ...key, review, baseVersion: 0 })).toMatchObject(unconfirmed);
    expect(await refused(core, 'review.complete', key)).toMatchObject(unconfirmed);
    expect(await refused(core, 'review.sign', { ...key, passphrase: '评审口令-2027-secure' })).toMatchObject(unconfirmed);
    expect(await ok<ReviewView>(core, 'review.get', key)).toMatchObject({ version: 0, review: view.review });
    expect(await ok(core, 'review.history', key)).toEqual([]);

    // The 签名并导出 plan names the same step among its blockers.
    const plan = await ok<{ blockers: string[] }>(core, 'signing.plan', { sessionId });
    expect(plan.blockers).toContain('尚未确认您在专家名单中的身份：请在评分页从名单中确认您的姓名。');

    expect(await ok(core, 'session.roster.get', { sessionId })).toMatchObject({
      suggested: 0,
      confirmed: null,
      problem: '请确认您就是名单中的“张三”。',
    });
    expect(await confirmIdentity(core, sessionId)).toMatchObject({ confirmed: { position: 0, name: '张三' }, problem: null });
    expect(await ok<ReviewView>(core, 'review.save', { ...key, review, baseVersion: 0 })).toMatchObject({
      version: 1,
      review: { overallOpinion: '可行' },
    });
    expect(await ok<unknown[]>(core, 'review.history', key)).toHaveLength(1);
  });

  it('is not asked for in a session without a roster: scoring goes on as before', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const sessionId = await importMinimal(first);
    first.close();
    cores.pop();
    // The package format requires a roster; a session without one (from before rosters) is made by removing it from the store.
    const store = await openStore(dataDir, () => new Date('2027-03-05T09:00:00Z'));
    store.db.prepare(`DELETE FROM experts WHERE session_id = ?`).run(sessionId);
    store.close();
    const core = await start(dataDir);
    await ok(core, 'expert.save', profile);
    await ok(core, 'session.commitment.accept', { sessionId });
    const key = { sessionId, projectId: 'p1' };
    const view = await ok<ReviewView>(core, 'review.get', key);
    expect(
      await ok<ReviewView>(core, 'review.save', { ...key, review: { ...view.review, overallOpinion: '可行' }, baseVersion: 0 }),
    ).toMatchObject({
      version: 1,
    });
  });
});
