// The pre-check through the core, as the 形式审查 tab uses it: extract text, search it, read the report, mark a finding.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import type { JobProgress, SearchHit, SessionDetail } from '../../../shared/domain';
import type { PrecheckReport } from '../../../shared/precheck';
import { makeSamples } from '../../../scripts/make-samples';
import { tempDir } from '../../helpers/core';
import { callCore } from '../../../electron/core/api/call';

let core: Core;
let session: SessionDetail;
const progress: JobProgress[] = [];

const ok = <T>(name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

beforeAll(async () => {
  const samples = tempDir();
  await makeSamples(samples);
  core = await openCore({
    dataDir: tempDir(),
    version: 't',
    transport: 'ipc',
    choosePath: null,
    openPath: async () => false,
    openFolder: async () => false,
    emit: (_n, p) => progress.push(p),
  });
  const summary = await ok<{ id: string }>('package.import', {
    jobId: 'i',
    source: { kind: 'path', path: path.join(samples, 'donghe-2027-defects.rpkg') },
  });
  session = await ok<SessionDetail>('session.get', { sessionId: summary.id });
}, 120_000);
afterAll(() => core?.close());

describe('pre-check through the core', () => {
  it('before extraction, the report says text is not ready and does not call chapters missing', async () => {
    const report = await ok<PrecheckReport>('precheck.project', { sessionId: session.id, projectId: session.projects[0]!.id });
    expect(report.textReady).toBe(false);
    expect(report.chapters.every((c) => !c.found)).toBe(true);
    expect(report.findings.filter((f) => f.ruleId.includes('chapter') && f.status === 'fail')).toEqual([]);
  });

  it('extracts every document once with progress, then finds chapters with pages and search hits with snippets', async () => {
    const first = await ok<{ extracted: number; failed: number }>('text.extract', { sessionId: session.id, jobId: 'x' });
    expect(first.extracted).toBeGreaterThan(0);
    expect(first.failed).toBe(0);
    expect(progress.filter((p) => p.jobId === 'x' && p.phase === 'extract').at(-1)).toMatchObject({ done: expect.any(Number) });
    expect(await ok('text.extract', { sessionId: session.id, jobId: 'y' })).toEqual({ extracted: 0, failed: 0 });

    const report = await ok<PrecheckReport>('precheck.project', { sessionId: session.id, projectId: session.projects[0]!.id });
    expect(report.textReady).toBe(true);
    const sharing = report.chapters.find((c) => /数据资源共享/.test(c.title));
    expect(sharing?.found).toBe(false); // the defect the sample was built with
    const found = report.chapters.filter((c) => c.found);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(c).toMatchObject({ documentKey: expect.any(Number), page: expect.any(Number) });
    expect(report.totals.ineligibleFen).toBe(104_900_000); // 104.90 万元 = 1,049,000 元: wages, travel, consumables

    const { hits } = await ok<{ hits: SearchHit[] }>('search.session', { sessionId: session.id, query: '网络安全' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({
      documentKey: expect.any(Number),
      page: expect.any(Number),
      snippet: expect.stringContaining('【网络安全】'),
    });
  }, 180_000);

  it("keeps the expert's marks with their history, newest in force, and clearing restores the finding", async () => {
    const projectId = session.projects[1]!.id;
    const before = await ok<PrecheckReport>('precheck.project', { sessionId: session.id, projectId });
    const finding = before.findings.find((f) => f.status === 'fail')!;
    await ok('precheck.mark', {
      sessionId: session.id,
      projectId,
      ruleId: finding.ruleId,
      mark: 'not-applicable',
      note: '上级部门统一部署，有文件依据',
    });
    await ok('precheck.mark', { sessionId: session.id, projectId, ruleId: finding.ruleId, mark: 'verified', note: '已核实' });
    let after = (await ok<PrecheckReport>('precheck.project', { sessionId: session.id, projectId })).findings.find(
      (f) => f.ruleId === finding.ruleId,
    )!;
    expect(after.mark).toMatchObject({ mark: 'verified', note: '已核实' });
    expect(after.history.map((h) => h.mark)).toEqual(['verified', 'not-applicable']);
    await ok('precheck.mark', { sessionId: session.id, projectId, ruleId: finding.ruleId, mark: null, note: '' });
    after = (await ok<PrecheckReport>('precheck.project', { sessionId: session.id, projectId })).findings.find(
      (f) => f.ruleId === finding.ruleId,
    )!;
    expect(after.mark).toBeNull();
    expect(after.history).toHaveLength(3);
    expect(
      await core.dispatch('precheck.mark', { sessionId: session.id, projectId: 'nope', ruleId: 'r', mark: null, note: '' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
