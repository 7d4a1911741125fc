// A package may carry its own profile: a 西山区 package is imported as an expert would (core API, no UI), checked against
// its carried profile every time the session is opened, and a package whose profile is hostile is refused whole.
import { existsSync, readdirSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCore } from '../../../electron/core/api/call';
import { openCore, type Core } from '../../../electron/core/app';
import { describeFile, writePackageZip } from '../../../electron/core/package/write';
import type { Envelope } from '../../../shared/api';
import type { SessionDetail, SessionSummary } from '../../../shared/domain';
import type { PrecheckReport } from '../../../shared/precheck';
import type { ReviewView } from '../../../shared/scoring';
import { hostileProfiles, profileBytes, xishan, xishanProfile } from '../../../scripts/hostile/carried-profile';
import { makeSamples } from '../../../scripts/make-samples';
import { tempDir, writeMinimalPackage } from '../../helpers/core';

const host = (dataDir: string) => ({
  dataDir,
  version: 't',
  transport: 'ipc' as const,
  choosePath: null,
  openPath: async () => false,
  openFolder: async () => false,
  emit: () => undefined,
});
const ok = <T>(core: Core, name: string, input: unknown): Promise<T> => callCore<T>(core.dispatch, name, input);

/** Adds profile.json to a package folder and lists it in manifest.json (true size and hash), with the given jurisdiction. */
async function carry(
  folder: string,
  profile: Buffer,
  jurisdiction: string,
  edit: (m: Record<string, unknown>) => void = () => undefined,
): Promise<void> {
  await writeFile(path.join(folder, 'profile.json'), profile);
  const { sha256, bytes } = await describeFile(path.join(folder, 'profile.json'), 'profile.json');
  const manifestPath = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  Object.assign(manifest, { jurisdiction, profile: { path: 'profile.json', sha256, bytes } });
  edit(manifest);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Every citation the expert sees for a project: findings, budget verdicts. */
const citationsOf = (report: PrecheckReport) => [...report.findings.map((f) => f.citation), ...report.budgetLines.map((b) => b.citation)];

describe('a 西山区 package carrying its own profile', () => {
  let dataDir: string;
  let rpkg: string;
  let core: Core;
  let session: SessionDetail;

  beforeAll(async () => {
    // The 武隆 sample as the sample generator writes it, re-issued for 西山区 with the renamed profile, zipped by the package writer.
    const samples = tempDir('rd-xishan-samples-');
    await makeSamples(samples);
    const folder = path.join(tempDir('rd-xishan-'), 'xishan-2027');
    await cp(path.join(samples, 'wulong-2027'), folder, { recursive: true });
    await carry(folder, profileBytes(xishanProfile()), xishan.id, (m) => {
      m.packageId = '5e1a6d2c-3b4f-4a5e-9c7d-8e9f0a1b2c3d';
      m.issuer = '西山区大数据发展局';
    });
    rpkg = path.join(path.dirname(folder), 'xishan-2027.rpkg');
    await writePackageZip(folder, rpkg);

    dataDir = tempDir('rd-xishan-data-');
    core = await openCore(host(dataDir));
    const summary = await ok<SessionSummary>(core, 'package.import', { jobId: 'xishan', source: { kind: 'path', path: rpkg } });
    expect(summary.jurisdiction).toBe('xishan');
    session = await ok<SessionDetail>(core, 'session.get', { sessionId: summary.id });
    await ok(core, 'text.extract', { sessionId: session.id, jobId: 'extract' });
  }, 240_000);
  afterAll(() => core?.close());

  it('runs the pre-check under 西山区 rules: findings cite 西山区, nothing cites 武隆', async () => {
    let cited = 0;
    for (const project of session.projects) {
      const report = await ok<PrecheckReport>(core, 'precheck.project', { sessionId: session.id, projectId: project.id });
      expect(report.textReady).toBe(true);
      expect(report.findings.length).toBeGreaterThan(5);
      for (const f of report.findings) {
        expect(f.ruleId, f.ruleId).toMatch(/^xishan\./);
        expect(f.citation, f.ruleId).not.toMatch(/武隆/);
        // Messages quote the package's own documents (the sample's are titled 武隆区…), never 武隆's regulation.
        expect(f.message, f.ruleId).not.toMatch(/武隆区政务信息化项目管理办法|武隆府办发/);
      }
      for (const c of citationsOf(report)) expect(c).not.toMatch(/武隆/);
      cited += report.findings.filter((f) => f.citation.startsWith(`${xishan.citeAs} 第`)).length;
    }
    expect(cited).toBeGreaterThan(10);
  });

  it('scores against the carried rubric: profile xishan, sub-criteria cite 西山区', async () => {
    const view = await ok<ReviewView>(core, 'review.get', { sessionId: session.id, projectId: session.projects[0]!.id });
    expect(view.rubric.profileId).toBe('xishan');
    const citations = view.rubric.rubric.dimensions.flatMap((d) => d.subCriteria.map((c) => c.citation));
    expect(citations.some((c) => c.startsWith(xishan.citeAs))).toBe(true);
    expect(citations.join('\n')).not.toMatch(/武隆/);
  });

  it('uses the stored profile every time the session is opened again', async () => {
    const before = await ok<PrecheckReport>(core, 'precheck.project', { sessionId: session.id, projectId: session.projects[0]!.id });
    core.close();
    core = await openCore(host(dataDir));
    const after = await ok<PrecheckReport>(core, 'precheck.project', { sessionId: session.id, projectId: session.projects[0]!.id });
    expect(after.findings.map((f) => [f.ruleId, f.status, f.citation])).toEqual(
      before.findings.map((f) => [f.ruleId, f.status, f.citation]),
    );
    // Importing the same package again opens the same session.
    expect((await ok<SessionSummary>(core, 'package.import', { jobId: 'again', source: { kind: 'path', path: rpkg } })).id).toBe(
      session.id,
    );
  });
});

describe('importing a package whose carried profile is hostile', () => {
  let core: Core;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir('rd-hostile-profile-');
    core = await openCore(host(dataDir));
  });
  afterAll(() => core?.close());

  /** What a refused import could have left: session rows, package folders, staging folders. */
  async function traces() {
    const list = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
    return {
      sessions: (await ok<SessionSummary[]>(core, 'session.list', {})).length,
      packages: list(path.join(dataDir, 'packages')),
      staging: list(path.join(dataDir, 'staging')),
    };
  }

  it.each(hostileProfiles().map((c) => [c.name, c] as const))(
    '%s: refused naming profile.json and the path, nothing written',
    async (_name, c) => {
      const folder = await writeMinimalPackage(tempDir('rd-hostile-pkg-'), { packageId: '0b7c8d9e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' });
      await carry(folder, c.bytes, xishan.id);
      const res = (await core.dispatch('package.import', { jobId: c.name, source: { kind: 'path', path: folder } })) as Envelope<unknown>;
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe('package-invalid');
      const first = res.error.problems![0];
      expect(first!.code).toBe('profile-invalid');
      expect(first!.path).toBe(c.path ? `profile.json → ${c.path}` : 'profile.json');
      expect(first!.message).toContain('profile.json');
      expect(first!.message).toMatch(/\p{Script=Han}/u);
      expect(await traces()).toEqual({ sessions: 0, packages: [], staging: [] });
      await rm(folder, { recursive: true, force: true });
    },
    60_000,
  );

  it('refuses an unknown jurisdiction without a carried profile, with a clear Chinese reason', async () => {
    const folder = await writeMinimalPackage(tempDir('rd-unknown-'));
    const manifestPath = path.join(folder, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, jurisdiction: 'xishan' }));
    const res = (await core.dispatch('package.import', { jobId: 'u', source: { kind: 'path', path: folder } })) as Envelope<unknown>;
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.problems![0]).toMatchObject({ code: 'manifest-schema', path: 'manifest.json → jurisdiction' });
    expect(res.error.problems![0]!.message).toMatch(/没有辖区“xishan”的内置评审规则.*profile\.json/);
    expect(await traces()).toEqual({ sessions: 0, packages: [], staging: [] });
  });
});
