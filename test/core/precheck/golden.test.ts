// Golden runs of the pre-check on the two sample packages: wulong-2027 passes, donghe-2027-defects fails on each designed defect.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../shared/manifest';
import type { ChapterMatch, Finding } from '../../../shared/precheck';
import type { Profile } from '../../../shared/profile';
import {
  crossProjectFindings,
  fromManifestProject,
  runProjectChecks,
  textFromProject,
  type PrecheckProject,
} from '../../../electron/core/precheck/checks';
import { checkPackageProjects } from '../../../electron/core/precheck/packageCheck';
import { loadProfile } from '../../../electron/core/precheck/profiles';
import { makeSamples } from '../../../scripts/make-samples';
import { missingChapter } from '../../../scripts/samples/donghe';
import { requiredChapters as sampleChapters } from '../../../scripts/samples/proposal';

function finding(findings: Finding[], ruleId: string): Finding {
  const f = findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`没有 ${ruleId} 的结论：${findings.map((x) => x.ruleId).join(', ')}`);
  return f;
}

describe('golden: the sample packages', () => {
  let tmp: string | null = null;
  const manifests = new Map<string, Manifest>();

  beforeAll(async () => {
    const root = path.resolve(__dirname, '../../../resources/samples');
    const dirs = ['wulong-2027', 'donghe-2027-defects'];
    if (dirs.every((d) => existsSync(path.join(root, d, 'manifest.json')))) {
      for (const d of dirs) manifests.set(d, JSON.parse(readFileSync(path.join(root, d, 'manifest.json'), 'utf8')));
    } else {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'rd-precheck-samples-'));
      for (const s of await makeSamples(tmp)) manifests.set(s.dirName, s.manifest);
    }
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Chapter matches as chapter detection would report them on the sample proposals (dh-2027-01 leaves one out). */
  function chapterMatches(profile: Profile, p: PrecheckProject): ChapterMatch[] {
    const proposal = p.documents.find((d) => d.kind === 'proposal')!;
    const present = sampleChapters.filter((c) => !(p.id === 'dh-2027-01' && c === missingChapter));
    return profile.requiredChapters.map((chapter) => {
      const heading = present.find((h) =>
        [chapter.title.replace('篇（章）', ''), ...chapter.synonyms].some((s) => h.includes(s) || s.includes(h)),
      );
      return heading ? { chapterId: chapter.id, found: true, documentId: proposal.id, heading } : { chapterId: chapter.id, found: false };
    });
  }

  function check(dir: string): { id: string; findings: Finding[] }[] {
    const manifest = manifests.get(dir)!;
    const profile = loadProfile(manifest.jurisdiction);
    const projects = manifest.projects.map(fromManifestProject);
    const cross = crossProjectFindings(projects, profile);
    return projects.map((p) => ({
      id: p.id,
      findings: [
        ...runProjectChecks({ project: p, profile, chapterMatches: chapterMatches(profile, p), projectText: textFromProject(p) }),
        ...cross.get(p.id)!,
      ],
    }));
  }

  const failing = (findings: Finding[]) => findings.filter((f) => f.status === 'fail').map((f) => f.ruleId);

  it('wulong-2027: no project fails, and most rules pass', () => {
    for (const { id, findings } of check('wulong-2027')) {
      expect(failing(findings), id).toEqual([]);
      expect(findings.filter((f) => f.status === 'pass').length / findings.length, id).toBeGreaterThan(0.75);
    }
  });

  it('on the full text of the sample documents, wulong still does not fail and donghe fails on its defects', async () => {
    const root = path.resolve(__dirname, '../../../resources/samples');
    const folderOf = (dir: string) => (tmp ? path.join(tmp, dir) : path.join(root, dir));
    const wulong = await checkPackageProjects(manifests.get('wulong-2027')!, folderOf('wulong-2027'));
    for (const p of wulong) expect(failing(p.findings), p.id).toEqual([]);
    const donghe = await checkPackageProjects(manifests.get('donghe-2027-defects')!, folderOf('donghe-2027-defects'));
    expect(failing(donghe.find((p) => p.id === 'dh-2027-02')!.findings)).toEqual(
      expect.arrayContaining(['donghe.red-flag.private-network', 'donghe.red-flag.no-government-cloud']),
    );
    // 东河's 办法 says nothing of standalone APPs: the APP is shown as 参考做法, never as a 不符合 citing another district.
    expect(finding(donghe.find((p) => p.id === 'dh-2027-02')!.findings, 'donghe.red-flag.standalone-app')).toMatchObject({
      status: 'reference',
      citation: '参考做法（本区办法未作规定）',
    });
    const cloud = finding(donghe.find((p) => p.id === 'dh-2027-02')!.findings, 'donghe.red-flag.no-government-cloud');
    expect(cloud.evidence.some((e) => e.page !== undefined && e.quote?.includes('自有机房'))).toBe(true);
  });

  it('donghe-2027-defects dh-2027-01: no 可研, no data-sharing chapter, 人员工资 / 差旅费 / 办公耗材 (参考做法: 东河 has no budget list)', () => {
    const { findings } = check('donghe-2027-defects').find((p) => p.id === 'dh-2027-01')!;
    expect(failing(findings)).toEqual(expect.arrayContaining(['donghe.docs.feasibility', 'donghe.chapter.data-sharing']));
    const budget = finding(findings, 'donghe.budget.eligibility');
    expect(budget).toMatchObject({ status: 'reference', citation: '参考做法（本区办法未作规定）' });
    for (const name of ['人员工资', '差旅费', '办公耗材']) expect(budget.message).toContain(name);
    expect(budget.message).toContain('合计 104.90 万元');
  });

  it('donghe-2027-defects dh-2027-02: not in plan, 业务专网, own server room; APP + 小程序, 会议室 and 推广宣传 as 参考做法', () => {
    const { findings } = check('donghe-2027-defects').find((p) => p.id === 'dh-2027-02')!;
    expect(failing(findings)).toEqual(
      expect.arrayContaining([
        'donghe.red-flag.not-in-annual-plan',
        'donghe.red-flag.private-network',
        'donghe.red-flag.no-government-cloud',
      ]),
    );
    // What 东河's 办法 does not regulate (standalone APPs, the budget list) is 参考做法, not 不符合.
    expect(findings.filter((f) => f.status === 'reference').map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['donghe.red-flag.standalone-app', 'donghe.budget.eligibility']),
    );
    expect(
      finding(findings, 'donghe.red-flag.no-government-cloud')
        .evidence.map((e) => e.quote)
        .join(),
    ).toContain('自有机房');
    expect(
      finding(findings, 'donghe.red-flag.standalone-app')
        .evidence.map((e) => e.quote)
        .join(),
    ).toMatch(/APP/);
    const budget = finding(findings, 'donghe.budget.eligibility');
    expect(budget.message).toContain('会议室升级改造');
    expect(budget.message).toContain('推广宣传');
    expect(findings.filter((f) => f.ruleId.startsWith('donghe.docs.')).every((f) => f.status === 'pass')).toBe(true);
  });
});
