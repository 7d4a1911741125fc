// The expert calls through the dispatcher: the profile (saved, validated) and the session commitment that scoring requires.
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import type { Envelope } from '../../../shared/api';
import type { ReviewView } from '../../../shared/scoring';
import { quietHost, tempDir, writeMinimalPackage } from '../../helpers/core';
import { callCore } from '../../../electron/core/api/call';

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
    const summary = await ok<{ id: string }>(core, 'package.import', {
      jobId: 'j',
      source: { kind: 'path', path: await writeMinimalPackage(tempDir()) },
    });
    const sessionId = summary.id;
    const view = await ok<ReviewView>(core, 'review.get', { sessionId, projectId: 'p1' });
    const save = () =>
      core.dispatch('review.save', {
        sessionId,
        projectId: 'p1',
        review: { ...view.review, overallOpinion: '可行' },
        baseVersion: 0,
      }) as Promise<Envelope<ReviewView>>;

    expect(await refused(core, 'review.save', { sessionId, projectId: 'p1', review: view.review, baseVersion: 0 })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('专家承诺书'),
    });
    expect(await ok(core, 'session.commitment.get', { sessionId })).toBeNull();
    expect(await refused(core, 'session.commitment.accept', { sessionId })).toMatchObject({ message: expect.stringContaining('专家信息') });
    expect(await refused(core, 'session.commitment.accept', { sessionId: 'nope' })).toMatchObject({ code: 'not-found' });

    await ok(core, 'expert.save', profile);
    const accepted = { sessionId, acceptedAt: '2027-03-05T09:00:00.000Z', expertName: '王专家' };
    expect(await ok(core, 'session.commitment.accept', { sessionId })).toEqual(accepted);
    await ok(core, 'expert.save', { ...profile, name: '李专家' });
    expect(await ok(core, 'session.commitment.accept', { sessionId })).toEqual(accepted);
    expect(await ok(core, 'session.commitment.get', { sessionId })).toEqual(accepted);
    expect(await save()).toMatchObject({ ok: true, value: { version: 1 } });
  });
});
