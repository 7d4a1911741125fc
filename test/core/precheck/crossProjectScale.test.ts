// Issue 17 item 7: cross-project checks were recomputed for every project (quadratic per call, cubic for an
// overview): with 1,000 projects review.get took 8.8 s and session.overview hung. They are computed once per session
// (and per package check), and indexed by kind and line key instead of comparing every pair.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPackage } from '../../../electron/core/package/importer';
import { checkPackageProjects } from '../../../electron/core/precheck/packageCheck';
import { projectReport } from '../../../electron/core/precheck/report';
import { crossProjectFindings } from '../../../electron/core/precheck/rules/crossProject';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { fromManifestProject } from '../../../electron/core/precheck/checks';
import { getSession } from '../../../electron/core/store/sessions';
import { manifestSchema } from '../../../shared/manifest';
import { openTestCore, tempDir, type TestCore } from '../../helpers/core';

vi.mock('../../../electron/core/precheck/rules/crossProject', async (original) => {
  const actual = await original<typeof import('../../../electron/core/precheck/rules/crossProject')>();
  return { ...actual, crossProjectFindings: vi.fn(actual.crossProjectFindings) };
});
const spy = vi.mocked(crossProjectFindings);

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.store.close();
  spy.mockClear();
});

const systems = ['视频监控平台', '数据共享交换平台', '协同办公系统', '应急指挥系统', '政务服务网'];

/** A folder package of `count` projects without documents; every tenth shares a system kind and a budget line. */
/** 12 → 甲甲乙丙: line keys drop digits, so distinct lines need distinct letters (of one length: none contains another). */
const han = (n: number) => [...String(n).padStart(4, '0')].map((d) => '甲乙丙丁戊己庚辛壬癸'[Number(d)]).join('');

async function manyProjects(count: number, tag = ''): Promise<string> {
  const root = tempDir('rd-many-');
  const projects = Array.from({ length: count }, (_, i) => ({
    id: `P${String(i).padStart(4, '0')}`,
    name: i % 10 === 0 ? `第${i}号${systems[(i / 10) % systems.length]}建设项目` : `第${i}号专项业务项目`,
    applicant: `第${i % 37}局`,
    type: 'new',
    totalInvestment: 1_000_000 + i,
    fundingSource: '区级财政',
    periodMonths: 12,
    inAnnualPlan: true,
    summary: `项目${i}的建设内容说明${tag}`,
    documents: [],
    budgetLines: [
      {
        id: 'b1',
        name: i % 10 === 0 ? '城市运行感知数据汇聚模块开发' : `业务模块${han(i)}定制开发`,
        category: '软件开发',
        quantity: 1,
        unit: '项',
        unitPrice: 600_000,
        amount: 600_000,
      },
      {
        id: 'b2',
        name: `${han(i)}专项咨询服务`,
        category: '服务',
        quantity: 2,
        unit: '台',
        unitPrice: 200_000 + i / 2,
        amount: 400_000 + i,
      },
    ],
  }));
  const manifest = {
    formatVersion: 1,
    packageId: '7a1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    createdAt: '2027-03-01T08:00:00+08:00',
    issuer: '测试区大数据发展局',
    jurisdiction: 'national',
    session: { title: '千项目评审会', date: '2027-03-05', location: '会议室', experts: [{ name: '张三' }], chair: '张三' },
    projects,
  };
  // One small file, so the package has something to stage.
  const note = Buffer.from('说明文件');
  await fs.mkdir(path.join(root, 'documents'), { recursive: true });
  await fs.writeFile(path.join(root, 'documents', 'note.txt'), note);
  (projects[0]!.documents as object[]).push({
    id: 'D1',
    kind: 'other',
    title: '说明',
    path: 'documents/note.txt',
    sha256: createHash('sha256').update(note).digest('hex'),
    bytes: note.length,
  });
  await fs.writeFile(path.join(root, 'manifest.json'), JSON.stringify(manifest));
  return root;
}

describe('cross-project checks over 1,000 projects', () => {
  it('are computed once for a whole session, however many projects are reported, and give the same findings', async () => {
    const folder = await manyProjects(1000);
    const core = await openTestCore();
    cores.push(core);
    const summary = await importPackage(core.ctx, 'job', folder);
    const db = core.store.db;
    const session = getSession(db, summary.id)!;
    spy.mockClear();
    // As session.overview does: the report of every project.
    for (const p of session.projects) expect(projectReport(db, session, p.id)).not.toBeNull();
    expect(spy).toHaveBeenCalledTimes(1);
    // As review.get does: the session read afresh for each call, the same projects.
    for (const id of ['P0000', 'P0001', 'P0999']) projectReport(db, getSession(db, summary.id)!, id);
    expect(spy).toHaveBeenCalledTimes(1);

    const sameSystem = projectReport(db, session, 'P0010')!.findings.find((f) => f.ruleId.endsWith('.same-system'))!;
    expect(sameSystem.status).toBe('judge');
    expect(sameSystem.message).toContain('“第60号数据共享交换平台建设项目”');
    const overlap = projectReport(db, session, 'P0010')!.findings.find((f) => f.ruleId.endsWith('.overlapping-lines'))!;
    expect(overlap.status).toBe('judge');
    expect(overlap.message).toContain('“城市运行感知数据汇聚模块开发”');
    const lone = projectReport(db, session, 'P0011')!.findings.find((f) => f.ruleId.endsWith('.overlapping-lines'))!;
    expect(lone.status).toBe('pass');
  }, 120_000);

  it('`review-desk check` (the package pre-check) computes them once too', async () => {
    const folder = await manyProjects(1000, '（另一评审包）');
    const manifest = manifestSchema.parse(JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8')));
    spy.mockClear();
    const checked = await checkPackageProjects(manifest, folder);
    expect(checked).toHaveLength(1000);
    expect(spy).toHaveBeenCalledTimes(1);
  }, 120_000);

  it('the indexed comparison gives what comparing every pair gives', () => {
    // Small enough to compare with a pairwise reference computed project by project.
    const profile = loadProfile('national');
    const projects = manifestSchema.shape.projects
      .parse(
        Array.from({ length: 40 }, (_, i) => ({
          id: `Q${i}`,
          name: i % 3 ? `第${i}号视频监控平台` : `第${i}号协同办公系统`,
          applicant: '局',
          type: 'new',
          totalInvestment: 1,
          inAnnualPlan: true,
          documents: [],
          budgetLines: [
            { id: 'a', name: i % 4 ? '视频监控前端设备采购' : `专用模块${i % 5}开发`, category: '硬件', amount: 1 },
            { id: 'b', name: i % 2 ? '城市运行感知数据汇聚' : '城市运行感知数据汇聚模块开发（首年）', category: '软件', amount: 1 },
          ],
        })),
      )
      .map(fromManifestProject);
    const all = crossProjectFindings(projects, profile);
    for (const p of projects) {
      // Each project against the others alone: the same findings as in the whole session.
      const pairwise = projects
        .filter((o) => o.id !== p.id)
        .reduce(
          (acc, o) =>
            acc +
            (crossProjectFindings([p, o], profile)
              .get(p.id)!
              .some((f) => f.status === 'judge')
              ? 1
              : 0),
          0,
        );
      const judged = all.get(p.id)!.filter((f) => f.status === 'judge').length;
      expect(judged > 0).toBe(pairwise > 0);
    }
  });
});
